import { z } from "zod";
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { conflict, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordAudit, type AuditActor } from "#app/modules/audit/audit-log.server.ts";
import { postWhere, type ForumViewer } from "./forum-access.ts";
import { authorOf, authorSelect } from "./forum-authors.ts";
import { moderates } from "./forum-classrooms.server.ts";
import { REASON_MAX } from "./forum-input.ts";
import { deletePost, setPostHidden } from "./forum-moderation.server.ts";
import { REPORT_REASONS, type QueuePost, type ReportAction, type ReportReason } from "./forum-review.ts";
import { notifyClassroomWatchers, notifyMentions, notifyWatchers } from "./forum-notify.server.ts";
import { findVisibleThread } from "./forum-thread-page.server.ts";

// 举报 and the moderation queue (decision 041): members report a post once; moderators see open
// reports grouped per post with counts, and posts held for review (待审核), scoped to the classrooms
// they moderate (staff: all). Every action reuses the moderation service and is audited; the
// reporters are never told who acted (the actor is in the AuditLog only).

export const ReportInputSchema = z.object({
  reason: z.enum(REPORT_REASONS, "forumMod.error.reason"),
  note: z.string().trim().max(REASON_MAX, "forum.error.tooLong").optional(),
});

type Acting = Exclude<ForumViewer, { kind: "visitor" }>;

function auditActor(viewer: Acting): AuditActor {
  return viewer.kind === "staff" ? { type: "staff", id: viewer.staffId } : { type: "member", id: viewer.memberId };
}

/** A member reports a post they can see (not their own), once. */
export async function reportPost(
  db: Db,
  viewer: ForumViewer,
  postId: number,
  input: { reason: unknown; note?: unknown },
): Promise<ServiceResult<{ threadId: number }>> {
  if (viewer.kind !== "member") return notFound("forum.error.signIn");
  const parsed = ReportInputSchema.safeParse(input);
  if (!parsed.success) return invalid({ reason: ["forumMod.error.reason"] });
  const post = await db.forumPost.findFirst({
    where: { id: postId, deletedAt: null },
    select: { id: true, threadId: true, authorMemberId: true },
  });
  if (!post) return notFound("forum.error.notFound");
  const found = await findVisibleThread(db, viewer, post.threadId);
  if (!found) return notFound("forum.error.notFound");
  const visible = await db.forumPost.count({ where: { id: postId, ...postWhere(viewer, found.moderator) } });
  if (visible === 0) return notFound("forum.error.notFound");
  if (post.authorMemberId === viewer.memberId) return invalid({ reason: ["forumMod.error.ownPost"] });
  const created = await db.forumReport.createMany({
    data: [{ postId, reporterMemberId: viewer.memberId, reason: parsed.data.reason, note: parsed.data.note || null }],
    skipDuplicates: true,
  });
  if (created.count === 0) return conflict("forumMod.error.alreadyReported");
  return ok({ threadId: post.threadId });
}

/** Posts of the classrooms the viewer moderates (staff: every classroom); null for non-moderators. */
async function moderatedPostScope(db: DbOrTx, viewer: ForumViewer): Promise<Prisma.ForumPostWhereInput | null> {
  if (viewer.kind === "staff") return {};
  if (viewer.kind === "visitor") return null;
  const rows = await db.classroomModerator.findMany({
    where: { memberId: viewer.memberId },
    select: { classroomId: true },
  });
  if (rows.length === 0) return null;
  return { thread: { classroomId: { in: rows.map((r) => r.classroomId) } } };
}

const queuePostSelect = {
  id: true,
  threadId: true,
  isOpening: true,
  bodyText: true,
  heldAt: true,
  hiddenAt: true,
  createdAt: true,
  ...authorSelect,
  thread: { select: { title: true, classroom: { select: { id: true, name: true } } } },
} as const;
type QueuePostRow = Prisma.ForumPostGetPayload<{ select: typeof queuePostSelect }>;

function toQueuePost(row: QueuePostRow): QueuePost {
  return {
    id: row.id,
    threadId: row.threadId,
    isOpening: row.isOpening,
    excerpt: row.bodyText.slice(0, 300),
    title: row.thread.title,
    classroom: row.thread.classroom,
    author: authorOf(row),
    held: row.heldAt !== null,
    hidden: row.hiddenAt !== null,
    createdAt: row.createdAt,
  };
}

const QUEUE_SIZE = 50;

/**
 * The queue a moderator works through: open reports grouped per post (most reported first, with
 * the count per reason) and posts held for review (oldest first). Null for a non-moderator.
 */
export async function moderationQueue(db: DbOrTx, viewer: ForumViewer) {
  const scope = await moderatedPostScope(db, viewer);
  if (!scope) return null;
  const reportWhere: Prisma.ForumReportWhereInput = { resolvedAt: null, post: { deletedAt: null, ...scope } };
  const grouped = await db.forumReport.groupBy({
    by: ["postId", "reason"],
    where: reportWhere,
    _count: { _all: true },
    _max: { createdAt: true },
  });
  const perPost = new Map<number, { total: number; latest: Date; reasons: Partial<Record<ReportReason, number>> }>();
  for (const g of grouped) {
    const entry = perPost.get(g.postId) ?? { total: 0, latest: new Date(0), reasons: {} };
    entry.total += g._count._all;
    entry.reasons[g.reason as ReportReason] = g._count._all;
    if (g._max.createdAt && g._max.createdAt > entry.latest) entry.latest = g._max.createdAt;
    perPost.set(g.postId, entry);
  }
  const reportedIds = [...perPost.entries()]
    .sort((a, b) => b[1].total - a[1].total || b[1].latest.getTime() - a[1].latest.getTime())
    .slice(0, QUEUE_SIZE)
    .map(([postId]) => postId);
  const [reportedRows, heldRows] = await Promise.all([
    db.forumPost.findMany({ where: { id: { in: reportedIds } }, select: queuePostSelect }),
    db.forumPost.findMany({
      where: { heldAt: { not: null }, deletedAt: null, ...scope },
      orderBy: { id: "asc" },
      take: QUEUE_SIZE,
      select: queuePostSelect,
    }),
  ]);
  const byId = new Map(reportedRows.map((row) => [row.id, row]));
  const reported = reportedIds.flatMap((id) => {
    const row = byId.get(id);
    const counts = perPost.get(id);
    return row && counts ? [{ post: toQueuePost(row), total: counts.total, reasons: counts.reasons }] : [];
  });
  return { reported, held: heldRows.map(toQueuePost) };
}

