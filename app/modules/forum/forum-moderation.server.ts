import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { recordAudit, type AuditActor } from "#app/modules/audit/audit-log.server.ts";
import { forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import type { ForumViewer } from "./forum-access.ts";
import { moderates, refreshClassroomStats } from "./forum-classrooms.server.ts";
import { REASON_MAX } from "./forum-input.ts";
import { syncModeratedSearch, syncThreadSearch } from "./forum-search.server.ts";
import { retractPostNotifications } from "./notify/delivery.server.ts";

// Moderation by staff (forum back office) and appointed member moderators: hide (the seed's private
// follow-up: only the author and moderators still see it), pin, essence, lock, move and delete with a
// reason. Every action is audited on the thread or post it changed.

export type ThreadFlag = "pinned" | "essence" | "locked";
type Moderator = Exclude<ForumViewer, { kind: "visitor" }>;

function auditActor(viewer: Moderator): AuditActor {
  return viewer.kind === "staff" ? { type: "staff", id: viewer.staffId } : { type: "member", id: viewer.memberId };
}

function cleanReason(reason: string | null | undefined): string | null {
  const value = (reason ?? "").trim();
  return value === "" ? null : value.slice(0, REASON_MAX);
}

async function moderatedPost(db: DbOrTx, viewer: ForumViewer, postId: number) {
  if (viewer.kind === "visitor") return null;
  const post = await db.forumPost.findFirst({
    where: { id: postId, deletedAt: null, thread: { deletedAt: null } },
    select: { id: true, threadId: true, isOpening: true, hiddenAt: true, thread: { select: { classroomId: true } } },
  });
  if (!post || !(await moderates(db, viewer, post.thread.classroomId))) return null;
  return { post, viewer };
}

async function moderatedThread(db: DbOrTx, viewer: ForumViewer, threadId: number) {
  if (viewer.kind === "visitor") return null;
  const thread = await db.forumThread.findFirst({
    where: { id: threadId, deletedAt: null },
    select: { id: true, classroomId: true, pinned: true, essence: true, locked: true, hiddenAt: true },
  });
  if (!thread || !(await moderates(db, viewer, thread.classroomId))) return null;
  return { thread, viewer };
}

/**
 * The post's state under a row lock, read inside the moderation transaction: two moderators hiding or
 * deleting the same post at once must move the reply counter once (decision 053), so the decision is
 * taken on the locked row, not on what was read before the transaction.
 */
async function lockedPostState(tx: DbOrTx, postId: number) {
  const rows = await tx.$queryRaw<Array<{ hiddenAt: Date | null; deletedAt: Date | null }>>`SELECT \`hiddenAt\`,
    \`deletedAt\` FROM \`ForumPost\` WHERE \`id\` = ${postId} FOR UPDATE`;
  return rows[0] ?? null;
}

/** Hides or shows again a post; hiding the opening post hides the whole thread. */
export async function setPostHidden(
  db: Db,
  viewer: ForumViewer,
  postId: number,
  hidden: boolean,
  reason?: string | null,
): Promise<ServiceResult<{ threadId: number }>> {
  const found = await moderatedPost(db, viewer, postId);
  if (!found) return notFound("forum.error.notFound");
  const { post } = found;
  if (hidden === (post.hiddenAt !== null)) return ok({ threadId: post.threadId });
  await db.$transaction(async (tx) => {
    const state = await lockedPostState(tx, postId);
    // Someone else got there first (or deleted it): nothing to change, the counters stay right.
    if (!state || state.deletedAt || hidden === (state.hiddenAt !== null)) return;
    const hiddenAt = hidden ? new Date() : null;
    await tx.forumPost.update({
      where: { id: postId },
      // Showing a post again also ends a hold for review (decision 041).
      data: { hiddenAt, hiddenReason: hidden ? cleanReason(reason) : null, ...(hidden ? {} : { heldAt: null }) },
    });
    if (post.isOpening) {
      await tx.forumThread.update({
        where: { id: post.threadId },
        data: { hiddenAt, ...(hidden ? {} : { heldAt: null }) },
      });
      await refreshClassroomStats(tx, post.thread.classroomId);
    } else {
      await tx.forumThread.update({
        where: { id: post.threadId },
        data: { replyCount: hidden ? { decrement: 1 } : { increment: 1 } },
      });
    }
    await recordAudit(tx, {
      actor: auditActor(found.viewer),
      action: hidden ? "forum.post.hide" : "forum.post.unhide",
      entityType: "ForumPost",
      entityId: postId,
      after: { threadId: post.threadId, reason: cleanReason(reason) },
    });
    await syncModeratedSearch(tx, post);
    if (hidden) await retractPostNotifications(tx, post.isOpening ? { threadId: post.threadId } : { postId });
  });
  return ok({ threadId: post.threadId });
}

/** Pins, marks essence (精华) or locks a thread, or undoes it. */
export async function setThreadFlag(
  db: Db,
  viewer: ForumViewer,
  threadId: number,
  flag: ThreadFlag,
  value: boolean,
): Promise<ServiceResult<{ threadId: number }>> {
  const found = await moderatedThread(db, viewer, threadId);
  if (!found) return notFound("forum.error.notFound");
  if (found.thread[flag] === value) return ok({ threadId });
  await db.$transaction(async (tx) => {
    await tx.forumThread.update({ where: { id: threadId }, data: { [flag]: value } });
    await recordAudit(tx, {
      actor: auditActor(found.viewer),
      action: `forum.thread.${flag}`,
      entityType: "ForumThread",
      entityId: threadId,
      before: { [flag]: !value },
      after: { [flag]: value },
    });
  });
  return ok({ threadId });
}

/** Moves a thread to another classroom; member moderators must moderate both. */
export async function moveThread(
  db: Db,
  viewer: ForumViewer,
  threadId: number,
  toClassroomId: number,
): Promise<ServiceResult<{ threadId: number }>> {
  const found = await moderatedThread(db, viewer, threadId);
  if (!found) return notFound("forum.error.notFound");
  const target = await db.classroom.findFirst({ where: { id: toClassroomId, archivedAt: null }, select: { id: true } });
  if (!target) return invalid({ classroomId: ["forum.error.target"] });
  if (!(await moderates(db, viewer, toClassroomId))) return forbidden("form.forbidden");
  const fromClassroomId = found.thread.classroomId;
  if (fromClassroomId === toClassroomId) return ok({ threadId });
  await db.$transaction(async (tx) => {
    await tx.forumThread.update({ where: { id: threadId }, data: { classroomId: toClassroomId } });
    await refreshClassroomStats(tx, fromClassroomId);
    await refreshClassroomStats(tx, toClassroomId);
    await recordAudit(tx, {
      actor: auditActor(found.viewer),
      action: "forum.thread.move",
      entityType: "ForumThread",
      entityId: threadId,
      before: { classroomId: fromClassroomId },
      after: { classroomId: toClassroomId },
    });
    await syncThreadSearch(tx, threadId);
  });
  return ok({ threadId });
}

/** Deletes a post with a reason (soft: kept for the audit); the opening post takes its thread along. */
export async function deletePost(
  db: Db,
  viewer: ForumViewer,
  postId: number,
  reason: string,
): Promise<ServiceResult<{ threadId: number; threadDeleted: boolean }>> {
  const why = cleanReason(reason);
  if (!why || why.length < 2) return invalid({ reason: ["forum.error.reason"] });
  const found = await moderatedPost(db, viewer, postId);
  if (!found) return notFound("forum.error.notFound");
  const { post } = found;
  await db.$transaction(async (tx) => {
    const state = await lockedPostState(tx, postId);
    if (!state || state.deletedAt) return;
    const now = new Date();
    await tx.forumPost.update({ where: { id: postId }, data: { deletedAt: now, deleteReason: why } });
    if (post.isOpening) {
      await tx.forumThread.update({ where: { id: post.threadId }, data: { deletedAt: now, deleteReason: why } });
      await refreshClassroomStats(tx, post.thread.classroomId);
    } else {
      const thread = await tx.forumThread.findUniqueOrThrow({
        where: { id: post.threadId },
        select: { acceptedPostId: true },
      });
      await tx.forumThread.update({
        where: { id: post.threadId },
        data: {
          ...(state.hiddenAt ? {} : { replyCount: { decrement: 1 } }),
          ...(thread.acceptedPostId === postId ? { acceptedPostId: null } : {}),
        },
      });
    }
    await recordAudit(tx, {
      actor: auditActor(found.viewer),
      action: "forum.post.delete",
      entityType: "ForumPost",
      entityId: postId,
      after: { threadId: post.threadId, reason: why },
    });
    await syncModeratedSearch(tx, post);
  });
  return ok({ threadId: post.threadId, threadDeleted: post.isOpening });
}

/**
 * The back-office moderation queue: hidden posts awaiting a follow-up, newest first (keyset by id).
 * Staff only: it lists posts across every classroom.
 */
export async function hiddenPostQueue(db: DbOrTx, options: { beforeId?: number | null } = {}) {
  const rows = await db.forumPost.findMany({
    where: { hiddenAt: { not: null }, deletedAt: null, ...(options.beforeId ? { id: { lt: options.beforeId } } : {}) },
    orderBy: { id: "desc" },
    take: 51,
    select: {
      id: true,
      threadId: true,
      isOpening: true,
      bodyText: true,
      hiddenAt: true,
      hiddenReason: true,
      authorMemberId: true,
      authorMember: { select: { nickname: true } },
      authorStaff: { select: { name: true } },
      thread: { select: { title: true, classroom: { select: { name: true } } } },
    },
  });
  return { rows: rows.slice(0, 50), nextBeforeId: rows.length > 50 ? (rows[49]?.id ?? null) : null };
}
