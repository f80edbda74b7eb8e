-- Search quality (issue #14 item 5, decision 039): staff-maintained synonym groups per search scope,
-- and a privacy-minded query log that keeps only counts per normalised query (no member ids).

-- CreateTable
CREATE TABLE `SearchSynonym` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `scope` VARCHAR(30) NOT NULL,
    `terms` VARCHAR(500) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `SearchSynonym_scope_idx`(`scope`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SearchQueryStat` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `scope` VARCHAR(30) NOT NULL,
    `query` VARCHAR(60) NOT NULL,
    `count` INTEGER NOT NULL DEFAULT 0,
    `lastHits` INTEGER NOT NULL DEFAULT 0,
    `lastSearchedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `SearchQueryStat_scope_count_idx`(`scope`, `count`),
    UNIQUE INDEX `SearchQueryStat_scope_query_key`(`scope`, `query`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
