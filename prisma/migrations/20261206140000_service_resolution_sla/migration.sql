-- Resolution SLA beside the first-response SLA (#14 item 16): the resolution due time computed at
-- receipt, and the time spent waiting for the customer, which pauses the resolution clock.

-- AlterTable
ALTER TABLE `ServiceRequest` ADD COLUMN `resolutionDueAt` DATETIME(3) NULL,
    ADD COLUMN `pausedAt` DATETIME(3) NULL,
    ADD COLUMN `pausedMinutes` INTEGER NOT NULL DEFAULT 0;
