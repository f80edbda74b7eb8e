-- Forum notifications (issue #17 item 6, decision 042): classroom watches, per-kind e-mail
-- preferences (off / immediate / daily digest), the bell entry's site message, one entry per
-- member + post + kind (idempotent fan-out), and extra outbox headers for RFC 8058 unsubscribe.

-- AlterTable
ALTER TABLE `EmailOutbox` ADD COLUMN `headers` JSON NULL;

-- AlterTable
ALTER TABLE `ForumNotification` ADD COLUMN `messageId` INT NULL,
    ADD COLUMN `deliveredAt` DATETIME(3) NULL;

-- CreateIndex
CREATE UNIQUE INDEX `ForumNotification_memberId_postId_kind_key` ON `ForumNotification`(`memberId`, `postId`, `kind`);

-- CreateIndex
CREATE INDEX `ForumNotification_postId_idx` ON `ForumNotification`(`postId`);

-- CreateIndex
CREATE INDEX `ForumNotification_createdAt_memberId_idx` ON `ForumNotification`(`createdAt`, `memberId`);

-- CreateTable
CREATE TABLE `ForumClassroomWatch` (
    `classroomId` INT NOT NULL,
    `memberId` INT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ForumClassroomWatch_memberId_idx`(`memberId`),
    PRIMARY KEY (`classroomId`, `memberId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ForumNotifyPreference` (
    `memberId` INT NOT NULL,
    `replyMail` ENUM('off', 'immediate', 'digest') NOT NULL DEFAULT 'digest',
    `threadMail` ENUM('off', 'immediate', 'digest') NOT NULL DEFAULT 'digest',
    `mentionMail` ENUM('off', 'immediate', 'digest') NOT NULL DEFAULT 'immediate',
    `messageThreadId` INT NULL,
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`memberId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `ForumClassroomWatch` ADD CONSTRAINT `ForumClassroomWatch_classroomId_fkey` FOREIGN KEY (`classroomId`) REFERENCES `Classroom`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumClassroomWatch` ADD CONSTRAINT `ForumClassroomWatch_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumNotifyPreference` ADD CONSTRAINT `ForumNotifyPreference_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
