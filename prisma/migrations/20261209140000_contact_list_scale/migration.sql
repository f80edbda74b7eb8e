-- Contact list at a million rows (decision 054).

-- A lone (deletedAt) index matched every live row in primary-key order, so MariaDB intersected it
-- with (ownerId) for an own-scope list and then sorted the rep's whole book (100k rows: 11 s).
-- Leading the bin's filter with the default sort keeps the bin's range read and cannot be intersected.
-- CreateIndex
CREATE INDEX `Contact_deletedAt_updatedAt_idx` ON `Contact`(`deletedAt`, `updatedAt`);

-- DropIndex
DROP INDEX `Contact_deletedAt_idx` ON `Contact`;

-- Own/team scope, default sort: ownerId = ? AND deletedAt IS NULL ORDER BY updatedAt DESC, id DESC is
-- one index range in order, and the capped count of a rep's contacts reads only this index.
-- CreateIndex
CREATE INDEX `Contact_ownerId_deletedAt_updatedAt_idx` ON `Contact`(`ownerId`, `deletedAt`, `updatedAt`);

-- DropIndex
DROP INDEX `Contact_ownerId_updatedAt_idx` ON `Contact`;

-- The name sort and the name search (q=张 is 9 % of a million contacts) under the bin filter, all
-- scope and own/team scope: the page reads 26 entries in order, the capped count at most 10,001
-- entries of this index alone (before: 100k row reads for a rep's "张", 2.8 s).
-- CreateIndex
CREATE INDEX `Contact_deletedAt_fullName_idx` ON `Contact`(`deletedAt`, `fullName`);

-- CreateIndex
CREATE INDEX `Contact_ownerId_deletedAt_fullName_idx` ON `Contact`(`ownerId`, `deletedAt`, `fullName`);

-- (fullName) alone is a prefix of (fullName, id): one index less to write.
-- DropIndex
DROP INDEX `Contact_fullName_idx` ON `Contact`;

-- The company list had the same intersection of (ownerId) and a lone (deletedAt): the same cure.
-- CreateIndex
CREATE INDEX `Company_deletedAt_updatedAt_idx` ON `Company`(`deletedAt`, `updatedAt`);

-- DropIndex
DROP INDEX `Company_deletedAt_idx` ON `Company`;

-- CreateIndex
CREATE INDEX `Company_ownerId_deletedAt_updatedAt_idx` ON `Company`(`ownerId`, `deletedAt`, `updatedAt`);

-- DropIndex
DROP INDEX `Company_ownerId_updatedAt_idx` ON `Company`;
