-- Forum "latest activity" list at scale (decision 041, found by bench/forum-threads.ts): the default
-- order leaves pinned threads out (`pinned = false`), and with only (classroomId, pinned) to match it
-- MariaDB intersected that index with hiddenAt and sorted every thread of the classroom (265 ms at
-- 12k threads). With (classroomId, pinned, lastActivityAt, id) the pinned lead and the list itself
-- are both range scans in order; the narrower index it replaces is a prefix of it.

-- CreateIndex
CREATE INDEX `ForumThread_classroomId_pinned_lastActivityAt_id_idx` ON `ForumThread`(`classroomId`, `pinned`, `lastActivityAt`, `id`);

-- DropIndex
DROP INDEX `ForumThread_classroomId_pinned_idx` ON `ForumThread`;
