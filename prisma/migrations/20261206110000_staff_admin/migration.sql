-- Staff administration (issue #16 items 1–2): team hierarchy kinds and order, staff invitation and
-- away-until state, single-use staff tokens (invite / password reset, hash only) and hand-over runs.

-- AlterTable
ALTER TABLE `Team` ADD COLUMN `kind` ENUM('company', 'branch', 'office', 'department') NOT NULL DEFAULT 'department',
    ADD COLUMN `position` INT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE `Staff` ADD COLUMN `awayUntil` DATETIME(3) NULL,
    ADD COLUMN `invitedAt` DATETIME(3) NULL,
    ADD COLUMN `passwordSetAt` DATETIME(3) NULL,
    ADD COLUMN `deactivatedAt` DATETIME(3) NULL;

-- CreateTable
CREATE TABLE `StaffToken` (
    `id` VARCHAR(32) NOT NULL,
    `secretHash` BINARY(32) NOT NULL,
    `staffId` INT NOT NULL,
    `purpose` ENUM('invite', 'password_reset') NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `usedAt` DATETIME(3) NULL,
    `createdById` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `StaffToken_staffId_purpose_idx`(`staffId`, `purpose`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `HandOverRun` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `fromStaffId` INT NOT NULL,
    `toStaffId` INT NOT NULL,
    `split` JSON NOT NULL,
    `status` ENUM('pending', 'running', 'done', 'failed') NOT NULL DEFAULT 'pending',
    `before` JSON NOT NULL,
    `moved` JSON NOT NULL,
    `after` JSON NULL,
    `total` INT NOT NULL DEFAULT 0,
    `done` INT NOT NULL DEFAULT 0,
    `deactivate` BOOLEAN NOT NULL DEFAULT true,
    `createdById` INT NOT NULL,
    `lastError` TEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `startedAt` DATETIME(3) NULL,
    `finishedAt` DATETIME(3) NULL,

    INDEX `HandOverRun_fromStaffId_idx`(`fromStaffId`),
    INDEX `HandOverRun_toStaffId_idx`(`toStaffId`),
    INDEX `HandOverRun_status_idx`(`status`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `StaffToken` ADD CONSTRAINT `StaffToken_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `HandOverRun` ADD CONSTRAINT `HandOverRun_fromStaffId_fkey` FOREIGN KEY (`fromStaffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `HandOverRun` ADD CONSTRAINT `HandOverRun_toStaffId_fkey` FOREIGN KEY (`toStaffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
