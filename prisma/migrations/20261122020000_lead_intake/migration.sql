-- Web lead intake: campaigns (minimal), products (minimal), registration categories with channel keys,
-- round-robin token groups, leads with items and history, and staff notifications.

-- CreateTable
CREATE TABLE `Campaign` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(200) NOT NULL,
    `status` VARCHAR(30) NOT NULL DEFAULT 'active',
    `ownerId` INTEGER NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Campaign_ownerId_idx`(`ownerId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Product` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `sku` VARCHAR(64) NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `unit` VARCHAR(20) NOT NULL DEFAULT '套',
    `unitPrice` DECIMAL(14, 2) NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Product_sku_key`(`sku`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `RegistrationCategory` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(40) NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `kind` ENUM('guest', 'requirement', 'order', 'service') NOT NULL,
    `campaignId` INTEGER NULL,
    `tokenGroupId` INTEGER NULL,
    `designatedStaffId` INTEGER NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `allowedOrigins` TEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `RegistrationCategory_code_key`(`code`),
    INDEX `RegistrationCategory_campaignId_idx`(`campaignId`),
    INDEX `RegistrationCategory_tokenGroupId_idx`(`tokenGroupId`),
    INDEX `RegistrationCategory_designatedStaffId_idx`(`designatedStaffId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ChannelKey` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `categoryId` INTEGER NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `prefix` VARCHAR(24) NOT NULL,
    `secretHash` BINARY(32) NOT NULL,
    `createdById` INTEGER NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `lastUsedAt` DATETIME(3) NULL,
    `revokedAt` DATETIME(3) NULL,

    UNIQUE INDEX `ChannelKey_prefix_key`(`prefix`),
    INDEX `ChannelKey_categoryId_idx`(`categoryId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `TokenGroup` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(100) NOT NULL,
    `cursor` INTEGER NOT NULL DEFAULT -1,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `TokenGroup_name_key`(`name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `TokenGroupMember` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `groupId` INTEGER NOT NULL,
    `staffId` INTEGER NOT NULL,
    `position` INTEGER NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,

    UNIQUE INDEX `TokenGroupMember_groupId_staffId_key`(`groupId`, `staffId`),
    UNIQUE INDEX `TokenGroupMember_groupId_position_key`(`groupId`, `position`),
    INDEX `TokenGroupMember_staffId_idx`(`staffId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Lead` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `number` VARCHAR(20) NOT NULL,
    `categoryId` INTEGER NULL,
    `campaignId` INTEGER NULL,
    `memberId` INTEGER NULL,
    `ownerId` INTEGER NOT NULL,
    `status` ENUM('new', 'assigned', 'contacted', 'qualified', 'converted', 'closed') NOT NULL DEFAULT 'new',
    `contactName` VARCHAR(100) NULL,
    `contactTitle` VARCHAR(100) NULL,
    `contactEmail` VARCHAR(191) NULL,
    `contactPhone` VARCHAR(50) NULL,
    `contactMobile` VARCHAR(50) NULL,
    `contactFax` VARCHAR(50) NULL,
    `companyName` VARCHAR(200) NULL,
    `companyProvince` VARCHAR(50) NULL,
    `companyCity` VARCHAR(50) NULL,
    `companyAddress` VARCHAR(255) NULL,
    `companyPhone` VARCHAR(50) NULL,
    `companyFax` VARCHAR(50) NULL,
    `requirement` TEXT NULL,
    `emailKey` VARCHAR(191) NULL,
    `phoneKey` VARCHAR(32) NULL,
    `companyKey` VARCHAR(200) NULL,
    `routedBy` ENUM('token_group', 'campaign_owner', 'default_owner', 'manual') NOT NULL,
    `routedTokenGroupId` INTEGER NULL,
    `routedPosition` INTEGER NULL,
    `source` VARCHAR(20) NOT NULL,
    `submitterIp` VARCHAR(45) NULL,
    `userAgent` VARCHAR(255) NULL,
    `idempotencyKey` VARCHAR(191) NULL,
    `requestHash` VARCHAR(64) NULL,
    `matches` JSON NULL,
    `ownerSeenAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Lead_number_key`(`number`),
    UNIQUE INDEX `Lead_idempotencyKey_key`(`idempotencyKey`),
    INDEX `Lead_ownerId_status_id_idx`(`ownerId`, `status`, `id`),
    INDEX `Lead_categoryId_id_idx`(`categoryId`, `id`),
    INDEX `Lead_campaignId_id_idx`(`campaignId`, `id`),
    INDEX `Lead_memberId_idx`(`memberId`),
    INDEX `Lead_status_id_idx`(`status`, `id`),
    INDEX `Lead_createdAt_idx`(`createdAt`),
    INDEX `Lead_requestHash_createdAt_idx`(`requestHash`, `createdAt`),
    INDEX `Lead_emailKey_idx`(`emailKey`),
    INDEX `Lead_phoneKey_idx`(`phoneKey`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LeadItem` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `leadId` INTEGER NOT NULL,
    `sku` VARCHAR(64) NOT NULL,
    `productName` VARCHAR(200) NULL,
    `quantity` INTEGER NOT NULL,

    INDEX `LeadItem_leadId_idx`(`leadId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LeadEvent` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `leadId` INTEGER NOT NULL,
    `type` VARCHAR(40) NOT NULL,
    `actorType` VARCHAR(20) NOT NULL,
    `actorId` INTEGER NULL,
    `detail` JSON NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `LeadEvent_leadId_createdAt_idx`(`leadId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Notification` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `staffId` INTEGER NOT NULL,
    `type` VARCHAR(40) NOT NULL,
    `title` VARCHAR(200) NOT NULL,
    `body` VARCHAR(1000) NULL,
    `link` VARCHAR(255) NULL,
    `readAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `Notification_staffId_readAt_id_idx`(`staffId`, `readAt`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Campaign` ADD CONSTRAINT `Campaign_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `Staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `RegistrationCategory` ADD CONSTRAINT `RegistrationCategory_campaignId_fkey` FOREIGN KEY (`campaignId`) REFERENCES `Campaign`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `RegistrationCategory` ADD CONSTRAINT `RegistrationCategory_tokenGroupId_fkey` FOREIGN KEY (`tokenGroupId`) REFERENCES `TokenGroup`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `RegistrationCategory` ADD CONSTRAINT `RegistrationCategory_designatedStaffId_fkey` FOREIGN KEY (`designatedStaffId`) REFERENCES `Staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ChannelKey` ADD CONSTRAINT `ChannelKey_categoryId_fkey` FOREIGN KEY (`categoryId`) REFERENCES `RegistrationCategory`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `TokenGroupMember` ADD CONSTRAINT `TokenGroupMember_groupId_fkey` FOREIGN KEY (`groupId`) REFERENCES `TokenGroup`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `TokenGroupMember` ADD CONSTRAINT `TokenGroupMember_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Lead` ADD CONSTRAINT `Lead_categoryId_fkey` FOREIGN KEY (`categoryId`) REFERENCES `RegistrationCategory`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Lead` ADD CONSTRAINT `Lead_campaignId_fkey` FOREIGN KEY (`campaignId`) REFERENCES `Campaign`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Lead` ADD CONSTRAINT `Lead_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Lead` ADD CONSTRAINT `Lead_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `Staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LeadItem` ADD CONSTRAINT `LeadItem_leadId_fkey` FOREIGN KEY (`leadId`) REFERENCES `Lead`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LeadEvent` ADD CONSTRAINT `LeadEvent_leadId_fkey` FOREIGN KEY (`leadId`) REFERENCES `Lead`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Notification` ADD CONSTRAINT `Notification_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
