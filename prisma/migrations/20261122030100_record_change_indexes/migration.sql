-- Incremental loaders (the fuzzy matcher's in-memory index) read contacts and companies changed since a time.

-- AlterTable
ALTER TABLE `Company` ADD INDEX `Company_updatedAt_idx`(`updatedAt`);

-- AlterTable
ALTER TABLE `Contact` ADD INDEX `Contact_updatedAt_idx`(`updatedAt`);

