-- Lead distribution and campaigns (#5), customer zones and the service desk (#7): assignments, rules,
-- batches, opportunities, tasks, notes, zones, assets, service contracts and requests, knowledge, polls.
-- Drafted by prisma/draft-migration.ts, then read through.

-- CreateTable
CREATE TABLE `Asset` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `number` VARCHAR(20) NOT NULL,
    `companyId` INT NOT NULL,
    `contactId` INT NULL,
    `productId` INT NULL,
    `name` VARCHAR(200) NOT NULL,
    `model` VARCHAR(100) NULL,
    `serialNumber` VARCHAR(100) NULL,
    `spec` VARCHAR(500) NULL,
    `quantity` INT NOT NULL DEFAULT 1,
    `customerAssetNo` VARCHAR(100) NULL,
    `referenceNo` VARCHAR(100) NULL,
    `supplier` VARCHAR(200) NULL,
    `status` ENUM('shipped', 'installed', 'upgraded', 'repairing', 'retired') NOT NULL DEFAULT 'installed',
    `installedOn` DATE NULL,
    `warrantyScope` VARCHAR(500) NULL,
    `warrantyStart` DATE NULL,
    `warrantyEnd` DATE NULL,
    `parentId` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Asset_number_key`(`number`),
    INDEX `Asset_companyId_idx`(`companyId`),
    INDEX `Asset_parentId_idx`(`parentId`),
    INDEX `Asset_serialNumber_idx`(`serialNumber`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AssetMaintenance` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `assetId` INT NOT NULL,
    `performedOn` DATE NOT NULL,
    `method` ENUM('install', 'replace', 'configure', 'upgrade', 'maintain', 'repair', 'reinstall') NOT NULL,
    `summary` VARCHAR(1000) NOT NULL,
    `staffId` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `AssetMaintenance_assetId_performedOn_idx`(`assetId`, `performedOn`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Attachment` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `ownerType` VARCHAR(30) NOT NULL,
    `ownerId` INT NOT NULL,
    `fileName` VARCHAR(255) NOT NULL,
    `mimeType` VARCHAR(100) NOT NULL,
    `size` INT NOT NULL,
    `sha256` VARCHAR(64) NOT NULL,
    `storageKey` VARCHAR(100) NOT NULL,
    `uploadedByStaffId` INT NULL,
    `uploadedByMemberId` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `Attachment_storageKey_key`(`storageKey`),
    INDEX `Attachment_ownerType_ownerId_idx`(`ownerType`, `ownerId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AlterTable
ALTER TABLE `Campaign` ADD COLUMN `type` ENUM('telephone', 'website', 'email', 'media', 'exhibition', 'promotion', 'upsell', 'member_interaction', 'stated_needs', 'intelligence', 'network') NOT NULL DEFAULT 'website',
    MODIFY `status` ENUM('planning', 'active', 'adjusting', 'completed', 'cancelled') NOT NULL DEFAULT 'active',
    ADD COLUMN `intent` TEXT NULL,
    ADD COLUMN `plan` TEXT NULL,
    ADD COLUMN `summary` TEXT NULL,
    ADD COLUMN `startDate` DATE NULL,
    ADD COLUMN `endDate` DATE NULL,
    ADD COLUMN `targetSalesAmount` DECIMAL(16, 2) NULL,
    ADD COLUMN `targetLeadCount` INT NULL,
    ADD COLUMN `targetCost` DECIMAL(16, 2) NULL,
    ADD COLUMN `targetWorkload` DECIMAL(10, 2) NULL,
    ADD INDEX `Campaign_status_idx`(`status`);

-- CreateTable
CREATE TABLE `CampaignExpense` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `campaignId` INT NOT NULL,
    `amount` DECIMAL(14, 2) NOT NULL,
    `description` VARCHAR(255) NOT NULL,
    `spentOn` DATE NOT NULL,
    `recordedById` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `CampaignExpense_campaignId_idx`(`campaignId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `CampaignParticipant` (
    `campaignId` INT NOT NULL,
    `staffId` INT NOT NULL,
    `canModify` BOOLEAN NOT NULL DEFAULT false,
    `addedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `CampaignParticipant_staffId_idx`(`staffId`),
    PRIMARY KEY (`campaignId`, `staffId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `CampaignWorkLog` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `campaignId` INT NOT NULL,
    `staffId` INT NOT NULL,
    `hours` DECIMAL(8, 2) NOT NULL,
    `description` VARCHAR(255) NOT NULL,
    `workedOn` DATE NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `CampaignWorkLog_campaignId_idx`(`campaignId`),
    INDEX `CampaignWorkLog_staffId_idx`(`staffId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `DistributionRule` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(100) NOT NULL,
    `position` INT NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `isCatchAll` BOOLEAN NOT NULL DEFAULT false,
    `alsoApply` BOOLEAN NOT NULL DEFAULT false,
    `regionKeywords` JSON NOT NULL,
    `phoneKeywords` JSON NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `DistributionRule_position_key`(`position`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `DistributionRuleAssignee` (
    `ruleId` INT NOT NULL,
    `staffId` INT NOT NULL,
    `canEditNeed` BOOLEAN NOT NULL DEFAULT false,
    `canEditContact` BOOLEAN NOT NULL DEFAULT false,
    `canEditCompany` BOOLEAN NOT NULL DEFAULT false,
    `canEditStatus` BOOLEAN NOT NULL DEFAULT false,

    INDEX `DistributionRuleAssignee_staffId_idx`(`staffId`),
    PRIMARY KEY (`ruleId`, `staffId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `KnowledgeArticle` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `number` VARCHAR(20) NOT NULL,
    `summary` VARCHAR(300) NOT NULL,
    `descriptionHtml` MEDIUMTEXT NOT NULL,
    `solutionHtml` MEDIUMTEXT NOT NULL,
    `category` VARCHAR(60) NULL,
    `keywords` VARCHAR(500) NULL,
    `visibility` ENUM('public', 'members', 'customers', 'internal') NOT NULL DEFAULT 'internal',
    `status` ENUM('draft', 'published') NOT NULL DEFAULT 'draft',
    `sourceRequestId` INT NULL,
    `authorId` INT NULL,
    `publishedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `KnowledgeArticle_number_key`(`number`),
    INDEX `KnowledgeArticle_status_visibility_idx`(`status`, `visibility`),
    INDEX `KnowledgeArticle_category_idx`(`category`),
    INDEX `KnowledgeArticle_sourceRequestId_idx`(`sourceRequestId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AlterTable
ALTER TABLE `Lead` ADD COLUMN `identified` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `identificationLabel` ENUM('false_info', 'has_need', 'prospect', 'competitor', 'doubtful') NULL,
    ADD COLUMN `demandStatus` VARCHAR(200) NULL,
    ADD COLUMN `claimedById` INT NULL,
    ADD COLUMN `claimedAt` DATETIME(3) NULL,
    ADD COLUMN `convertedAt` DATETIME(3) NULL,
    ADD COLUMN `convertedContactId` INT NULL,
    ADD COLUMN `convertedCompanyId` INT NULL,
    ADD COLUMN `possibleDuplicateOfId` INT NULL,
    ADD INDEX `Lead_claimedById_idx`(`claimedById`);

-- CreateTable
CREATE TABLE `LeadAssignment` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `leadId` INT NOT NULL,
    `staffId` INT NOT NULL,
    `canEditNeed` BOOLEAN NOT NULL DEFAULT false,
    `canEditContact` BOOLEAN NOT NULL DEFAULT false,
    `canEditCompany` BOOLEAN NOT NULL DEFAULT false,
    `canEditStatus` BOOLEAN NOT NULL DEFAULT false,
    `ruleId` INT NULL,
    `assignedById` INT NULL,
    `assignedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `recalledAt` DATETIME(3) NULL,

    INDEX `LeadAssignment_staffId_recalledAt_leadId_idx`(`staffId`, `recalledAt`, `leadId`),
    UNIQUE INDEX `LeadAssignment_leadId_staffId_key`(`leadId`, `staffId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LeadBatch` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `kind` ENUM('transfer', 'distribute_rules', 'distribute_manual', 'recall') NOT NULL,
    `status` ENUM('pending', 'running', 'done', 'failed') NOT NULL DEFAULT 'pending',
    `params` JSON NOT NULL,
    `total` INT NOT NULL DEFAULT 0,
    `processed` INT NOT NULL DEFAULT 0,
    `succeeded` INT NOT NULL DEFAULT 0,
    `skipped` INT NOT NULL DEFAULT 0,
    `summary` JSON NULL,
    `createdById` INT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `startedAt` DATETIME(3) NULL,
    `finishedAt` DATETIME(3) NULL,
    `lastError` TEXT NULL,

    INDEX `LeadBatch_createdById_id_idx`(`createdById`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LeadBatchItem` (
    `batchId` INT NOT NULL,
    `leadId` INT NOT NULL,
    `state` VARCHAR(10) NOT NULL DEFAULT 'pending',
    `outcome` VARCHAR(100) NULL,

    INDEX `LeadBatchItem_batchId_state_idx`(`batchId`, `state`),
    INDEX `LeadBatchItem_leadId_idx`(`leadId`),
    PRIMARY KEY (`batchId`, `leadId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AlterTable
ALTER TABLE `LeadItem` ADD COLUMN `unitPrice` DECIMAL(14, 2) NULL;

-- CreateTable
CREATE TABLE `Note` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `body` TEXT NOT NULL,
    `authorId` INT NULL,
    `leadId` INT NULL,
    `campaignId` INT NULL,
    `opportunityId` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `Note_leadId_createdAt_idx`(`leadId`, `createdAt`),
    INDEX `Note_campaignId_createdAt_idx`(`campaignId`, `createdAt`),
    INDEX `Note_opportunityId_createdAt_idx`(`opportunityId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Opportunity` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `number` VARCHAR(20) NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `companyId` INT NULL,
    `contactId` INT NULL,
    `leadId` INT NULL,
    `campaignId` INT NULL,
    `stage` ENUM('prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost') NOT NULL DEFAULT 'prospecting',
    `amount` DECIMAL(16, 2) NOT NULL DEFAULT 0,
    `probability` INT NOT NULL DEFAULT 10,
    `expectedCloseDate` DATE NULL,
    `ownerId` INT NOT NULL,
    `closedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Opportunity_number_key`(`number`),
    INDEX `Opportunity_ownerId_stage_idx`(`ownerId`, `stage`),
    INDEX `Opportunity_companyId_idx`(`companyId`),
    INDEX `Opportunity_contactId_idx`(`contactId`),
    INDEX `Opportunity_leadId_idx`(`leadId`),
    INDEX `Opportunity_campaignId_stage_idx`(`campaignId`, `stage`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OpportunityItem` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `opportunityId` INT NOT NULL,
    `productId` INT NULL,
    `sku` VARCHAR(64) NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `quantity` INT NOT NULL,
    `unitPrice` DECIMAL(14, 2) NOT NULL,

    INDEX `OpportunityItem_opportunityId_idx`(`opportunityId`),
    INDEX `OpportunityItem_productId_idx`(`productId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ServiceContract` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `number` VARCHAR(20) NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `companyId` INT NOT NULL,
    `type` ENUM('direct', 'third_party') NOT NULL DEFAULT 'direct',
    `status` ENUM('drafting', 'in_force', 'completed') NOT NULL DEFAULT 'drafting',
    `responseMode` ENUM('h8x5', 'h8x7', 'h24x7') NOT NULL DEFAULT 'h8x5',
    `responseTime` ENUM('remote_immediate', 'next_business_day', 'onsite_4h') NOT NULL DEFAULT 'next_business_day',
    `startDate` DATE NOT NULL,
    `endDate` DATE NOT NULL,
    `terms` TEXT NULL,
    `approvalState` ENUM('pending', 'approved', 'rejected') NOT NULL DEFAULT 'pending',
    `ownerId` INT NULL,
    `remindedDays` JSON NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `ServiceContract_number_key`(`number`),
    INDEX `ServiceContract_companyId_status_idx`(`companyId`, `status`),
    INDEX `ServiceContract_endDate_idx`(`endDate`),
    INDEX `ServiceContract_ownerId_idx`(`ownerId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ServiceContractAsset` (
    `contractId` INT NOT NULL,
    `assetId` INT NOT NULL,
    `netValue` DECIMAL(14, 2) NULL,
    `totalValue` DECIMAL(14, 2) NULL,

    INDEX `ServiceContractAsset_assetId_idx`(`assetId`),
    PRIMARY KEY (`contractId`, `assetId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ServiceReply` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `requestId` INT NOT NULL,
    `authorType` VARCHAR(10) NOT NULL,
    `authorStaffId` INT NULL,
    `authorMemberId` INT NULL,
    `internal` BOOLEAN NOT NULL DEFAULT false,
    `bodyHtml` MEDIUMTEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ServiceReply_requestId_createdAt_idx`(`requestId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ServiceRequest` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `number` VARCHAR(20) NOT NULL,
    `zoneId` INT NULL,
    `companyId` INT NOT NULL,
    `contactId` INT NULL,
    `memberId` INT NULL,
    `assetId` INT NULL,
    `contractId` INT NULL,
    `kind` ENUM('question', 'opinion', 'suggestion', 'fault') NOT NULL,
    `subject` VARCHAR(200) NOT NULL,
    `descriptionHtml` MEDIUMTEXT NOT NULL,
    `channel` VARCHAR(10) NOT NULL,
    `status` ENUM('new', 'accepted', 'in_progress', 'waiting_customer', 'resolved', 'closed') NOT NULL DEFAULT 'new',
    `priority` ENUM('low', 'normal', 'high', 'urgent') NOT NULL DEFAULT 'normal',
    `assigneeId` INT NULL,
    `dueAt` DATETIME(3) NULL,
    `firstResponseAt` DATETIME(3) NULL,
    `resolvedAt` DATETIME(3) NULL,
    `closedAt` DATETIME(3) NULL,
    `reopenCount` INT NOT NULL DEFAULT 0,
    `publishedAt` DATETIME(3) NULL,
    `solutionHtml` MEDIUMTEXT NULL,
    `rating` INT NULL,
    `ratingComment` VARCHAR(1000) NULL,
    `ratedAt` DATETIME(3) NULL,
    `createdByStaffId` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `ServiceRequest_number_key`(`number`),
    INDEX `ServiceRequest_zoneId_status_id_idx`(`zoneId`, `status`, `id`),
    INDEX `ServiceRequest_companyId_id_idx`(`companyId`, `id`),
    INDEX `ServiceRequest_assigneeId_status_dueAt_idx`(`assigneeId`, `status`, `dueAt`),
    INDEX `ServiceRequest_status_dueAt_idx`(`status`, `dueAt`),
    INDEX `ServiceRequest_memberId_idx`(`memberId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ServiceRequestEvent` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `requestId` INT NOT NULL,
    `type` VARCHAR(40) NOT NULL,
    `actorType` VARCHAR(20) NOT NULL,
    `actorId` INT NULL,
    `detail` JSON NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ServiceRequestEvent_requestId_createdAt_idx`(`requestId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Task` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `title` VARCHAR(200) NOT NULL,
    `dueAt` DATETIME(3) NULL,
    `doneAt` DATETIME(3) NULL,
    `assigneeId` INT NOT NULL,
    `createdById` INT NULL,
    `leadId` INT NULL,
    `campaignId` INT NULL,
    `opportunityId` INT NULL,
    `serviceRequestId` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `Task_assigneeId_doneAt_dueAt_idx`(`assigneeId`, `doneAt`, `dueAt`),
    INDEX `Task_leadId_idx`(`leadId`),
    INDEX `Task_campaignId_idx`(`campaignId`),
    INDEX `Task_opportunityId_idx`(`opportunityId`),
    INDEX `Task_serviceRequestId_idx`(`serviceRequestId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Zone` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `companyId` INT NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `serviceTokenGroupId` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Zone_companyId_key`(`companyId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ZoneAnnouncement` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `zoneId` INT NOT NULL,
    `title` VARCHAR(200) NOT NULL,
    `body` TEXT NOT NULL,
    `authorStaffId` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ZoneAnnouncement_zoneId_createdAt_idx`(`zoneId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ZoneManager` (
    `zoneId` INT NOT NULL,
    `staffId` INT NOT NULL,
    `addedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ZoneManager_staffId_idx`(`staffId`),
    PRIMARY KEY (`zoneId`, `staffId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ZoneMembership` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `zoneId` INT NOT NULL,
    `memberId` INT NOT NULL,
    `isCustomerAdmin` BOOLEAN NOT NULL DEFAULT false,
    `status` ENUM('requested', 'customer_confirmed', 'staff_confirmed', 'active', 'declined', 'removed') NOT NULL DEFAULT 'requested',
    `initiatedBy` VARCHAR(20) NOT NULL,
    `customerConfirmedById` INT NULL,
    `customerConfirmedAt` DATETIME(3) NULL,
    `staffConfirmedById` INT NULL,
    `staffConfirmedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `ZoneMembership_memberId_idx`(`memberId`),
    INDEX `ZoneMembership_zoneId_status_idx`(`zoneId`, `status`),
    UNIQUE INDEX `ZoneMembership_zoneId_memberId_key`(`zoneId`, `memberId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ZonePoll` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `zoneId` INT NOT NULL,
    `question` VARCHAR(300) NOT NULL,
    `closesAt` DATETIME(3) NULL,
    `closedAt` DATETIME(3) NULL,
    `createdById` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ZonePoll_zoneId_createdAt_idx`(`zoneId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ZonePollOption` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `pollId` INT NOT NULL,
    `label` VARCHAR(200) NOT NULL,
    `position` INT NOT NULL,

    INDEX `ZonePollOption_pollId_idx`(`pollId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ZonePollVote` (
    `pollId` INT NOT NULL,
    `optionId` INT NOT NULL,
    `memberId` INT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ZonePollVote_optionId_idx`(`optionId`),
    INDEX `ZonePollVote_memberId_idx`(`memberId`),
    PRIMARY KEY (`pollId`, `memberId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Asset` ADD CONSTRAINT `Asset_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Asset` ADD CONSTRAINT `Asset_contactId_fkey` FOREIGN KEY (`contactId`) REFERENCES `Contact`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Asset` ADD CONSTRAINT `Asset_productId_fkey` FOREIGN KEY (`productId`) REFERENCES `Product`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Asset` ADD CONSTRAINT `Asset_parentId_fkey` FOREIGN KEY (`parentId`) REFERENCES `Asset`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AssetMaintenance` ADD CONSTRAINT `AssetMaintenance_assetId_fkey` FOREIGN KEY (`assetId`) REFERENCES `Asset`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `CampaignExpense` ADD CONSTRAINT `CampaignExpense_campaignId_fkey` FOREIGN KEY (`campaignId`) REFERENCES `Campaign`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `CampaignParticipant` ADD CONSTRAINT `CampaignParticipant_campaignId_fkey` FOREIGN KEY (`campaignId`) REFERENCES `Campaign`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `CampaignParticipant` ADD CONSTRAINT `CampaignParticipant_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `CampaignWorkLog` ADD CONSTRAINT `CampaignWorkLog_campaignId_fkey` FOREIGN KEY (`campaignId`) REFERENCES `Campaign`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `DistributionRuleAssignee` ADD CONSTRAINT `DistributionRuleAssignee_ruleId_fkey` FOREIGN KEY (`ruleId`) REFERENCES `DistributionRule`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `DistributionRuleAssignee` ADD CONSTRAINT `DistributionRuleAssignee_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Lead` ADD CONSTRAINT `Lead_claimedById_fkey` FOREIGN KEY (`claimedById`) REFERENCES `Staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Lead` ADD CONSTRAINT `Lead_convertedContactId_fkey` FOREIGN KEY (`convertedContactId`) REFERENCES `Contact`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Lead` ADD CONSTRAINT `Lead_convertedCompanyId_fkey` FOREIGN KEY (`convertedCompanyId`) REFERENCES `Company`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LeadAssignment` ADD CONSTRAINT `LeadAssignment_leadId_fkey` FOREIGN KEY (`leadId`) REFERENCES `Lead`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LeadAssignment` ADD CONSTRAINT `LeadAssignment_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LeadBatchItem` ADD CONSTRAINT `LeadBatchItem_batchId_fkey` FOREIGN KEY (`batchId`) REFERENCES `LeadBatch`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LeadBatchItem` ADD CONSTRAINT `LeadBatchItem_leadId_fkey` FOREIGN KEY (`leadId`) REFERENCES `Lead`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Note` ADD CONSTRAINT `Note_leadId_fkey` FOREIGN KEY (`leadId`) REFERENCES `Lead`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Note` ADD CONSTRAINT `Note_campaignId_fkey` FOREIGN KEY (`campaignId`) REFERENCES `Campaign`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Note` ADD CONSTRAINT `Note_opportunityId_fkey` FOREIGN KEY (`opportunityId`) REFERENCES `Opportunity`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Opportunity` ADD CONSTRAINT `Opportunity_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Opportunity` ADD CONSTRAINT `Opportunity_contactId_fkey` FOREIGN KEY (`contactId`) REFERENCES `Contact`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Opportunity` ADD CONSTRAINT `Opportunity_leadId_fkey` FOREIGN KEY (`leadId`) REFERENCES `Lead`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Opportunity` ADD CONSTRAINT `Opportunity_campaignId_fkey` FOREIGN KEY (`campaignId`) REFERENCES `Campaign`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Opportunity` ADD CONSTRAINT `Opportunity_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `Staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OpportunityItem` ADD CONSTRAINT `OpportunityItem_opportunityId_fkey` FOREIGN KEY (`opportunityId`) REFERENCES `Opportunity`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OpportunityItem` ADD CONSTRAINT `OpportunityItem_productId_fkey` FOREIGN KEY (`productId`) REFERENCES `Product`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceContract` ADD CONSTRAINT `ServiceContract_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceContract` ADD CONSTRAINT `ServiceContract_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `Staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceContractAsset` ADD CONSTRAINT `ServiceContractAsset_contractId_fkey` FOREIGN KEY (`contractId`) REFERENCES `ServiceContract`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceContractAsset` ADD CONSTRAINT `ServiceContractAsset_assetId_fkey` FOREIGN KEY (`assetId`) REFERENCES `Asset`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceReply` ADD CONSTRAINT `ServiceReply_requestId_fkey` FOREIGN KEY (`requestId`) REFERENCES `ServiceRequest`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceRequest` ADD CONSTRAINT `ServiceRequest_zoneId_fkey` FOREIGN KEY (`zoneId`) REFERENCES `Zone`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceRequest` ADD CONSTRAINT `ServiceRequest_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceRequest` ADD CONSTRAINT `ServiceRequest_contactId_fkey` FOREIGN KEY (`contactId`) REFERENCES `Contact`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceRequest` ADD CONSTRAINT `ServiceRequest_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceRequest` ADD CONSTRAINT `ServiceRequest_assetId_fkey` FOREIGN KEY (`assetId`) REFERENCES `Asset`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceRequest` ADD CONSTRAINT `ServiceRequest_contractId_fkey` FOREIGN KEY (`contractId`) REFERENCES `ServiceContract`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceRequest` ADD CONSTRAINT `ServiceRequest_assigneeId_fkey` FOREIGN KEY (`assigneeId`) REFERENCES `Staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceRequestEvent` ADD CONSTRAINT `ServiceRequestEvent_requestId_fkey` FOREIGN KEY (`requestId`) REFERENCES `ServiceRequest`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Task` ADD CONSTRAINT `Task_assigneeId_fkey` FOREIGN KEY (`assigneeId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Task` ADD CONSTRAINT `Task_leadId_fkey` FOREIGN KEY (`leadId`) REFERENCES `Lead`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Task` ADD CONSTRAINT `Task_campaignId_fkey` FOREIGN KEY (`campaignId`) REFERENCES `Campaign`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Task` ADD CONSTRAINT `Task_opportunityId_fkey` FOREIGN KEY (`opportunityId`) REFERENCES `Opportunity`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Task` ADD CONSTRAINT `Task_serviceRequestId_fkey` FOREIGN KEY (`serviceRequestId`) REFERENCES `ServiceRequest`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Zone` ADD CONSTRAINT `Zone_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ZoneAnnouncement` ADD CONSTRAINT `ZoneAnnouncement_zoneId_fkey` FOREIGN KEY (`zoneId`) REFERENCES `Zone`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ZoneManager` ADD CONSTRAINT `ZoneManager_zoneId_fkey` FOREIGN KEY (`zoneId`) REFERENCES `Zone`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ZoneManager` ADD CONSTRAINT `ZoneManager_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ZoneMembership` ADD CONSTRAINT `ZoneMembership_zoneId_fkey` FOREIGN KEY (`zoneId`) REFERENCES `Zone`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ZoneMembership` ADD CONSTRAINT `ZoneMembership_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ZonePoll` ADD CONSTRAINT `ZonePoll_zoneId_fkey` FOREIGN KEY (`zoneId`) REFERENCES `Zone`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ZonePollOption` ADD CONSTRAINT `ZonePollOption_pollId_fkey` FOREIGN KEY (`pollId`) REFERENCES `ZonePoll`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ZonePollVote` ADD CONSTRAINT `ZonePollVote_pollId_fkey` FOREIGN KEY (`pollId`) REFERENCES `ZonePoll`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ZonePollVote` ADD CONSTRAINT `ZonePollVote_optionId_fkey` FOREIGN KEY (`optionId`) REFERENCES `ZonePollOption`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ZonePollVote` ADD CONSTRAINT `ZonePollVote_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

