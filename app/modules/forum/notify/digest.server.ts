import { z } from "zod";
import { db as defaultDb, type Db, type DbOrTx } from "#app/lib/db.server.ts";
import { formatMediumDate } from "#app/lib/format/dates.ts";
import { enqueueJob } from "#app/modules/jobs/job-queue.server.ts";
import { registerJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import { lockedPreferences } from "./delivery.server.ts";
import { mailItem, memberLocale, postForMail, postForMailSelect, queueDigestMail } from "./forum-mail.server.ts";
import { isMailKind, MAIL_KINDS, MODE_COLUMN } from "./notify-kinds.ts";
import { visibleEntries } from "./visible-entries.server.ts";

// The daily digest (捆扎 E-mail, seed 000 §2.C; decision 042): after 07:00 China time the worker queues
// one job for the previous day (dedupe key per day), which queues one job per member with notices that
// day (dedupe key per member and day), which writes one e-mail (idempotency key per member and day).
// Any number of workers, a retried job or a job re-run after a kill therefore send one digest per
// member per day. What goes in is decided when the digest is written: the member's kinds set to
// "digest", and only posts the member may still see.

export const DIGEST_DAY_JOB = "forum.digest.day";
export const DIGEST_MEMBER_JOB = "forum.digest.member";
/** Hour (China time) after which the previous day's digest goes out. */
export const DIGEST_HOUR = 7;
const CHINA_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai has no daylight saving time
const DAY_MS = 24 * 3_600_000;
/** Items shown in one digest; the rest is counted ("and N more"). */
export const DIGEST_ITEMS = 50;

const DayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The China-time calendar day whose digest is due at `now` (yesterday once 07:00 has passed). */
export function dueDigestDay(now: Date): string {
  const shifted = new Date(now.getTime() + CHINA_OFFSET_MS - DIGEST_HOUR * 3_600_000 - DAY_MS);
  return shifted.toISOString().slice(0, 10);
}

/** [start, end) of a China-time calendar day as instants. */
export function dayWindow(dayKey: string): { start: Date; end: Date } {
  const start = new Date(Date.parse(`${dayKey}T00:00:00Z`) - CHINA_OFFSET_MS);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

/** Housekeeping (every worker, every tick): queue the due day's digest once, if that day had notices. */
export async function scheduleForumDigests(db: DbOrTx, now: Date = new Date()): Promise<void> {
  const day = dueDigestDay(now);
  const { start, end } = dayWindow(day);
  const any = await db.forumNotification.findFirst({
    where: { createdAt: { gte: start, lt: end } },
    select: { id: true },
  });
  if (!any) return;
  await enqueueJob(db, { type: DIGEST_DAY_JOB, payload: { day }, dedupeKey: `forum-digest-day/${day}` });
}

/** One job per member with forum notices that day. */
export async function planDigests(db: DbOrTx, day: string): Promise<number> {
  const { start, end } = dayWindow(day);
  const members = await db.forumNotification.findMany({
    where: { createdAt: { gte: start, lt: end }, kind: { in: [...MAIL_KINDS] } },
    distinct: ["memberId"],
    select: { memberId: true },
  });
  for (const { memberId } of members) {
    await enqueueJob(db, {
      type: DIGEST_MEMBER_JOB,
      payload: { day, memberId },
      dedupeKey: `forum-digest/${day}/m${memberId}`,
    });
  }
  return members.length;
}

/** Writes the member's digest for the day, if anything is to go in it; returns whether one was queued. */
export async function sendDigest(db: Db, memberId: number, day: string): Promise<boolean> {
  const { start, end } = dayWindow(day);
  return db.$transaction(async (tx) => {
    const member = await tx.member.findUnique({
      where: { id: memberId },
      select: { id: true, email: true, nickname: true, locale: true },
    });
    if (!member) return false;
    const prefs = await lockedPreferences(tx, memberId);
    const kinds = MAIL_KINDS.filter((kind) => prefs[MODE_COLUMN[kind]] === "digest");
    if (kinds.length === 0) return false;
    const rows = await tx.forumNotification.findMany({
      where: { memberId, createdAt: { gte: start, lt: end }, kind: { in: kinds } },
      orderBy: { id: "asc" },
      select: { kind: true, threadId: true, postId: true },
    });
    const visible = await visibleEntries(tx, memberId, rows);
    if (visible.length === 0) return false;
    const posts = await tx.forumPost.findMany({
      where: { id: { in: visible.flatMap((r) => (r.postId ? [r.postId] : [])) } },
      select: postForMailSelect,
    });
    const byId = new Map(posts.map((p) => [p.id, p]));
    const items = visible.flatMap((row) => {
      const post = row.postId ? byId.get(row.postId) : undefined;
      if (!post || !isMailKind(row.kind)) return [];
      return [mailItem(row.kind, postForMail(post))];
    });
    if (items.length === 0) return false;
    await queueDigestMail(tx, member, {
      dayKey: day,
      day: formatMediumDate(start.getTime() + CHINA_OFFSET_MS / 2, memberLocale(member.locale)),
      items: items.slice(0, DIGEST_ITEMS),
      more: Math.max(0, items.length - DIGEST_ITEMS),
    });
    return true;
  });
}

const DayPayload = z.object({ day: DayKey });
const MemberPayload = z.object({ day: DayKey, memberId: z.number().int().positive() });

registerJobHandler(DIGEST_DAY_JOB, async (payload) => {
  const parsed = DayPayload.safeParse(payload);
  if (parsed.success) await planDigests(defaultDb, parsed.data.day);
});

registerJobHandler(DIGEST_MEMBER_JOB, async (payload) => {
  const parsed = MemberPayload.safeParse(payload);
  if (parsed.success) await sendDigest(defaultDb, parsed.data.memberId, parsed.data.day);
});
