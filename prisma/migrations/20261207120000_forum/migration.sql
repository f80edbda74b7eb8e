-- Training classroom forum (issue #17, decision 035): classrooms with staff administrators and
-- member moderators, threads and posts with edit history, tags, likes, watches and the member bell.
-- Every thread list order has its own (classroomId, key, id) index so keyset paging stays a range scan.

-- CreateTable
CREATE TABLE `Classroom` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(60) NOT NULL,
    `description` VARCHAR(1000) NULL,
    `coverFileId` INT NULL,
    `sortOrder` INT NOT NULL DEFAULT 0,
    `visibility` ENUM('everyone', 'members', 'customers', 'partners') NOT NULL DEFAULT 'everyone',
    `archivedAt` DATETIME(3) NULL,
    `threadCount` INT NOT NULL DEFAULT 0,
    `lastActivityAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Classroom_archivedAt_sortOrder_id_idx`(`archivedAt`, `sortOrder`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ClassroomAdmin` (
    `classroomId` INT NOT NULL,
    `staffId` INT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ClassroomAdmin_staffId_idx`(`staffId`),
    PRIMARY KEY (`classroomId`, `staffId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ClassroomModerator` (
    `classroomId` INT NOT NULL,
    `memberId` INT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ClassroomModerator_memberId_idx`(`memberId`),
    PRIMARY KEY (`classroomId`, `memberId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ForumThread` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `classroomId` INT NOT NULL,
    `title` VARCHAR(200) NOT NULL,
    `authorMemberId` INT NULL,
    `authorStaffId` INT NULL,
    `tags` VARCHAR(200) NULL,
    `pinned` BOOLEAN NOT NULL DEFAULT false,
    `essence` BOOLEAN NOT NULL DEFAULT false,
    `locked` BOOLEAN NOT NULL DEFAULT false,
    `hiddenAt` DATETIME(3) NULL,
    `deletedAt` DATETIME(3) NULL,
    `deleteReason` VARCHAR(500) NULL,
    `acceptedPostId` INT NULL,
    `replyCount` INT NOT NULL DEFAULT 0,
    `likeCount` INT NOT NULL DEFAULT 0,
    `viewCount` INT NOT NULL DEFAULT 0,
    `lastActivityAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `knowledgeArticleId` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `ForumThread_classroomId_lastActivityAt_id_idx`(`classroomId`, `lastActivityAt`, `id`),
    INDEX `ForumThread_classroomId_createdAt_id_idx`(`classroomId`, `createdAt`, `id`),
    INDEX `ForumThread_classroomId_replyCount_createdAt_id_idx`(`classroomId`, `replyCount`, `createdAt`, `id`),
    INDEX `ForumThread_classroomId_essence_lastActivityAt_id_idx`(`classroomId`, `essence`, `lastActivityAt`, `id`),
    INDEX `ForumThread_classroomId_pinned_idx`(`classroomId`, `pinned`),
    INDEX `ForumThread_lastActivityAt_id_idx`(`lastActivityAt`, `id`),
    INDEX `ForumThread_authorMemberId_id_idx`(`authorMemberId`, `id`),
    INDEX `ForumThread_authorStaffId_idx`(`authorStaffId`),
    INDEX `ForumThread_hiddenAt_idx`(`hiddenAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ForumPost` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `threadId` INT NOT NULL,
    `isOpening` BOOLEAN NOT NULL DEFAULT false,
    `authorMemberId` INT NULL,
    `authorStaffId` INT NULL,
    `bodyHtml` MEDIUMTEXT NOT NULL,
    `bodyText` TEXT NOT NULL,
    `quotePostId` INT NULL,
    `likeCount` INT NOT NULL DEFAULT 0,
    `hiddenAt` DATETIME(3) NULL,
    `hiddenReason` VARCHAR(500) NULL,
    `deletedAt` DATETIME(3) NULL,
    `deleteReason` VARCHAR(500) NULL,
    `editedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `ForumPost_threadId_id_idx`(`threadId`, `id`),
    INDEX `ForumPost_authorMemberId_id_idx`(`authorMemberId`, `id`),
    INDEX `ForumPost_authorStaffId_idx`(`authorStaffId`),
    INDEX `ForumPost_hiddenAt_idx`(`hiddenAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ForumPostRevision` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `postId` INT NOT NULL,
    `title` VARCHAR(200) NULL,
    `bodyHtml` MEDIUMTEXT NOT NULL,
    `editedByMemberId` INT NULL,
    `editedByStaffId` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ForumPostRevision_postId_id_idx`(`postId`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ForumThreadTag` (
    `threadId` INT NOT NULL,
    `tag` VARCHAR(30) NOT NULL,

    INDEX `ForumThreadTag_tag_threadId_idx`(`tag`, `threadId`),
    PRIMARY KEY (`threadId`, `tag`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ForumLike` (
    `postId` INT NOT NULL,
    `memberId` INT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ForumLike_memberId_idx`(`memberId`),
    PRIMARY KEY (`postId`, `memberId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ForumWatch` (
    `threadId` INT NOT NULL,
    `memberId` INT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ForumWatch_memberId_idx`(`memberId`),
    PRIMARY KEY (`threadId`, `memberId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ForumNotification` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `memberId` INT NOT NULL,
    `kind` VARCHAR(20) NOT NULL,
    `threadId` INT NOT NULL,
    `postId` INT NULL,
    `title` VARCHAR(200) NOT NULL,
    `readAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ForumNotification_memberId_readAt_id_idx`(`memberId`, `readAt`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `ClassroomAdmin` ADD CONSTRAINT `ClassroomAdmin_classroomId_fkey` FOREIGN KEY (`classroomId`) REFERENCES `Classroom`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ClassroomAdmin` ADD CONSTRAINT `ClassroomAdmin_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ClassroomModerator` ADD CONSTRAINT `ClassroomModerator_classroomId_fkey` FOREIGN KEY (`classroomId`) REFERENCES `Classroom`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ClassroomModerator` ADD CONSTRAINT `ClassroomModerator_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumThread` ADD CONSTRAINT `ForumThread_classroomId_fkey` FOREIGN KEY (`classroomId`) REFERENCES `Classroom`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumThread` ADD CONSTRAINT `ForumThread_authorMemberId_fkey` FOREIGN KEY (`authorMemberId`) REFERENCES `Member`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumThread` ADD CONSTRAINT `ForumThread_authorStaffId_fkey` FOREIGN KEY (`authorStaffId`) REFERENCES `Staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumPost` ADD CONSTRAINT `ForumPost_threadId_fkey` FOREIGN KEY (`threadId`) REFERENCES `ForumThread`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumPost` ADD CONSTRAINT `ForumPost_authorMemberId_fkey` FOREIGN KEY (`authorMemberId`) REFERENCES `Member`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumPost` ADD CONSTRAINT `ForumPost_authorStaffId_fkey` FOREIGN KEY (`authorStaffId`) REFERENCES `Staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumPostRevision` ADD CONSTRAINT `ForumPostRevision_postId_fkey` FOREIGN KEY (`postId`) REFERENCES `ForumPost`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumThreadTag` ADD CONSTRAINT `ForumThreadTag_threadId_fkey` FOREIGN KEY (`threadId`) REFERENCES `ForumThread`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumLike` ADD CONSTRAINT `ForumLike_postId_fkey` FOREIGN KEY (`postId`) REFERENCES `ForumPost`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumLike` ADD CONSTRAINT `ForumLike_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumWatch` ADD CONSTRAINT `ForumWatch_threadId_fkey` FOREIGN KEY (`threadId`) REFERENCES `ForumThread`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumWatch` ADD CONSTRAINT `ForumWatch_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumNotification` ADD CONSTRAINT `ForumNotification_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
