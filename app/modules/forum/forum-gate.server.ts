import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { invalid, ok, rateLimited, type ServiceResult } from "#app/lib/service-result.ts";
import { hitRateLimit, peekRateLimit, type RateLimitRule } from "#app/modules/auth/rate-limit.server.ts";
import type { ForumViewer } from "./forum-access.ts";
import { refreshClassroomStats } from "./forum-classrooms.server.ts";
import { containsLink, FORUM_LIMIT_DEFAULTS, ForumLimitsSchema, type ForumLimits } from "./forum-limits.ts";
import { screenText, strongestAction, type SensitiveWord, type WordAction } from "./forum-words.ts";
import { writeSettingRow } from "#app/modules/settings/settings.server.ts";

// The gate every new post and every edit passes before it is stored (decision 041): per-member rate
// limits (the project's RateLimitBucket counters), links refused below the trust threshold, a new
// member's first posts held for review, and the admin's sensitive words (block / replace / hold).
// A refusal stores nothing; a held post is stored hidden (heldAt + hiddenAt), so every existing
// visibility filter already leaves it out for everyone but its author and the moderators.

const LIMITS_KEY = "forum.limits";

export async function getForumLimits(db: DbOrTx): Promise<ForumLimits> {
  const row = await db.setting.findUnique({ where: { key: LIMITS_KEY } });
  const parsed = ForumLimitsSchema.partial().safeParse(row?.value);
  return { ...FORUM_LIMIT_DEFAULTS, ...(parsed.success ? parsed.data : {}) };
}

export async function setForumLimits(db: DbOrTx, patch: Partial<ForumLimits>, staffId: number | null = null) {
  const value = ForumLimitsSchema.parse({ ...(await getForumLimits(db)), ...patch });
  await writeSettingRow(db, LIMITS_KEY, value, staffId);
  return value;
}

export async function loadSensitiveWords(db: DbOrTx): Promise<SensitiveWord[]> {
  return db.forumSensitiveWord.findMany({
    select: { word: true, normalized: true, action: true },
    orderBy: { id: "asc" },
    take: 5_000,
  });
}

export type PostKind = "thread" | "reply" | "edit";

export interface ScreenInput {
  kind: PostKind;
  /** The viewer moderates the classroom: never held (they are the reviewers). */
  moderator: boolean;
  title?: string;
  /** Sanitised HTML. */
  bodyHtml: string;
}

export interface Screened {
  title: string | undefined;
  bodyHtml: string;
  held: boolean;
}

const HOUR = 3_600_000;

function rulesFor(kind: PostKind, limits: ForumLimits): RateLimitRule[] {
  const rules: RateLimitRule[] = [];
  if (kind === "thread" && limits.threadsPerHour > 0) {
    rules.push({ scope: "forum-thread:hour", limit: limits.threadsPerHour, windowMs: HOUR });
  }
  if (kind === "reply" && limits.repliesPerMinute > 0) {
    rules.push({ scope: "forum-reply:minute", limit: limits.repliesPerMinute, windowMs: 60_000 });
  }
  if (kind === "reply" && limits.repliesPerHour > 0) {
    rules.push({ scope: "forum-reply:hour", limit: limits.repliesPerHour, windowMs: HOUR });
  }
  return rules;
}

/** How far a member has come: an explicit trust mark, or the number of approved posts (capped). */
async function memberStanding(db: DbOrTx, memberId: number, cap: number) {
  const member = await db.member.findUnique({ where: { id: memberId }, select: { forumTrustedAt: true } });
  if (member?.forumTrustedAt) return { trusted: true, approved: cap };
  if (cap === 0) return { trusted: false, approved: 0 };
  const approved = await db.forumPost.findMany({
    where: { authorMemberId: memberId, heldAt: null, deletedAt: null },
    select: { id: true },
    take: cap,
  });
  return { trusted: false, approved: approved.length };
}

/**
 * Screens a post before it is stored. Members are rate-limited (counted only when the post passes)
 * and held or refused links by their standing; everyone's text goes through the sensitive words.
 */
export async function screenPost(db: Db, viewer: ForumViewer, input: ScreenInput): Promise<ServiceResult<Screened>> {
  const words = await loadSensitiveWords(db);
  const title = input.title === undefined ? undefined : screenText(input.title, words, "text");
  const body = screenText(input.bodyHtml, words, "html");
  const action: WordAction | null = strongestAction([...(title?.hits ?? []), ...body.hits]);
  if (action === "block") {
    const field = title?.hits.some((hit) => hit.action === "block") ? "title" : "body";
    return invalid({ [field]: ["forumMod.error.blockedWord"] });
  }
  let held = action === "hold" && !input.moderator && viewer.kind === "member";
  if (viewer.kind === "member" && !input.moderator) {
    const limits = await getForumLimits(db);
    const standing = await memberStanding(db, viewer.memberId, Math.max(limits.heldPosts, limits.linkMinPosts));
    if (!standing.trusted && standing.approved < limits.linkMinPosts) {
      if (input.title !== undefined && containsLink(input.title)) return invalid({ title: ["forumMod.error.links"] });
      if (containsLink(input.bodyHtml)) return invalid({ body: ["forumMod.error.links"] });
    }
    if (input.kind !== "edit" && !standing.trusted && standing.approved < limits.heldPosts) held = true;
    const rules = rulesFor(input.kind, limits);
    const subject = String(viewer.memberId);
    for (const rule of rules) {
      const state = await peekRateLimit(db, rule, subject);
      if (state.limited) return rateLimited(state.retryAfterSeconds, "forumMod.error.rateLimited");
    }
    for (const rule of rules) await hitRateLimit(db, rule, subject);
  }
  return ok({ title: title?.masked, bodyHtml: body.masked, held });
}

/** The columns a held post (and its thread, for an opening post) is stored with. */
export function heldColumns(held: boolean, now: Date): { heldAt?: Date; hiddenAt?: Date } {
  return held ? { heldAt: now, hiddenAt: now } : {};
}

/**
 * An edit that hit a "hold" word puts an already published post back in review: hidden like a
 * moderator's hide, so the counters move the same way (the classroom recount, or the reply count).
 */
export async function holdEditedPost(
  tx: DbOrTx,
  post: { id: number; threadId: number; isOpening: boolean },
): Promise<void> {
  const current = await tx.forumPost.findUniqueOrThrow({
    where: { id: post.id },
    select: { hiddenAt: true, thread: { select: { classroomId: true } } },
  });
  const now = new Date();
  await tx.forumPost.update({ where: { id: post.id }, data: { heldAt: now, hiddenAt: current.hiddenAt ?? now } });
  if (post.isOpening) {
    await tx.forumThread.update({ where: { id: post.threadId }, data: { heldAt: now, hiddenAt: now } });
    await refreshClassroomStats(tx, current.thread.classroomId);
  } else if (current.hiddenAt === null) {
    await tx.forumThread.update({ where: { id: post.threadId }, data: { replyCount: { decrement: 1 } } });
  }
}
