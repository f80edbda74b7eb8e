-- Accounts and contacts (#15): the fields the company and contact records were missing, their
-- hierarchies, a contact's company history, record sharing and access requests, merges with undo,
-- the duplicate-review queue, a recycle bin (deletedAt) on companies, contacts, leads and
-- opportunities, and notes/tasks on companies and contacts.

-- AlterTable
ALTER TABLE `Company` ADD COLUMN `shortName` VARCHAR(100) NULL,
    ADD COLUMN `district` VARCHAR(50) NULL,
    ADD COLUMN `regionCode` VARCHAR(12) NULL,
    ADD COLUMN `phone2` VARCHAR(50) NULL,
    ADD COLUMN `category` VARCHAR(40) NULL,
    ADD COLUMN `rating` VARCHAR(10) NULL,
    ADD COLUMN `description` TEXT NULL,
    ADD COLUMN `teamId` INT NULL,
    ADD COLUMN `parentId` INT NULL,
    ADD COLUMN `deletedAt` DATETIME(3) NULL,
    ADD COLUMN `deletedById` INT NULL,
    ADD COLUMN `mergedIntoId` INT NULL,
    ADD INDEX `Company_parentId_idx`(`parentId`),
    ADD INDEX `Company_teamId_idx`(`teamId`),
    ADD INDEX `Company_deletedAt_idx`(`deletedAt`),
    ADD INDEX `Company_name_id_idx`(`name`, `id`),
    ADD INDEX `Company_province_city_idx`(`province`, `city`);

-- AlterTable
ALTER TABLE `Contact` ADD COLUMN `department` VARCHAR(100) NULL,
    ADD COLUMN `noCompany` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `reportsToId` INT NULL,
    ADD COLUMN `district` VARCHAR(50) NULL,
    ADD COLUMN `regionCode` VARCHAR(12) NULL,
    ADD COLUMN `email2` VARCHAR(191) NULL,
    ADD COLUMN `birthday` DATE NULL,
    ADD COLUMN `preferredChannel` VARCHAR(20) NULL,
    ADD COLUMN `optOutEmail` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `optOutSms` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `optOutCall` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `deletedAt` DATETIME(3) NULL,
    ADD COLUMN `deletedById` INT NULL,
    ADD COLUMN `mergedIntoId` INT NULL,
    ADD INDEX `Contact_reportsToId_idx`(`reportsToId`),
    ADD INDEX `Contact_deletedAt_idx`(`deletedAt`),
    ADD INDEX `Contact_fullName_id_idx`(`fullName`, `id`);

-- AlterTable
ALTER TABLE `Lead` ADD COLUMN `deletedAt` DATETIME(3) NULL,
    ADD COLUMN `deletedById` INT NULL,
    ADD INDEX `Lead_deletedAt_idx`(`deletedAt`);

-- AlterTable
ALTER TABLE `Opportunity` ADD COLUMN `deletedAt` DATETIME(3) NULL,
    ADD COLUMN `deletedById` INT NULL,
    ADD INDEX `Opportunity_deletedAt_idx`(`deletedAt`);

-- AlterTable
ALTER TABLE `Task` ADD COLUMN `companyId` INT NULL,
    ADD COLUMN `contactId` INT NULL,
    ADD INDEX `Task_companyId_idx`(`companyId`),
    ADD INDEX `Task_contactId_idx`(`contactId`);

-- AlterTable
ALTER TABLE `Note` ADD COLUMN `companyId` INT NULL,
    ADD COLUMN `contactId` INT NULL,
    ADD INDEX `Note_companyId_createdAt_idx`(`companyId`, `createdAt`),
    ADD INDEX `Note_contactId_createdAt_idx`(`contactId`, `createdAt`);

-- CreateTable
CREATE TABLE `ContactCompanyHistory` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `contactId` INT NOT NULL,
    `companyId` INT NULL,
    `companyName` VARCHAR(200) NULL,
    `title` VARCHAR(100) NULL,
    `startedAt` DATETIME(3) NULL,
    `endedAt` DATETIME(3) NOT NULL,
    `changedById` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ContactCompanyHistory_contactId_endedAt_idx`(`contactId`, `endedAt`),
    INDEX `ContactCompanyHistory_companyId_idx`(`companyId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `RecordShare` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `entityType` VARCHAR(20) NOT NULL,
    `recordId` INT NOT NULL,
    `staffId` INT NULL,
    `teamId` INT NULL,
    `canEdit` BOOLEAN NOT NULL DEFAULT false,
    `grantedById` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `RecordShare_staffId_entityType_idx`(`staffId`, `entityType`),
    INDEX `RecordShare_teamId_entityType_idx`(`teamId`, `entityType`),
    UNIQUE INDEX `RecordShare_entityType_recordId_staffId_teamId_key`(`entityType`, `recordId`, `staffId`, `teamId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AccessRequest` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `entityType` VARCHAR(20) NOT NULL,
    `recordId` INT NOT NULL,
    `requesterId` INT NOT NULL,
    `ownerId` INT NULL,
    `status` VARCHAR(12) NOT NULL DEFAULT 'pending',
    `message` VARCHAR(500) NULL,
    `decidedById` INT NULL,
    `decidedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `AccessRequest_ownerId_status_idx`(`ownerId`, `status`),
    INDEX `AccessRequest_requesterId_entityType_recordId_idx`(`requesterId`, `entityType`, `recordId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `RecordMerge` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `entityType` VARCHAR(20) NOT NULL,
    `survivorId` INT NOT NULL,
    `mergedIds` JSON NOT NULL,
    `snapshot` JSON NOT NULL,
    `mergedById` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `undoneAt` DATETIME(3) NULL,

    INDEX `RecordMerge_entityType_survivorId_idx`(`entityType`, `survivorId`),
    INDEX `RecordMerge_createdAt_idx`(`createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `DuplicatePair` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `entityType` VARCHAR(20) NOT NULL,
    `leftId` INT NOT NULL,
    `rightId` INT NOT NULL,
    `score` INT NOT NULL,
    `evidence` JSON NULL,
    `status` VARCHAR(12) NOT NULL DEFAULT 'open',
    `foundAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `reviewedById` INT NULL,
    `reviewedAt` DATETIME(3) NULL,

    INDEX `DuplicatePair_entityType_status_score_idx`(`entityType`, `status`, `score`),
    UNIQUE INDEX `DuplicatePair_entityType_leftId_rightId_key`(`entityType`, `leftId`, `rightId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Company` ADD CONSTRAINT `Company_teamId_fkey` FOREIGN KEY (`teamId`) REFERENCES `Team`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Company` ADD CONSTRAINT `Company_parentId_fkey` FOREIGN KEY (`parentId`) REFERENCES `Company`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Contact` ADD CONSTRAINT `Contact_reportsToId_fkey` FOREIGN KEY (`reportsToId`) REFERENCES `Contact`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ContactCompanyHistory` ADD CONSTRAINT `ContactCompanyHistory_contactId_fkey` FOREIGN KEY (`contactId`) REFERENCES `Contact`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ContactCompanyHistory` ADD CONSTRAINT `ContactCompanyHistory_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `RecordShare` ADD CONSTRAINT `RecordShare_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `RecordShare` ADD CONSTRAINT `RecordShare_teamId_fkey` FOREIGN KEY (`teamId`) REFERENCES `Team`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AccessRequest` ADD CONSTRAINT `AccessRequest_requesterId_fkey` FOREIGN KEY (`requesterId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Task` ADD CONSTRAINT `Task_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Task` ADD CONSTRAINT `Task_contactId_fkey` FOREIGN KEY (`contactId`) REFERENCES `Contact`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Note` ADD CONSTRAINT `Note_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Note` ADD CONSTRAINT `Note_contactId_fkey` FOREIGN KEY (`contactId`) REFERENCES `Contact`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
