-- Saved views and per-user column choices of list pages (decision 022), and indexes so the lead list
-- can sort by company or contact name with a keyset cursor (name, id) instead of a filesort.

-- AlterTable
ALTER TABLE `Lead` ADD INDEX `Lead_companyName_id_idx`(`companyName`, `id`),
    ADD INDEX `Lead_contactName_id_idx`(`contactName`, `id`);

-- CreateTable
CREATE TABLE `ListColumnChoice` (
    `staffId` INT NOT NULL,
    `listKey` VARCHAR(50) NOT NULL,
    `columns` VARCHAR(500) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`staffId`, `listKey`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SavedView` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `staffId` INT NOT NULL,
    `listKey` VARCHAR(50) NOT NULL,
    `name` VARCHAR(60) NOT NULL,
    `query` VARCHAR(1000) NOT NULL,
    `columns` VARCHAR(500) NULL,
    `sharedWithTeam` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `SavedView_listKey_sharedWithTeam_idx`(`listKey`, `sharedWithTeam`),
    UNIQUE INDEX `SavedView_staffId_listKey_name_key`(`staffId`, `listKey`, `name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `ListColumnChoice` ADD CONSTRAINT `ListColumnChoice_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `SavedView` ADD CONSTRAINT `SavedView_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

