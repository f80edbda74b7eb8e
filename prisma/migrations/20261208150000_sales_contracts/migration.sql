-- Sales contracts with payment plans, document templates and proposals (issue #18 item 6, decision
-- 045). Amounts are integer fen (BIGINT). Payment reminders are claimed by a unique key per
-- instalment and kind, so several workers send each reminder once.

-- CreateTable
CREATE TABLE `SalesContract` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `number` VARCHAR(20) NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `companyId` INTEGER NOT NULL,
    `contactId` INTEGER NULL,
    `opportunityId` INTEGER NULL,
    `quoteId` INTEGER NULL,
    `templateId` INTEGER NULL,
    `ownerId` INTEGER NOT NULL,
    `typeCode` VARCHAR(40) NOT NULL,
    `settlementCode` VARCHAR(40) NULL,
    `deliveryCode` VARCHAR(40) NULL,
    `signedOn` DATE NULL,
    `startDate` DATE NULL,
    `endDate` DATE NULL,
    `currency` VARCHAR(3) NOT NULL DEFAULT 'CNY',
    `amountFen` BIGINT NOT NULL DEFAULT 0,
    `receivedFen` BIGINT NOT NULL DEFAULT 0,
    `status` ENUM('drafting', 'approval', 'in_execution', 'completed', 'terminated') NOT NULL DEFAULT 'drafting',
    `implementation` ENUM('not_started', 'in_progress', 'delivered', 'accepted') NOT NULL DEFAULT 'not_started',
    `implementationNote` VARCHAR(2000) NULL,
    `terms` TEXT NULL,
    `terminationReason` VARCHAR(500) NULL,
    `publishedAt` DATETIME(3) NULL,
    `revision` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `SalesContract_number_key`(`number`),
    UNIQUE INDEX `SalesContract_quoteId_key`(`quoteId`),
    INDEX `SalesContract_ownerId_updatedAt_idx`(`ownerId`, `updatedAt`),
    INDEX `SalesContract_companyId_status_idx`(`companyId`, `status`),
    INDEX `SalesContract_status_signedOn_idx`(`status`, `signedOn`),
    INDEX `SalesContract_opportunityId_idx`(`opportunityId`),
    INDEX `SalesContract_contactId_idx`(`contactId`),
    INDEX `SalesContract_templateId_idx`(`templateId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SalesContractLine` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `contractId` INTEGER NOT NULL,
    `position` INTEGER NOT NULL DEFAULT 0,
    `productId` INTEGER NULL,
    `sku` VARCHAR(64) NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `unit` VARCHAR(20) NOT NULL,
    `quantity` INTEGER NOT NULL,
    `unitPriceFen` BIGINT NOT NULL,
    `taxRateBp` INTEGER NOT NULL DEFAULT 1300,
    `netFen` BIGINT NOT NULL,
    `taxFen` BIGINT NOT NULL,
    `grossFen` BIGINT NOT NULL,

    INDEX `SalesContractLine_contractId_position_idx`(`contractId`, `position`),
    INDEX `SalesContractLine_productId_idx`(`productId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SalesContractPart` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `contractId` INTEGER NOT NULL,
    `position` INTEGER NOT NULL,
    `title` VARCHAR(200) NOT NULL,
    `body` TEXT NOT NULL,

    INDEX `SalesContractPart_contractId_position_idx`(`contractId`, `position`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `DocumentTemplate` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `kind` ENUM('contract', 'proposal') NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `DocumentTemplate_kind_name_key`(`kind`, `name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `DocumentTemplatePart` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `templateId` INTEGER NOT NULL,
    `position` INTEGER NOT NULL,
    `title` VARCHAR(200) NOT NULL,
    `body` TEXT NOT NULL,

    INDEX `DocumentTemplatePart_templateId_position_idx`(`templateId`, `position`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PaymentInstalment` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `contractId` INTEGER NOT NULL,
    `position` INTEGER NOT NULL,
    `label` VARCHAR(100) NOT NULL,
    `dueDate` DATE NOT NULL,
    `amountFen` BIGINT NOT NULL,
    `receivedFen` BIGINT NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `PaymentInstalment_contractId_position_idx`(`contractId`, `position`),
    INDEX `PaymentInstalment_dueDate_idx`(`dueDate`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PaymentReceipt` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `instalmentId` INTEGER NOT NULL,
    `amountFen` BIGINT NOT NULL,
    `receivedOn` DATE NOT NULL,
    `note` VARCHAR(500) NULL,
    `recordedById` INTEGER NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `PaymentReceipt_instalmentId_idx`(`instalmentId`),
    INDEX `PaymentReceipt_recordedById_idx`(`recordedById`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PaymentReminder` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `instalmentId` INTEGER NOT NULL,
    `kind` VARCHAR(20) NOT NULL,
    `sentAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `PaymentReminder_instalmentId_kind_key`(`instalmentId`, `kind`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Proposal` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `title` VARCHAR(200) NOT NULL,
    `companyId` INTEGER NOT NULL,
    `opportunityId` INTEGER NULL,
    `ownerId` INTEGER NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Proposal_ownerId_updatedAt_idx`(`ownerId`, `updatedAt`),
    INDEX `Proposal_companyId_idx`(`companyId`),
    INDEX `Proposal_opportunityId_idx`(`opportunityId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ProposalPart` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `proposalId` INTEGER NOT NULL,
    `position` INTEGER NOT NULL,
    `kind` VARCHAR(20) NOT NULL,
    `title` VARCHAR(200) NOT NULL,
    `body` TEXT NULL,
    `refId` INTEGER NULL,

    INDEX `ProposalPart_proposalId_position_idx`(`proposalId`, `position`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `SalesContract` ADD CONSTRAINT `SalesContract_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `SalesContract` ADD CONSTRAINT `SalesContract_contactId_fkey` FOREIGN KEY (`contactId`) REFERENCES `Contact`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `SalesContract` ADD CONSTRAINT `SalesContract_opportunityId_fkey` FOREIGN KEY (`opportunityId`) REFERENCES `Opportunity`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `SalesContract` ADD CONSTRAINT `SalesContract_templateId_fkey` FOREIGN KEY (`templateId`) REFERENCES `DocumentTemplate`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `SalesContract` ADD CONSTRAINT `SalesContract_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `Staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `SalesContractLine` ADD CONSTRAINT `SalesContractLine_contractId_fkey` FOREIGN KEY (`contractId`) REFERENCES `SalesContract`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `SalesContractLine` ADD CONSTRAINT `SalesContractLine_productId_fkey` FOREIGN KEY (`productId`) REFERENCES `Product`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `SalesContractPart` ADD CONSTRAINT `SalesContractPart_contractId_fkey` FOREIGN KEY (`contractId`) REFERENCES `SalesContract`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `DocumentTemplatePart` ADD CONSTRAINT `DocumentTemplatePart_templateId_fkey` FOREIGN KEY (`templateId`) REFERENCES `DocumentTemplate`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `PaymentInstalment` ADD CONSTRAINT `PaymentInstalment_contractId_fkey` FOREIGN KEY (`contractId`) REFERENCES `SalesContract`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `PaymentReceipt` ADD CONSTRAINT `PaymentReceipt_instalmentId_fkey` FOREIGN KEY (`instalmentId`) REFERENCES `PaymentInstalment`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `PaymentReceipt` ADD CONSTRAINT `PaymentReceipt_recordedById_fkey` FOREIGN KEY (`recordedById`) REFERENCES `Staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `PaymentReminder` ADD CONSTRAINT `PaymentReminder_instalmentId_fkey` FOREIGN KEY (`instalmentId`) REFERENCES `PaymentInstalment`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `Proposal` ADD CONSTRAINT `Proposal_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `Proposal` ADD CONSTRAINT `Proposal_opportunityId_fkey` FOREIGN KEY (`opportunityId`) REFERENCES `Opportunity`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `Proposal` ADD CONSTRAINT `Proposal_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `Staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `ProposalPart` ADD CONSTRAINT `ProposalPart_proposalId_fkey` FOREIGN KEY (`proposalId`) REFERENCES `Proposal`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
