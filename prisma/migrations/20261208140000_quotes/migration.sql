-- Quotes (issue #18 item 5, decision 044): versioned quotes with lines in integer fen, templates and
-- common clauses. One row per version; `currentKey` holds the number while the version is current, so
-- a number has at most one current version.

-- CreateTable
CREATE TABLE `Quote` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `number` VARCHAR(20) NOT NULL,
    `version` INTEGER NOT NULL DEFAULT 1,
    `currentKey` VARCHAR(20) NULL,
    `title` VARCHAR(200) NOT NULL,
    `status` ENUM('draft', 'pending_approval', 'approved', 'sent', 'accepted', 'changes_requested', 'rejected', 'expired', 'superseded') NOT NULL DEFAULT 'draft',
    `companyId` INTEGER NOT NULL,
    `contactId` INTEGER NULL,
    `opportunityId` INTEGER NULL,
    `ownerId` INTEGER NOT NULL,
    `templateId` INTEGER NULL,
    `currency` VARCHAR(3) NOT NULL DEFAULT 'CNY',
    `validUntil` DATE NOT NULL,
    `terms` TEXT NOT NULL,
    `remark` VARCHAR(1000) NULL,
    `netFen` BIGINT NOT NULL DEFAULT 0,
    `taxFen` BIGINT NOT NULL DEFAULT 0,
    `totalFen` BIGINT NOT NULL DEFAULT 0,
    `emailedAt` DATETIME(3) NULL,
    `publishedAt` DATETIME(3) NULL,
    `respondedAt` DATETIME(3) NULL,
    `respondedByMemberId` INTEGER NULL,
    `responseComment` VARCHAR(2000) NULL,
    `consumedAt` DATETIME(3) NULL,
    `consumedByType` VARCHAR(20) NULL,
    `consumedById` INTEGER NULL,
    `createdById` INTEGER NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Quote_currentKey_key`(`currentKey`),
    INDEX `Quote_ownerId_updatedAt_idx`(`ownerId`, `updatedAt`),
    INDEX `Quote_companyId_status_idx`(`companyId`, `status`),
    INDEX `Quote_contactId_idx`(`contactId`),
    INDEX `Quote_opportunityId_idx`(`opportunityId`),
    INDEX `Quote_status_validUntil_idx`(`status`, `validUntil`),
    INDEX `Quote_templateId_idx`(`templateId`),
    UNIQUE INDEX `Quote_number_version_key`(`number`, `version`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `QuoteLine` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `quoteId` INTEGER NOT NULL,
    `position` INTEGER NOT NULL DEFAULT 0,
    `productId` INTEGER NULL,
    `sku` VARCHAR(64) NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `unit` VARCHAR(20) NOT NULL,
    `unitFactor` INTEGER NOT NULL DEFAULT 1,
    `quantity` INTEGER NOT NULL,
    `listPriceFen` BIGINT NOT NULL,
    `unitPriceFen` BIGINT NOT NULL,
    `discountBp` INTEGER NOT NULL DEFAULT 0,
    `taxRateBp` INTEGER NOT NULL DEFAULT 1300,
    `priceIncludesTax` BOOLEAN NOT NULL DEFAULT true,
    `netFen` BIGINT NOT NULL,
    `taxFen` BIGINT NOT NULL,
    `grossFen` BIGINT NOT NULL,
    `lineTotalFen` BIGINT NOT NULL,

    INDEX `QuoteLine_quoteId_position_idx`(`quoteId`, `position`),
    INDEX `QuoteLine_productId_idx`(`productId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `QuoteTemplate` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(100) NOT NULL,
    `validityDays` INTEGER NOT NULL DEFAULT 30,
    `terms` TEXT NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `QuoteTemplate_name_key`(`name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `QuoteClause` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `title` VARCHAR(100) NOT NULL,
    `body` TEXT NOT NULL,
    `position` INTEGER NOT NULL DEFAULT 0,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `QuoteClause_title_key`(`title`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Quote` ADD CONSTRAINT `Quote_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `Quote` ADD CONSTRAINT `Quote_contactId_fkey` FOREIGN KEY (`contactId`) REFERENCES `Contact`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `Quote` ADD CONSTRAINT `Quote_opportunityId_fkey` FOREIGN KEY (`opportunityId`) REFERENCES `Opportunity`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `Quote` ADD CONSTRAINT `Quote_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `Staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `Quote` ADD CONSTRAINT `Quote_templateId_fkey` FOREIGN KEY (`templateId`) REFERENCES `QuoteTemplate`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `QuoteLine` ADD CONSTRAINT `QuoteLine_quoteId_fkey` FOREIGN KEY (`quoteId`) REFERENCES `Quote`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `QuoteLine` ADD CONSTRAINT `QuoteLine_productId_fkey` FOREIGN KEY (`productId`) REFERENCES `Product`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- The outbox carries attachments (a quote's PDF e-mailed to the customer): [{filename, contentType, contentBase64}].
ALTER TABLE `EmailOutbox` ADD COLUMN `attachments` JSON NULL;
