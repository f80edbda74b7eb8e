-- Approval reminders (#16 item 4): one reminder per step after a configurable delay counted from the
-- step's opening, instead of one a day counted from the submission. Campaign expenses carry an
-- expense type from the system tables (#16 item 6).

-- AlterTable
ALTER TABLE `ApprovalRequest` DROP COLUMN `remindedOn`,
    ADD COLUMN `stepStartedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    ADD COLUMN `remindedStep` INT NULL;

-- CreateIndex
CREATE INDEX `ApprovalRequest_status_stepStartedAt_idx` ON `ApprovalRequest`(`status`, `stepStartedAt`);

-- AlterTable
ALTER TABLE `CampaignExpense` ADD COLUMN `expenseType` VARCHAR(40) NULL;
