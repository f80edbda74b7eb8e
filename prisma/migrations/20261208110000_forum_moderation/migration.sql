-- Forum moderation remainder (issue #17 item 4, decision 041): reports (once per member and post),
-- posts held for review (heldAt, with hiddenAt set so every visibility filter already leaves them out)
-- and the admin's sensitive-word list. Limits live in the Setting row `forum.limits`.

-- AlterTable
ALTER TABLE `Member` ADD COLUMN `forumTrustedAt` DATETIME(3) NULL;

-- AlterTable
ALTER TABLE `ForumThread` ADD COLUMN `heldAt` DATETIME(3) NULL;

-- AlterTable
ALTER TABLE `ForumPost` ADD COLUMN `heldAt` DATETIME(3) NULL;

-- CreateIndex
CREATE INDEX `ForumPost_heldAt_idx` ON `ForumPost`(`heldAt`);

-- CreateTable
CREATE TABLE `ForumReport` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `postId` INT NOT NULL,
    `reporterMemberId` INT NOT NULL,
    `reason` VARCHAR(20) NOT NULL,
    `note` VARCHAR(500) NULL,
    `resolution` VARCHAR(20) NULL,
    `resolvedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ForumReport_resolvedAt_postId_idx`(`resolvedAt`, `postId`),
    INDEX `ForumReport_reporterMemberId_idx`(`reporterMemberId`),
    UNIQUE INDEX `ForumReport_postId_reporterMemberId_key`(`postId`, `reporterMemberId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ForumSensitiveWord` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `word` VARCHAR(50) NOT NULL,
    `normalized` VARCHAR(50) NOT NULL,
    `action` ENUM('block', 'replace', 'hold') NOT NULL,
    `createdById` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `ForumSensitiveWord_normalized_key`(`normalized`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `ForumReport` ADD CONSTRAINT `ForumReport_postId_fkey` FOREIGN KEY (`postId`) REFERENCES `ForumPost`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumReport` ADD CONSTRAINT `ForumReport_reporterMemberId_fkey` FOREIGN KEY (`reporterMemberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
