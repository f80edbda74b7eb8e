-- Sales orders (issue #18 item 7, decision 046): orders from an accepted quote, a contract or a
-- converted portal order, lines copied to the fen, fulfilment steps with who and when, and delivered
-- units becoming customer assets (one asset per order line and first unit: unique, so a repeated or
-- concurrent delivery never makes a second one). Products gain their warranty months.

-- CreateTable
CREATE TABLE `SalesOrder` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `number` VARCHAR(20) NOT NULL,
    `status` ENUM('confirmed', 'shipped', 'delivered', 'accepted', 'invoiced', 'paid', 'cancelled') NOT NULL DEFAULT 'confirmed',
    `source` ENUM('quote', 'contract', 'opportunity') NOT NULL,
    `sourceKey` VARCHAR(40) NOT NULL,
    `quoteId` INTEGER NULL,
    `contractId` INTEGER NULL,
    `opportunityId` INTEGER NULL,
    `leadId` INTEGER NULL,
    `companyId` INTEGER NOT NULL,
    `contactId` INTEGER NULL,
    `ownerId` INTEGER NOT NULL,
    `currency` VARCHAR(3) NOT NULL DEFAULT 'CNY',
    `totalAmount` DECIMAL(16, 2) NOT NULL DEFAULT 0,
    `invoiceNumber` VARCHAR(60) NULL,
    `note` VARCHAR(1000) NULL,
    `confirmedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `shippedAt` DATETIME(3) NULL,
    `deliveredAt` DATETIME(3) NULL,
    `acceptedAt` DATETIME(3) NULL,
    `invoicedAt` DATETIME(3) NULL,
    `paidAt` DATETIME(3) NULL,
    `cancelledAt` DATETIME(3) NULL,
    `createdById` INTEGER NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `SalesOrder_number_key`(`number`),
    UNIQUE INDEX `SalesOrder_sourceKey_key`(`sourceKey`),
    INDEX `SalesOrder_ownerId_status_idx`(`ownerId`, `status`),
    INDEX `SalesOrder_companyId_idx`(`companyId`),
    INDEX `SalesOrder_opportunityId_idx`(`opportunityId`),
    INDEX `SalesOrder_leadId_idx`(`leadId`),
    INDEX `SalesOrder_status_id_idx`(`status`, `id`),
    INDEX `SalesOrder_createdAt_idx`(`createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SalesOrderLine` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `orderId` INTEGER NOT NULL,
    `position` INTEGER NOT NULL,
    `productId` INTEGER NULL,
    `sku` VARCHAR(64) NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `unit` VARCHAR(20) NULL,
    `quantity` INTEGER NOT NULL,
    `unitPrice` DECIMAL(14, 2) NOT NULL,
    `lineTotal` DECIMAL(16, 2) NOT NULL,
    `deliveredQuantity` INTEGER NOT NULL DEFAULT 0,
    `warrantyMonths` INTEGER NULL,

    INDEX `SalesOrderLine_orderId_position_idx`(`orderId`, `position`),
    INDEX `SalesOrderLine_productId_idx`(`productId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SalesOrderEvent` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `orderId` INTEGER NOT NULL,
    `fromStatus` ENUM('confirmed', 'shipped', 'delivered', 'accepted', 'invoiced', 'paid', 'cancelled') NULL,
    `toStatus` ENUM('confirmed', 'shipped', 'delivered', 'accepted', 'invoiced', 'paid', 'cancelled') NOT NULL,
    `kind` VARCHAR(20) NOT NULL,
    `staffId` INTEGER NULL,
    `details` JSON NULL,
    `note` VARCHAR(1000) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `SalesOrderEvent_orderId_id_idx`(`orderId`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AlterTable
ALTER TABLE `Product` ADD COLUMN `warrantyMonths` INTEGER NULL;

-- AlterTable
ALTER TABLE `Asset` ADD COLUMN `salesOrderLineId` INTEGER NULL,
    ADD COLUMN `deliveredUnit` INTEGER NULL;

-- CreateIndex
CREATE UNIQUE INDEX `Asset_salesOrderLineId_deliveredUnit_key` ON `Asset`(`salesOrderLineId`, `deliveredUnit`);

-- AddForeignKey
ALTER TABLE `SalesOrder` ADD CONSTRAINT `SalesOrder_opportunityId_fkey` FOREIGN KEY (`opportunityId`) REFERENCES `Opportunity`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `SalesOrder` ADD CONSTRAINT `SalesOrder_leadId_fkey` FOREIGN KEY (`leadId`) REFERENCES `Lead`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `SalesOrder` ADD CONSTRAINT `SalesOrder_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `SalesOrder` ADD CONSTRAINT `SalesOrder_contactId_fkey` FOREIGN KEY (`contactId`) REFERENCES `Contact`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `SalesOrder` ADD CONSTRAINT `SalesOrder_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `Staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `SalesOrderLine` ADD CONSTRAINT `SalesOrderLine_orderId_fkey` FOREIGN KEY (`orderId`) REFERENCES `SalesOrder`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `SalesOrderLine` ADD CONSTRAINT `SalesOrderLine_productId_fkey` FOREIGN KEY (`productId`) REFERENCES `Product`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `SalesOrderEvent` ADD CONSTRAINT `SalesOrderEvent_orderId_fkey` FOREIGN KEY (`orderId`) REFERENCES `SalesOrder`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `Asset` ADD CONSTRAINT `Asset_salesOrderLineId_fkey` FOREIGN KEY (`salesOrderLineId`) REFERENCES `SalesOrderLine`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
