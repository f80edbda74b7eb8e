-- Forum at a million posts and its remaining gaps (decision 053).

-- 转交销售: the thread (and post) a lead was handed over from, so the lead's owner may read that thread.
-- CreateTable
CREATE TABLE `ForumLeadLink` (
    `leadId` INT NOT NULL,
    `threadId` INT NOT NULL,
    `postId` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ForumLeadLink_threadId_idx`(`threadId`),
    PRIMARY KEY (`leadId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `ForumLeadLink` ADD CONSTRAINT `ForumLeadLink_leadId_fkey` FOREIGN KEY (`leadId`) REFERENCES `Lead`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ForumLeadLink` ADD CONSTRAINT `ForumLeadLink_threadId_fkey` FOREIGN KEY (`threadId`) REFERENCES `ForumThread`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- Forum notices are member-facing site-message threads, not staff conversations: the staff inbox
-- lists kind = 'conversation' only.
-- AlterTable
ALTER TABLE `MessageThread` ADD COLUMN `kind` VARCHAR(20) NOT NULL DEFAULT 'conversation';

-- CreateIndex
CREATE INDEX `MessageThread_kind_lastMessageAt_idx` ON `MessageThread`(`kind`, `lastMessageAt`);

-- The notice threads made before this migration are the ones the members' preferences point to.
UPDATE `MessageThread` SET `kind` = 'forumNotice'
WHERE `id` IN (SELECT `messageThreadId` FROM `ForumNotifyPreference` WHERE `messageThreadId` IS NOT NULL);

-- The member's language (the portal's locale cookie at sign-in and on every switch).
-- AlterTable
ALTER TABLE `Member` ADD COLUMN `locale` VARCHAR(10) NULL;
