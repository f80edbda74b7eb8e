-- Courseware (课件) of the training classroom (issue #17 item 2, decision 036): ordered chapters and
-- lessons per classroom with draft/published, a sanitised rich-text body, an optional discussion
-- thread (plain column) and per-member progress (学过). Attachments live in `Attachment`
-- (ownerType "course_lesson").

-- CreateTable
CREATE TABLE `CourseChapter` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `classroomId` INT NOT NULL,
    `title` VARCHAR(120) NOT NULL,
    `summary` VARCHAR(500) NULL,
    `position` INT NOT NULL DEFAULT 0,
    `status` ENUM('draft', 'published') NOT NULL DEFAULT 'draft',
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `CourseChapter_classroomId_position_id_idx`(`classroomId`, `position`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `CourseLesson` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `chapterId` INT NOT NULL,
    `title` VARCHAR(160) NOT NULL,
    `summary` VARCHAR(500) NULL,
    `bodyHtml` MEDIUMTEXT NOT NULL,
    `position` INT NOT NULL DEFAULT 0,
    `status` ENUM('draft', 'published') NOT NULL DEFAULT 'draft',
    `publishedAt` DATETIME(3) NULL,
    `threadId` INT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `CourseLesson_chapterId_position_id_idx`(`chapterId`, `position`, `id`),
    INDEX `CourseLesson_threadId_idx`(`threadId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `CourseProgress` (
    `memberId` INT NOT NULL,
    `lessonId` INT NOT NULL,
    `learnedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `CourseProgress_lessonId_idx`(`lessonId`),
    PRIMARY KEY (`memberId`, `lessonId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `CourseChapter` ADD CONSTRAINT `CourseChapter_classroomId_fkey` FOREIGN KEY (`classroomId`) REFERENCES `Classroom`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `CourseLesson` ADD CONSTRAINT `CourseLesson_chapterId_fkey` FOREIGN KEY (`chapterId`) REFERENCES `CourseChapter`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `CourseProgress` ADD CONSTRAINT `CourseProgress_memberId_fkey` FOREIGN KEY (`memberId`) REFERENCES `Member`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `CourseProgress` ADD CONSTRAINT `CourseProgress_lessonId_fkey` FOREIGN KEY (`lessonId`) REFERENCES `CourseLesson`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
