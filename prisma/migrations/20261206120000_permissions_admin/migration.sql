-- Roles and permissions administration (#16, decision 031): two more actions (approve, recycle-bin),
-- per-user overrides of the role grants, and the permission-conflict strategy per module.

-- AlterTable: MariaDB appends the new ENUM members; existing rows keep their values.
ALTER TABLE `RolePermission` MODIFY `action` ENUM('browse', 'add', 'modify', 'delete', 'transfer', 'export', 'approve', 'recycle') NOT NULL;

-- CreateTable
CREATE TABLE `StaffPermissionOverride` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `staffId` INTEGER NOT NULL,
    `module` VARCHAR(40) NOT NULL,
    `action` ENUM('browse', 'add', 'modify', 'delete', 'transfer', 'export', 'approve', 'recycle') NOT NULL,
    `scope` ENUM('own', 'team', 'all') NULL,
    `updatedById` INTEGER NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `StaffPermissionOverride_staffId_module_action_key`(`staffId`, `module`, `action`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PermissionConflictPolicy` (
    `module` VARCHAR(40) NOT NULL,
    `strategy` ENUM('administrative', 'business', 'either', 'both') NOT NULL,
    `updatedById` INTEGER NULL,
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`module`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `StaffPermissionOverride` ADD CONSTRAINT `StaffPermissionOverride_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
