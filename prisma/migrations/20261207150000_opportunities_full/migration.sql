-- Opportunities in full (issue #18 item 4, decision 038): sales methods with configurable stages,
-- team members with roles, competitors, sub-projects (分解项目), stage history, forecast, team, close
-- reason, item discounts and line totals. Data migration: one default sales method whose six stages
-- map the fixed OpportunityStage values; every existing opportunity gets its stage and method, and
-- every existing item its line total (quantity × unit price, no discount).

-- CreateTable
CREATE TABLE `SalesMethod` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `nameZh` VARCHAR(100) NOT NULL,
    `nameEn` VARCHAR(100) NOT NULL,
    `isDefault` BOOLEAN NOT NULL DEFAULT false,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `sortOrder` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SalesStage` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `methodId` INTEGER NOT NULL,
    `nameZh` VARCHAR(100) NOT NULL,
    `nameEn` VARCHAR(100) NOT NULL,
    `sortOrder` INTEGER NOT NULL,
    `probability` INTEGER NOT NULL,
    `kind` ENUM('open', 'won', 'lost') NOT NULL DEFAULT 'open',
    `legacyStage` ENUM('prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost') NOT NULL,

    INDEX `SalesStage_methodId_sortOrder_idx`(`methodId`, `sortOrder`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OpportunityMember` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `opportunityId` INTEGER NOT NULL,
    `staffId` INTEGER NOT NULL,
    `role` ENUM('sales', 'presales', 'technical', 'manager', 'support') NOT NULL DEFAULT 'sales',
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `OpportunityMember_staffId_idx`(`staffId`),
    UNIQUE INDEX `OpportunityMember_opportunityId_staffId_key`(`opportunityId`, `staffId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OpportunityCompetitor` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `opportunityId` INTEGER NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `product` VARCHAR(200) NULL,
    `threat` ENUM('low', 'medium', 'high') NOT NULL DEFAULT 'medium',
    `strengths` VARCHAR(1000) NULL,
    `weaknesses` VARCHAR(1000) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `OpportunityCompetitor_opportunityId_idx`(`opportunityId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OpportunitySubProject` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `opportunityId` INTEGER NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `managerId` INTEGER NULL,
    `status` ENUM('planned', 'active', 'done') NOT NULL DEFAULT 'planned',
    `startDate` DATE NULL,
    `endDate` DATE NULL,
    `actualHours` DECIMAL(10, 2) NOT NULL DEFAULT 0,
    `consumables` VARCHAR(1000) NULL,
    `consumablesCost` DECIMAL(14, 2) NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `OpportunitySubProject_opportunityId_idx`(`opportunityId`),
    INDEX `OpportunitySubProject_managerId_idx`(`managerId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OpportunityStageChange` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `opportunityId` INTEGER NOT NULL,
    `fromStageId` INTEGER NULL,
    `toStageId` INTEGER NULL,
    `probability` INTEGER NOT NULL,
    `changedById` INTEGER NULL,
    `changedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `OpportunityStageChange_opportunityId_changedAt_idx`(`opportunityId`, `changedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AlterTable
ALTER TABLE `Opportunity` ADD COLUMN `description` TEXT NULL,
    ADD COLUMN `salesMethodId` INTEGER NULL,
    ADD COLUMN `stageId` INTEGER NULL,
    ADD COLUMN `forecast` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `forecastValue` DECIMAL(16, 2) NULL,
    ADD COLUMN `teamId` INTEGER NULL,
    ADD COLUMN `closeReason` VARCHAR(500) NULL,
    ADD INDEX `Opportunity_stageId_deletedAt_idx`(`stageId`, `deletedAt`),
    ADD INDEX `Opportunity_teamId_idx`(`teamId`),
    ADD INDEX `Opportunity_ownerId_updatedAt_idx`(`ownerId`, `updatedAt`),
    ADD INDEX `Opportunity_deletedAt_updatedAt_idx`(`deletedAt`, `updatedAt`);

-- AlterTable
ALTER TABLE `OpportunityItem` ADD COLUMN `unit` VARCHAR(20) NULL,
    ADD COLUMN `discountPercent` DECIMAL(5, 2) NOT NULL DEFAULT 0,
    ADD COLUMN `lineTotal` DECIMAL(16, 2) NOT NULL DEFAULT 0;

-- AddForeignKey
ALTER TABLE `SalesStage` ADD CONSTRAINT `SalesStage_methodId_fkey` FOREIGN KEY (`methodId`) REFERENCES `SalesMethod`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `Opportunity` ADD CONSTRAINT `Opportunity_salesMethodId_fkey` FOREIGN KEY (`salesMethodId`) REFERENCES `SalesMethod`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `Opportunity` ADD CONSTRAINT `Opportunity_stageId_fkey` FOREIGN KEY (`stageId`) REFERENCES `SalesStage`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `Opportunity` ADD CONSTRAINT `Opportunity_teamId_fkey` FOREIGN KEY (`teamId`) REFERENCES `Team`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `OpportunityMember` ADD CONSTRAINT `OpportunityMember_opportunityId_fkey` FOREIGN KEY (`opportunityId`) REFERENCES `Opportunity`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `OpportunityMember` ADD CONSTRAINT `OpportunityMember_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `OpportunityCompetitor` ADD CONSTRAINT `OpportunityCompetitor_opportunityId_fkey` FOREIGN KEY (`opportunityId`) REFERENCES `Opportunity`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `OpportunitySubProject` ADD CONSTRAINT `OpportunitySubProject_opportunityId_fkey` FOREIGN KEY (`opportunityId`) REFERENCES `Opportunity`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `OpportunitySubProject` ADD CONSTRAINT `OpportunitySubProject_managerId_fkey` FOREIGN KEY (`managerId`) REFERENCES `Staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `OpportunityStageChange` ADD CONSTRAINT `OpportunityStageChange_opportunityId_fkey` FOREIGN KEY (`opportunityId`) REFERENCES `Opportunity`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `OpportunityStageChange` ADD CONSTRAINT `OpportunityStageChange_fromStageId_fkey` FOREIGN KEY (`fromStageId`) REFERENCES `SalesStage`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `OpportunityStageChange` ADD CONSTRAINT `OpportunityStageChange_toStageId_fkey` FOREIGN KEY (`toStageId`) REFERENCES `SalesStage`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `OpportunityStageChange` ADD CONSTRAINT `OpportunityStageChange_changedById_fkey` FOREIGN KEY (`changedById`) REFERENCES `Staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: the default sales method (seed 000 L935: 线索收集 → 资格认证 → … → 结案) mapping the fixed stages.
INSERT INTO `SalesMethod` (`nameZh`, `nameEn`, `isDefault`, `active`, `sortOrder`, `updatedAt`)
VALUES ('标准销售方法', 'Standard sales method', true, true, 0, CURRENT_TIMESTAMP(3));
SET @method := LAST_INSERT_ID();
INSERT INTO `SalesStage` (`methodId`, `nameZh`, `nameEn`, `sortOrder`, `probability`, `kind`, `legacyStage`) VALUES
    (@method, '线索收集', 'Prospecting', 1, 10, 'open', 'prospecting'),
    (@method, '资格认证', 'Qualification', 2, 30, 'open', 'qualification'),
    (@method, '方案报价', 'Proposal', 3, 60, 'open', 'proposal'),
    (@method, '商务谈判', 'Negotiation', 4, 80, 'open', 'negotiation'),
    (@method, '结案/成功', 'Closed won', 5, 100, 'won', 'won'),
    (@method, '结案/失败', 'Closed lost', 6, 0, 'lost', 'lost');
UPDATE `Opportunity` o JOIN `SalesStage` s ON s.`methodId` = @method AND s.`legacyStage` = o.`stage`
SET o.`stageId` = s.`id`, o.`salesMethodId` = @method;
UPDATE `OpportunityItem` SET `lineTotal` = ROUND(`quantity` * `unitPrice`, 2);
