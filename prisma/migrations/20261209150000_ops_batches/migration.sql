-- Mail batches, lead batches in parallel chunks (decision 055).

-- The Resend batch an outbox row was last sent in, recorded before the call so a retry after a crash
-- sends the same mails under the same Idempotency-Key.
-- AlterTable
ALTER TABLE `EmailOutbox` ADD COLUMN `batchKey` VARCHAR(100) NULL;

-- CreateIndex
CREATE INDEX `EmailOutbox_batchKey_idx` ON `EmailOutbox`(`batchKey`);

-- Lead batch progress per committed chunk, so chunks of one batch no longer serialise on the batch row.
-- CreateTable
CREATE TABLE `LeadBatchChunk` (
    `batchId` INTEGER NOT NULL,
    `firstLeadId` INTEGER NOT NULL,
    `processed` INTEGER NOT NULL,
    `succeeded` INTEGER NOT NULL,
    `skipped` INTEGER NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    PRIMARY KEY (`batchId`, `firstLeadId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `LeadBatchChunk` ADD CONSTRAINT `LeadBatchChunk_batchId_fkey` FOREIGN KEY (`batchId`) REFERENCES `LeadBatch`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
