-- Proposals go through approval and are published to the customer's zone (decision 050).
ALTER TABLE `Proposal`
    ADD COLUMN `status` ENUM('drafting', 'pending_approval', 'approved', 'published') NOT NULL DEFAULT 'drafting',
    ADD COLUMN `reviewComment` VARCHAR(1000) NULL,
    ADD COLUMN `publishedAt` DATETIME(3) NULL;

-- The zone lists a company's published proposals; the plain companyId index is covered by this one.
-- The foreign key needs an index on companyId: create the new one before dropping the old.
CREATE INDEX `Proposal_companyId_publishedAt_idx` ON `Proposal`(`companyId`, `publishedAt`);
DROP INDEX `Proposal_companyId_idx` ON `Proposal`;
