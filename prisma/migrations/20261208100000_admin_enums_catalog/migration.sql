-- Lead sources and task kinds from the system tables (#16 item 6): a lead keeps its intake channel in
-- `source` and gets a 线索来源 code (lead_source) that intake maps from the channel and staff may change;
-- a task gets a 任务类型 code (task_kind). Both are optional: older rows carry none.

-- AlterTable
ALTER TABLE `Lead` ADD COLUMN `sourceCode` VARCHAR(40) NULL;

-- CreateIndex
CREATE INDEX `Lead_sourceCode_id_idx` ON `Lead`(`sourceCode`, `id`);

-- Existing leads get the code of their channel (the mapping intake applies from now on).
UPDATE `Lead` SET `sourceCode` = `source` WHERE `source` IN ('portal', 'api', 'staff', 'forum');

-- AlterTable
ALTER TABLE `Task` ADD COLUMN `kind` VARCHAR(40) NULL;

-- Stage editor (#18 item 4): a stage counts in the forecast or not, and is deactivated instead of
-- deleted once opportunities or their history use it.

-- AlterTable
ALTER TABLE `SalesStage` ADD COLUMN `forecast` BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN `active` BOOLEAN NOT NULL DEFAULT true;

-- The lost stage of the default method never counted towards a forecast.
UPDATE `SalesStage` SET `forecast` = false WHERE `kind` = 'lost';