async function closeReports(db: Db, viewer: Acting, postId: number, resolution: ReportAction): Promise<number> {
  const now = new Date();
  const result = await db.forumReport.updateMany({
    where: { postId, resolvedAt: null },
    data: {
      resolvedAt: now,
      resolution: resolution === "dismiss" ? "dismissed" : resolution === "hide" ? "hidden" : "deleted",
    },
  });
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: `forum.report.${resolution}`,
    entityType: "ForumPost",
    entityId: postId,
    after: { reports: result.count },
  });
  return result.count;
}

/** A moderator acts on a reported post: dismiss the reports, hide the post, or delete it with a reason. */
export async function resolveReports(
  db: Db,
  viewer: ForumViewer,
  postId: number,
  action: ReportAction,
  reason?: string,
): Promise<ServiceResult<{ threadId: number }>> {
  if (viewer.kind === "visitor") return notFound("forum.error.notFound");
  const post = await db.forumPost.findFirst({
    where: { id: postId, reports: { some: { resolvedAt: null } } },
    select: { threadId: true, thread: { select: { classroomId: true } } },
  });
  if (!post || !(await moderates(db, viewer, post.thread.classroomId))) return notFound("forum.error.notFound");
  if (action === "hide") {
    const hidden = await setPostHidden(db, viewer, postId, true, reason);
    if (hidden.status !== "ok") return hidden;
  }
  if (action === "delete") {
    const deleted = await deletePost(db, viewer, postId, reason ?? "");
    if (deleted.status !== "ok") return deleted;
  }
  await closeReports(db, viewer, postId, action);
  return ok({ threadId: post.threadId });
}

/** Finds a held post the viewer moderates. */
async function heldPost(db: DbOrTx, viewer: ForumViewer, postId: number) {
  if (viewer.kind === "visitor") return null;
  const post = await db.forumPost.findFirst({
    where: { id: postId, heldAt: { not: null }, deletedAt: null },
    select: {
      id: true,
      threadId: true,
      isOpening: true,
      bodyText: true,
      authorMemberId: true,
      authorMember: { select: { level: true } },
      thread: { select: { classroomId: true, title: true, hiddenAt: true } },
    },
  });
  if (!post || !(await moderates(db, viewer, post.thread.classroomId))) return null;
  return { post, viewer };
}

/**
 * Approves a held post: shown to everyone (the moderation service's unhide moves the counters),
 * its watchers and @mentions notified now, optionally the author trusted from here on.
 */
export async function approveHeldPost(
  db: Db,
  viewer: ForumViewer,
  postId: number,
  options: { trustAuthor?: boolean } = {},
): Promise<ServiceResult<{ threadId: number }>> {
  const found = await heldPost(db, viewer, postId);
  if (!found) return notFound("forum.error.notFound");
  const { post } = found;
  const shown = await setPostHidden(db, viewer, postId, false);
  if (shown.status !== "ok") return shown;
  await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.forumPost.update({ where: { id: postId }, data: { heldAt: null } });
    if (post.isOpening) {
      await tx.forumThread.update({ where: { id: post.threadId }, data: { heldAt: null, lastActivityAt: now } });
    } else {
      await tx.forumThread.update({ where: { id: post.threadId }, data: { lastActivityAt: now } });
    }
    // A reply in a thread that is itself hidden must not surface the thread's activity.
    if (post.isOpening || post.thread.hiddenAt === null) {
      await tx.classroom.update({ where: { id: post.thread.classroomId }, data: { lastActivityAt: now } });
    }
    if (post.authorMemberId && options.trustAuthor) {
      await tx.member.update({ where: { id: post.authorMemberId }, data: { forumTrustedAt: now } });
    }
    const author: ForumViewer =
      post.authorMemberId && post.authorMember
        ? { kind: "member", memberId: post.authorMemberId, audience: post.authorMember.level }
        : { kind: "visitor" };
    const event = { threadId: post.threadId, postId: post.isOpening ? null : post.id, title: post.thread.title };
    if (!post.isOpening) await notifyWatchers(tx, author, event);
    await notifyMentions(tx, author, { ...event, text: post.bodyText });
    if (post.isOpening) await notifyClassroomWatchers(tx, author, event);
    await recordAudit(tx, {
      actor: auditActor(found.viewer),
      action: "forum.post.approve",
      entityType: "ForumPost",
      entityId: postId,
      after: { threadId: post.threadId, trustAuthor: Boolean(options.trustAuthor) },
    });
  });
  return ok({ threadId: post.threadId });
}

/** Rejects a held post: deleted with the reason (the moderation service's delete, audited). */
export async function rejectHeldPost(
  db: Db,
  viewer: ForumViewer,
  postId: number,
  reason: string,
): Promise<ServiceResult<{ threadId: number; threadDeleted: boolean }>> {
  const found = await heldPost(db, viewer, postId);
  if (!found) return notFound("forum.error.notFound");
  return deletePost(db, viewer, postId, reason);
}
