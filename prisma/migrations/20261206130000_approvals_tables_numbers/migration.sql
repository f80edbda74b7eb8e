-- Approvals (审核管理), system tables (系统表), record number formats and counters (编号前缀), holidays
-- for the business calendar (issue #16 items 4, 6, 7).

-- CreateTable
CREATE TABLE `ApprovalDecision` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `requestId` INT NOT NULL,
    `step` INT NOT NULL,
    `staffId` INT NOT NULL,
    `vote` ENUM('approve', 'reject') NOT NULL,
    `comment` VARCHAR(1000) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ApprovalDecision_staffId_idx`(`staffId`),
    UNIQUE INDEX `ApprovalDecision_requestId_step_staffId_key`(`requestId`, `step`, `staffId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ApprovalFlow` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `itemType` VARCHAR(40) NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `ApprovalFlow_itemType_key`(`itemType`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ApprovalRequest` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `flowId` INT NOT NULL,
    `itemType` VARCHAR(40) NOT NULL,
    `itemId` INT NOT NULL,
    `authorId` INT NOT NULL,
    `status` ENUM('pending', 'approved', 'rejected', 'withdrawn') NOT NULL DEFAULT 'pending',
    `currentStep` INT NOT NULL DEFAULT 0,
    `steps` JSON NOT NULL,
    `openKey` VARCHAR(60) NULL,
    `remindedOn` DATE NULL,
    `submittedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `decidedAt` DATETIME(3) NULL,

    UNIQUE INDEX `ApprovalRequest_openKey_key`(`openKey`),
    INDEX `ApprovalRequest_itemType_itemId_idx`(`itemType`, `itemId`),
    INDEX `ApprovalRequest_status_submittedAt_idx`(`status`, `submittedAt`),
    INDEX `ApprovalRequest_authorId_idx`(`authorId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ApprovalStep` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `flowId` INT NOT NULL,
    `position` INT NOT NULL,
    `mode` ENUM('and', 'or') NOT NULL DEFAULT 'and',

    UNIQUE INDEX `ApprovalStep_flowId_position_key`(`flowId`, `position`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ApprovalStepApprover` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `stepId` INT NOT NULL,
    `staffId` INT NULL,
    `roleId` INT NULL,

    INDEX `ApprovalStepApprover_stepId_idx`(`stepId`),
    INDEX `ApprovalStepApprover_staffId_idx`(`staffId`),
    INDEX `ApprovalStepApprover_roleId_idx`(`roleId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Holiday` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `date` DATE NOT NULL,
    `name` VARCHAR(60) NOT NULL,
    `workday` BOOLEAN NOT NULL DEFAULT false,

    UNIQUE INDEX `Holiday_date_key`(`date`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LookupValue` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `tableKey` VARCHAR(40) NOT NULL,
    `code` VARCHAR(40) NOT NULL,
    `labelZh` VARCHAR(100) NOT NULL,
    `labelEn` VARCHAR(100) NOT NULL,
    `position` INT NOT NULL DEFAULT 0,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `personal` BOOLEAN NOT NULL DEFAULT false,
    `reportClass` VARCHAR(40) NULL,
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `LookupValue_tableKey_updatedAt_idx`(`tableKey`, `updatedAt`),
    UNIQUE INDEX `LookupValue_tableKey_code_key`(`tableKey`, `code`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `NumberCounter` (
    `kind` VARCHAR(40) NOT NULL,
    `period` VARCHAR(8) NOT NULL,
    `value` INT NOT NULL,

    PRIMARY KEY (`kind`, `period`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `NumberFormat` (
    `kind` VARCHAR(40) NOT NULL,
    `prefix` VARCHAR(8) NOT NULL,
    `datePart` ENUM('none', 'yyyy', 'yyyymm', 'yyyymmdd') NOT NULL DEFAULT 'none',
    `width` INT NOT NULL DEFAULT 12,
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`kind`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `ApprovalDecision` ADD CONSTRAINT `ApprovalDecision_requestId_fkey` FOREIGN KEY (`requestId`) REFERENCES `ApprovalRequest`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ApprovalDecision` ADD CONSTRAINT `ApprovalDecision_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ApprovalRequest` ADD CONSTRAINT `ApprovalRequest_flowId_fkey` FOREIGN KEY (`flowId`) REFERENCES `ApprovalFlow`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ApprovalRequest` ADD CONSTRAINT `ApprovalRequest_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `Staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ApprovalStep` ADD CONSTRAINT `ApprovalStep_flowId_fkey` FOREIGN KEY (`flowId`) REFERENCES `ApprovalFlow`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ApprovalStepApprover` ADD CONSTRAINT `ApprovalStepApprover_stepId_fkey` FOREIGN KEY (`stepId`) REFERENCES `ApprovalStep`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ApprovalStepApprover` ADD CONSTRAINT `ApprovalStepApprover_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ApprovalStepApprover` ADD CONSTRAINT `ApprovalStepApprover_roleId_fkey` FOREIGN KEY (`roleId`) REFERENCES `Role`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
