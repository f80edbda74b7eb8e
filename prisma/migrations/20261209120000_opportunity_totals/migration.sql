-- Maintained opportunity totals (issue #18 item 4, decision 052): the board's columns and the list's
-- totals for a scope without arbitrary filters read a small summary instead of a GROUP BY over every
-- opportunity. Each write to `Opportunity` appends signed delta rows (triggers below, in the writer's
-- own transaction, whatever code or raw SQL made the change); a worker folds them into the summary;
-- readers add the summary and the pending deltas in one statement. Keys that may be NULL are stored
-- as 0 so they can be part of the primary key. Binned rows (deletedAt set) are not counted.

-- CreateTable
CREATE TABLE `OpportunityTotal` (
    `ownerId` INTEGER NOT NULL,
    `teamId` INTEGER NOT NULL,
    `salesMethodId` INTEGER NOT NULL,
    `stageId` INTEGER NOT NULL,
    `stage` ENUM('prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost') NOT NULL,
    `probability` INTEGER NOT NULL,
    `opportunities` BIGINT NOT NULL DEFAULT 0,
    `amount` DECIMAL(20, 2) NOT NULL DEFAULT 0,

    PRIMARY KEY (`ownerId`, `teamId`, `salesMethodId`, `stageId`, `stage`, `probability`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OpportunityTotalDelta` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `ownerId` INTEGER NOT NULL,
    `teamId` INTEGER NOT NULL,
    `salesMethodId` INTEGER NOT NULL,
    `stageId` INTEGER NOT NULL,
    `stage` ENUM('prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost') NOT NULL,
    `probability` INTEGER NOT NULL,
    `opportunities` INTEGER NOT NULL,
    `amount` DECIMAL(20, 2) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Triggers: one statement each (no DELIMITER needed). An update that changes none of the keys, the
-- amount or the bin state writes nothing; otherwise it takes the old row out and puts the new one in.
CREATE TRIGGER `Opportunity_totals_insert` AFTER INSERT ON `Opportunity` FOR EACH ROW
  INSERT INTO `OpportunityTotalDelta` (`ownerId`, `teamId`, `salesMethodId`, `stageId`, `stage`, `probability`, `opportunities`, `amount`)
  SELECT NEW.ownerId, COALESCE(NEW.teamId, 0), COALESCE(NEW.salesMethodId, 0), COALESCE(NEW.stageId, 0), NEW.stage, NEW.probability, 1, NEW.amount FROM DUAL WHERE NEW.deletedAt IS NULL;

CREATE TRIGGER `Opportunity_totals_update` AFTER UPDATE ON `Opportunity` FOR EACH ROW
  INSERT INTO `OpportunityTotalDelta` (`ownerId`, `teamId`, `salesMethodId`, `stageId`, `stage`, `probability`, `opportunities`, `amount`)
  SELECT OLD.ownerId, COALESCE(OLD.teamId, 0), COALESCE(OLD.salesMethodId, 0), COALESCE(OLD.stageId, 0), OLD.stage, OLD.probability, -1, -OLD.amount FROM DUAL
    WHERE OLD.deletedAt IS NULL AND NOT (OLD.ownerId <=> NEW.ownerId AND OLD.teamId <=> NEW.teamId AND OLD.salesMethodId <=> NEW.salesMethodId AND OLD.stageId <=> NEW.stageId AND OLD.stage <=> NEW.stage AND OLD.probability <=> NEW.probability AND OLD.amount <=> NEW.amount AND (OLD.deletedAt IS NULL) = (NEW.deletedAt IS NULL))
  UNION ALL
  SELECT NEW.ownerId, COALESCE(NEW.teamId, 0), COALESCE(NEW.salesMethodId, 0), COALESCE(NEW.stageId, 0), NEW.stage, NEW.probability, 1, NEW.amount FROM DUAL
    WHERE NEW.deletedAt IS NULL AND NOT (OLD.ownerId <=> NEW.ownerId AND OLD.teamId <=> NEW.teamId AND OLD.salesMethodId <=> NEW.salesMethodId AND OLD.stageId <=> NEW.stageId AND OLD.stage <=> NEW.stage AND OLD.probability <=> NEW.probability AND OLD.amount <=> NEW.amount AND (OLD.deletedAt IS NULL) = (NEW.deletedAt IS NULL));

CREATE TRIGGER `Opportunity_totals_delete` AFTER DELETE ON `Opportunity` FOR EACH ROW
  INSERT INTO `OpportunityTotalDelta` (`ownerId`, `teamId`, `salesMethodId`, `stageId`, `stage`, `probability`, `opportunities`, `amount`)
  SELECT OLD.ownerId, COALESCE(OLD.teamId, 0), COALESCE(OLD.salesMethodId, 0), COALESCE(OLD.stageId, 0), OLD.stage, OLD.probability, -1, -OLD.amount FROM DUAL WHERE OLD.deletedAt IS NULL;

-- The opportunities that exist now (the triggers cover every later change).
INSERT INTO `OpportunityTotal` (`ownerId`, `teamId`, `salesMethodId`, `stageId`, `stage`, `probability`, `opportunities`, `amount`)
  SELECT ownerId, COALESCE(teamId, 0), COALESCE(salesMethodId, 0), COALESCE(stageId, 0), stage, probability,
         COUNT(*), SUM(amount)
  FROM `Opportunity` WHERE deletedAt IS NULL
  GROUP BY ownerId, COALESCE(teamId, 0), COALESCE(salesMethodId, 0), COALESCE(stageId, 0), stage, probability;

-- List and board plans at 200k rows (decision 052): sorted first pages and board columns read an index
-- in order instead of a filesort over the scope.
CREATE INDEX `Opportunity_deletedAt_amount_idx` ON `Opportunity`(`deletedAt`, `amount`);
CREATE INDEX `Opportunity_deletedAt_expectedCloseDate_idx` ON `Opportunity`(`deletedAt`, `expectedCloseDate`);
CREATE INDEX `Opportunity_ownerId_deletedAt_amount_idx` ON `Opportunity`(`ownerId`, `deletedAt`, `amount`);
CREATE INDEX `Opportunity_ownerId_deletedAt_expectedCloseDate_idx` ON `Opportunity`(`ownerId`, `deletedAt`, `expectedCloseDate`);
