-- Indexes the company and contact lists need at 250k / 1M rows (bench/contact-list.ts and the
-- companies list timings): an own-scope first page sorted by last change, and the type/industry
-- filters, read an index instead of intersecting or scanning.

-- AlterTable
ALTER TABLE `Company` ADD INDEX `Company_ownerId_updatedAt_idx`(`ownerId`, `updatedAt`),
    ADD INDEX `Company_type_idx`(`type`),
    ADD INDEX `Company_industry_idx`(`industry`);

-- AlterTable
ALTER TABLE `Contact` ADD INDEX `Contact_ownerId_updatedAt_idx`(`ownerId`, `updatedAt`);
