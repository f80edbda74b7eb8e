import { Prisma } from "#app/generated/prisma/client.ts";
import type { ClassroomVisibility } from "#app/generated/prisma/enums.ts";
import type { Audience } from "#app/modules/members/member-levels.ts";

// Who reads the forum, and the Prisma filters that make visibility part of every query (decision 035):
// a classroom is visible by its level; a hidden thread or post only to its author and the moderators.

export type ForumViewer =
  { kind: "visitor" } | { kind: "member"; memberId: number; audience: Audience } | { kind: "staff"; staffId: number };

export const VISITOR: ForumViewer = { kind: "visitor" };

/** The classroom levels an audience may open (moderator appointments come on top, per classroom). */
export function levelsFor(viewer: ForumViewer): ClassroomVisibility[] {
  if (viewer.kind === "staff") return ["everyone", "members", "customers", "partners"];
  if (viewer.kind === "visitor") return ["everyone"];
  const levels: ClassroomVisibility[] = ["everyone", "members"];
  if (viewer.audience === "customer") levels.push("customers");
  if (viewer.audience === "partner") levels.push("partners");
  return levels;
}

/** Classrooms the viewer may open. Archived classrooms are for the back office only. */
export function classroomWhere(viewer: ForumViewer): Prisma.ClassroomWhereInput {
  if (viewer.kind === "staff") return {};
  const byLevel: Prisma.ClassroomWhereInput = { visibility: { in: levelsFor(viewer) } };
  return {
    archivedAt: null,
    ...(viewer.kind === "member"
      ? { OR: [byLevel, { moderators: { some: { memberId: viewer.memberId } } }] }
      : byLevel),
  };
}

/** Threads the viewer may see when they do NOT moderate the classroom (moderators see hidden ones). */
export function threadWhere(viewer: ForumViewer, moderator: boolean): Prisma.ForumThreadWhereInput {
  const base: Prisma.ForumThreadWhereInput = { deletedAt: null };
  if (moderator || viewer.kind === "staff") return base;
  if (viewer.kind === "member") {
    return { ...base, OR: [{ hiddenAt: null }, { authorMemberId: viewer.memberId }] };
  }
  return { ...base, hiddenAt: null };
}

/**
 * threadWhere for one thread looked up by id, with "moderates this thread's classroom" part of the
 * same query (a relation filter) instead of a lookup before it: one statement (decision 065).
 */
export function visibleThreadWhere(viewer: ForumViewer): Prisma.ForumThreadWhereInput {
  if (viewer.kind !== "member") return threadWhere(viewer, false);
  return {
    deletedAt: null,
    OR: [
      { hiddenAt: null },
      { authorMemberId: viewer.memberId },
      { classroom: { moderators: { some: { memberId: viewer.memberId } } } },
    ],
  };
}

/**
 * threadWhere as SQL over the alias `t`, for the list's raw keyset query (decision 053: Prisma cannot
 * hint the index). The same rule, kept next to it; forum-threads.test.ts checks both lists agree.
 */
export function threadVisibilitySql(viewer: ForumViewer, moderator: boolean): Prisma.Sql {
  if (moderator || viewer.kind === "staff") return Prisma.sql`t.deletedAt IS NULL`;
  if (viewer.kind === "member") {
    return Prisma.sql`t.deletedAt IS NULL AND (t.hiddenAt IS NULL OR t.authorMemberId = ${viewer.memberId})`;
  }
  return Prisma.sql`t.deletedAt IS NULL AND t.hiddenAt IS NULL`;
}

/** Posts the viewer may see in a thread they can open. */
export function postWhere(viewer: ForumViewer, moderator: boolean): Prisma.ForumPostWhereInput {
  const base: Prisma.ForumPostWhereInput = { deletedAt: null };
  if (moderator || viewer.kind === "staff") return base;
  if (viewer.kind === "member") {
    return { ...base, OR: [{ hiddenAt: null }, { authorMemberId: viewer.memberId }] };
  }
  return { ...base, hiddenAt: null };
}

/** Members' posts may be edited by their author for this long; moderators may always edit. */
export const EDIT_WINDOW_MINUTES = 30;

export function withinEditWindow(createdAt: Date, now: Date = new Date()): boolean {
  return now.getTime() - createdAt.getTime() <= EDIT_WINDOW_MINUTES * 60_000;
}
