-- Portal members (网站会员) with their sessions and e-mailed tokens, and site messages (站内短消息).

-- CreateTable
CREATE TABLE `Member` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `email` VARCHAR(191) NOT NULL,
    `nickname` VARCHAR(40) NOT NULL,
    `passwordHash` VARCHAR(255) NOT NULL,
    `realName` VARCHAR(50) NULL,
    `phone` VARCHAR(50) NULL,
    `phoneKey` VARCHAR(32) NULL,
    `title` VARCHAR(100) NULL,
    `companyName` VARCHAR(200) NULL,
    `province` VARCHAR(50) NULL,
    `city` VARCHAR(50) NULL,
    `address` VARCHAR(255) NULL,
    `level` ENUM('prospect', 'customer', 'partner') NOT NULL DEFAULT 'prospect',
    `status` ENUM('pending', 'active', 'verified', 'suspended', 'terminated', 'deregistered') NOT NULL DEFAULT 'pending',
    `resumeStatus` ENUM('pending', 'active', 'verified', 'suspended', 'terminated', 'deregistered') NULL,
    `suspendedUntil` DATETIME(3) NULL,
    `suspensionReason` VARCHAR(500) NULL,
    `realNameVerifiedAt` DATETIME(3) NULL,
    `verifiedById` INTEGER NULL,
    `contactId` INTEGER NULL,
    `companyId` INTEGER NULL,
    `notifyByEmail` BOOLEAN NOT NULL DEFAULT true,
    `notifyNewsletter` BOOLEAN NOT NULL DEFAULT false,
    `activatedAt` DATETIME(3) NULL,
    `lastSignInAt` DATETIME(3) NULL,
    `deregisteredAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Member_email_key`(`email`),
    UNIQUE INDEX `Member_nickname_key`(`nickname`),
    UNIQUE INDEX `Member_contactId_key`(`contactId`),
    INDEX `Member_status_idx`(`status`),
    INDEX `Member_level_idx`(`level`),
    INDEX `Member_companyId_idx`(`companyId`),
    INDEX `Member_phoneKey_idx`(`phoneKey`),
    INDEX `Member_createdAt_idx`(`createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `MemberSession` (
    `id` VARCHAR(32) NOT NULL,
    `secretHash` BINARY(32) NOT NULL,
    `memberId` INTEGER NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `lastVerifiedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `expiresAt` DATETIME(3) NOT NULL,
    `ipAddress` VARCHAR(45) NULL,
    `userAgent` VARCHAR(255) NULL,

    INDEX `MemberSession_memberId_idx`(`memberId`),
    INDEX `MemberSession_expiresAt_idx`(`expiresAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `MemberToken` (
    `id` VARCHAR(32) NOT NULL,
    `secretHash` BINARY(32) NOT NULL,
    `memberId` INTEGER NOT NULL,
    `purpose` ENUM('activation', 'password_reset', 'email_change') NOT NULL,
    `newEmail` VARCHAR(191) NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `usedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `MemberToken_memberId_purpose_idx`(`memberId`, `purpose`),
    INDEX `MemberToken_expiresAt_idx`(`expiresAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `MessageThread` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `memberId` INTEGER NOT NULL,
    `subject` VARCHAR(200) NOT NULL,
    `assignedStaffId` INTEGER NULL,
    `memberUnreadCount` INTEGER NOT NULL DEFAULT 0,
    `staffUnreadCount` INTEGER NOT NULL DEFAULT 0,
    `lastMessageAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `MessageThread_memberId_lastMessageAt_idx`(`memberId`, `lastMessageAt`),
    INDEX `MessageThread_assignedStaffId_lastMessageAt_idx`(`assignedStaffId`, `lastMessageAt`),
    INDEX `MessageThread_lastMessageAt_idx`(`lastMessageAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Message` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `threadId` INTEGER NOT NULL,
    `authorType` VARCHAR(10) NOT NULL,
    `authorStaffId` INTEGER NULL,
    `body` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `Message_threadId_createdAt_idx`(`threadId`, `createdAt`),
    INDEX `Message_authorStaffId_idx`(`authorStaffId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Member` ADD CONSTRAINT `Member_contactId_fkey` FOREIGN KEY (`contactId`) REFERENCES `Contact`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Member` ADD CONSTRAINT `Member_companyId_fkey` FOREIGN KEY (`companyId`) REFERENCES `Company`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `MemberSession` ADD CONSTRAINT `MemberSession_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `MemberToken` ADD CONSTRAINT `MemberToken_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `MessageThread` ADD CONSTRAINT `MessageThread_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `MessageThread` ADD CONSTRAINT `MessageThread_assignedStaffId_fkey` FOREIGN KEY (`assignedStaffId`) REFERENCES `Staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Message` ADD CONSTRAINT `Message_threadId_fkey` FOREIGN KEY (`threadId`) REFERENCES `MessageThread`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Message` ADD CONSTRAINT `Message_authorStaffId_fkey` FOREIGN KEY (`authorStaffId`) REFERENCES `Staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
