-- Catalog (issue #18 items 1–3): products with categories, packagings, specifications, bundles and
-- competitor comparisons; price schemes with quantity tiers and authorised salespeople (decision 037).

-- CreateTable
CREATE TABLE `CompetitorProduct` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `competitorName` VARCHAR(200) NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `specs` TEXT NULL,
    `keyFeatures` TEXT NULL,
    `defects` TEXT NULL,
    `price` DECIMAL(14, 2) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `CompetitorProduct_competitorName_idx`(`competitorName`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PriceScheme` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(200) NOT NULL,
    `productId` INT NULL,
    `categoryId` INT NULL,
    `currency` VARCHAR(3) NOT NULL DEFAULT 'CNY',
    `validFrom` DATE NULL,
    `validTo` DATE NULL,
    `memberLevel` ENUM('prospect', 'customer', 'partner') NULL,
    `companyId` INT NULL,
    `shared` BOOLEAN NOT NULL DEFAULT true,
    `status` ENUM('draft', 'pending', 'approved', 'rejected', 'discarded') NOT NULL DEFAULT 'draft',
    `createdById` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `PriceScheme_productId_status_idx`(`productId`, `status`),
    INDEX `PriceScheme_categoryId_status_idx`(`categoryId`, `status`),
    INDEX `PriceScheme_companyId_idx`(`companyId`),
    INDEX `PriceScheme_status_updatedAt_idx`(`status`, `updatedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PriceSchemeGrant` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `schemeId` INT NOT NULL,
    `staffId` INT NOT NULL,

    INDEX `PriceSchemeGrant_staffId_idx`(`staffId`),
    UNIQUE INDEX `PriceSchemeGrant_schemeId_staffId_key`(`schemeId`, `staffId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PriceSchemeTier` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `schemeId` INT NOT NULL,
    `minQuantity` INT NOT NULL,
    `unitPrice` DECIMAL(14, 2) NULL,
    `discountBp` INT NULL,

    UNIQUE INDEX `PriceSchemeTier_schemeId_minQuantity_key`(`schemeId`, `minQuantity`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AlterTable
ALTER TABLE `Product` ADD COLUMN `categoryId` INT NULL,
    ADD COLUMN `productLine` VARCHAR(100) NULL,
    ADD COLUMN `productType` VARCHAR(60) NULL,
    ADD COLUMN `description` TEXT NULL,
    ADD COLUMN `keyFeatures` TEXT NULL,
    ADD COLUMN `defects` TEXT NULL,
    ADD COLUMN `cost` DECIMAL(14, 2) NULL,
    ADD COLUMN `taxRateBp` INT NOT NULL DEFAULT 1300,
    ADD COLUMN `priceIncludesTax` BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN `portalProspect` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `portalCustomer` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `portalPartner` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `isBundle` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `searchKey` VARCHAR(1000) NOT NULL DEFAULT '',
    ADD INDEX `Product_categoryId_idx`(`categoryId`),
    ADD INDEX `Product_active_name_idx`(`active`, `name`);

-- CreateTable
CREATE TABLE `ProductBundleItem` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `bundleId` INT NOT NULL,
    `productId` INT NOT NULL,
    `quantity` INT NOT NULL DEFAULT 1,

    INDEX `ProductBundleItem_productId_idx`(`productId`),
    UNIQUE INDEX `ProductBundleItem_bundleId_productId_key`(`bundleId`, `productId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ProductCategory` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(100) NOT NULL,
    `parentId` INT NULL,
    `position` INT NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `ProductCategory_name_key`(`name`),
    INDEX `ProductCategory_parentId_idx`(`parentId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ProductComparison` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `productId` INT NOT NULL,
    `competitorProductId` INT NOT NULL,
    `ourStrengths` VARCHAR(1000) NULL,
    `theirStrengths` VARCHAR(1000) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ProductComparison_competitorProductId_idx`(`competitorProductId`),
    UNIQUE INDEX `ProductComparison_productId_competitorProductId_key`(`productId`, `competitorProductId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ProductPackaging` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `productId` INT NOT NULL,
    `unit` VARCHAR(20) NOT NULL,
    `contains` INT NOT NULL,
    `ofUnit` VARCHAR(20) NOT NULL,
    `position` INT NOT NULL DEFAULT 0,

    UNIQUE INDEX `ProductPackaging_productId_unit_key`(`productId`, `unit`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ProductSpec` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `productId` INT NOT NULL,
    `key` VARCHAR(100) NOT NULL,
    `value` VARCHAR(500) NOT NULL,
    `position` INT NOT NULL DEFAULT 0,

    INDEX `ProductSpec_productId_position_idx`(`productId`, `position`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `PriceScheme` ADD CONSTRAINT `PriceScheme_productId_fkey` FOREIGN KEY (`productId`) REFERENCES `Product`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `PriceScheme` ADD CONSTRAINT `PriceScheme_categoryId_fkey` FOREIGN KEY (`categoryId`) REFERENCES `ProductCategory`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `PriceScheme` ADD CONSTRAINT `PriceScheme_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `PriceScheme` ADD CONSTRAINT `PriceScheme_createdById_fkey` FOREIGN KEY (`createdById`) REFERENCES `Staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `PriceSchemeGrant` ADD CONSTRAINT `PriceSchemeGrant_schemeId_fkey` FOREIGN KEY (`schemeId`) REFERENCES `PriceScheme`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `PriceSchemeGrant` ADD CONSTRAINT `PriceSchemeGrant_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `PriceSchemeTier` ADD CONSTRAINT `PriceSchemeTier_schemeId_fkey` FOREIGN KEY (`schemeId`) REFERENCES `PriceScheme`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Product` ADD CONSTRAINT `Product_categoryId_fkey` FOREIGN KEY (`categoryId`) REFERENCES `ProductCategory`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ProductBundleItem` ADD CONSTRAINT `ProductBundleItem_bundleId_fkey` FOREIGN KEY (`bundleId`) REFERENCES `Product`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ProductBundleItem` ADD CONSTRAINT `ProductBundleItem_productId_fkey` FOREIGN KEY (`productId`) REFERENCES `Product`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ProductCategory` ADD CONSTRAINT `ProductCategory_parentId_fkey` FOREIGN KEY (`parentId`) REFERENCES `ProductCategory`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ProductComparison` ADD CONSTRAINT `ProductComparison_productId_fkey` FOREIGN KEY (`productId`) REFERENCES `Product`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ProductComparison` ADD CONSTRAINT `ProductComparison_competitorProductId_fkey` FOREIGN KEY (`competitorProductId`) REFERENCES `CompetitorProduct`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ProductPackaging` ADD CONSTRAINT `ProductPackaging_productId_fkey` FOREIGN KEY (`productId`) REFERENCES `Product`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ProductSpec` ADD CONSTRAINT `ProductSpec_productId_fkey` FOREIGN KEY (`productId`) REFERENCES `Product`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;


-- Products that existed before the catalog stay orderable on the portal for every member level.
UPDATE `Product` SET `portalProspect` = true, `portalCustomer` = true, `portalPartner` = true WHERE `active` = true;

-- Portal basket (#18 item 3): order-lead items keep their packaging and priced line total; members
-- save baskets (自助预算).

-- AlterTable
ALTER TABLE `LeadItem` ADD COLUMN `unit` VARCHAR(20) NULL,
    ADD COLUMN `lineTotal` DECIMAL(16, 2) NULL;

-- CreateTable
CREATE TABLE `SavedBasket` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `memberId` INT NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `items` JSON NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `SavedBasket_memberId_updatedAt_idx`(`memberId`, `updatedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `SavedBasket` ADD CONSTRAINT `SavedBasket_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
