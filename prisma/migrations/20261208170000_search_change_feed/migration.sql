-- Search change feed (issue #12 item 5, decision 047): an ordered log every process tails from its
-- own position, and the consumers' cursors (position + heartbeat) that pruning respects.

-- CreateTable
CREATE TABLE `SearchChange` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `index` VARCHAR(40) NOT NULL,
    `entityId` INTEGER NOT NULL,
    `op` VARCHAR(8) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `SearchChange_createdAt_idx`(`createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SearchFeedCursor` (
    `consumerId` VARCHAR(100) NOT NULL,
    `position` BIGINT NOT NULL DEFAULT 0,
    `heartbeatAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    PRIMARY KEY (`consumerId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Search jobs still queued from before this version become feed rows: the job handlers stay
-- registered and turn each into SearchChange rows when the worker runs it.

-- E-mail rendered by the worker, not in the intake transaction (issue #12 item 7): the outbox row
-- keeps the template's props and locale; html and text are filled in by the worker before sending.
-- AlterTable
ALTER TABLE `EmailOutbox` ADD COLUMN `props` JSON NULL,
    ADD COLUMN `locale` VARCHAR(10) NULL;
