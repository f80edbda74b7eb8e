import type { DbOrTx } from "#app/lib/db.server.ts";
import { classroomWhere, type ForumViewer } from "./forum-access.ts";

// Reading classrooms as a viewer: the level rule is part of every query, so a classroom the viewer may
// not see is simply not found.

const classroomSelect = {
  id: true,
  name: true,
  description: true,
  coverFileId: true,
  visibility: true,
  archivedAt: true,
  threadCount: true,
  lastActivityAt: true,
} as const;

export async function listClassrooms(db: DbOrTx, viewer: ForumViewer) {
  return db.classroom.findMany({
    where: { ...classroomWhere(viewer), ...(viewer.kind === "staff" ? { archivedAt: null } : {}) },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: classroomSelect,
  });
}

/** The classroom if the viewer may open it, with whether they moderate it (see hidden posts, act). */
export async function classroomForViewer(db: DbOrTx, viewer: ForumViewer, classroomId: number) {
  // A member's appointment is counted in the same statement (a relation count is a subquery).
  const classroom = await db.classroom.findFirst({
    where: { id: classroomId, ...classroomWhere(viewer) },
    select: {
      ...classroomSelect,
      ...(viewer.kind === "member"
        ? { _count: { select: { moderators: { where: { memberId: viewer.memberId } } } } }
        : {}),
    },
  });
  if (!classroom) return null;
  const { _count: count, ...rest } = classroom as typeof classroom & { _count?: { moderators: number } };
  const moderator = viewer.kind === "staff" || (count?.moderators ?? 0) > 0;
  return { ...rest, moderator };
}

/** Staff in the forum back office moderate every classroom; members only where appointed. */
export async function moderates(db: DbOrTx, viewer: ForumViewer, classroomId: number): Promise<boolean> {
  if (viewer.kind === "staff") return true;
  if (viewer.kind === "visitor") return false;
  const row = await db.classroomModerator.findUnique({
    where: { classroomId_memberId: { classroomId, memberId: viewer.memberId } },
    select: { memberId: true },
  });
  return row !== null;
}

/** Recounts a classroom's publicly visible threads and last activity after moderation moved things. */
export async function refreshClassroomStats(tx: DbOrTx, classroomId: number): Promise<void> {
  const where = { classroomId, deletedAt: null, hiddenAt: null };
  const [threadCount, latest] = await Promise.all([
    tx.forumThread.count({ where }),
    tx.forumThread.findFirst({
      where,
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      select: { lastActivityAt: true },
    }),
  ]);
  await tx.classroom.update({
    where: { id: classroomId },
    data: { threadCount, lastActivityAt: latest?.lastActivityAt ?? null },
  });
}
