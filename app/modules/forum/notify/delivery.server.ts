import { z } from "zod";
import type { ForumMailMode } from "#app/generated/prisma/enums.ts";
import { db as defaultDb, type Db, type DbOrTx } from "#app/lib/db.server.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { registerJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import { FORUM_DELIVER_JOB } from "../forum-notify.server.ts";
import {
  mailItem,
  memberLocale,
  postForMail,
  postForMailSelect,
  postUrl,
  queueEventMail,
  type PostForMail,
} from "./forum-mail.server.ts";
import { isMailKind, MODE_COLUMN, type MailKind } from "./notify-kinds.ts";
import { visibleEntries } from "./visible-entries.server.ts";

// The delivery job of a post's bell entries (decision 042): each entry becomes a 站内消息 in the member's
// "培训教室提醒" conversation and, if the member chose "immediately" for its kind, an e-mail. One short
// transaction per entry that first locks the entry and skips it when already delivered, so two workers,
// a retried job or a job re-run after a kill deliver each entry once. Hidden, held or deleted posts and
// classrooms the member may no longer open are checked here again, at delivery time.

async function publicPost(db: DbOrTx, postId: number): Promise<PostForMail | null> {
  const post = await db.forumPost.findFirst({
    where: { id: postId, deletedAt: null, hiddenAt: null, thread: { deletedAt: null, hiddenAt: null } },
    select: postForMailSelect,
  });
  return post && postForMail(post);
}

/**
 * The member's preference row, created with the defaults if missing, locked for the transaction: an
 * unsubscribe (which writes this row first) and a mail being queued are serialised, so a click either
 * comes first (nothing is queued) or second (it cancels what was queued).
 */
export async function lockedPreferences(tx: DbOrTx, memberId: number) {
  await tx.$executeRaw`INSERT IGNORE INTO \`ForumNotifyPreference\` (\`memberId\`, \`updatedAt\`) VALUES (${memberId}, NOW(3))`;
  const rows = await tx.$queryRaw<
    Array<{
      replyMail: ForumMailMode;
      threadMail: ForumMailMode;
      mentionMail: ForumMailMode;
      messageThreadId: number | null;
    }>
  >`SELECT \`replyMail\`, \`threadMail\`, \`mentionMail\`, \`messageThreadId\` FROM \`ForumNotifyPreference\`
    WHERE \`memberId\` = ${memberId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new Error(`ForumNotifyPreference ${memberId} vanished`);
  return row;
}

/** Appends the notice to the member's forum-notice conversation (made on first use). */
async function appendSiteMessage(
  tx: DbOrTx,
  member: { id: number; locale: string | null },
  threadIdHint: number | null,
  body: string,
) {
  const memberId = member.id;
  const t = createTranslator(memberLocale(member.locale));
  const now = new Date();
  // A notice thread the member answered became a conversation for the staff inbox (site-messages'
  // replyAsMember): later notices start a new notice thread rather than land in that conversation.
  const existing = threadIdHint
    ? await tx.messageThread.findFirst({
        where: { id: threadIdHint, memberId, kind: "forumNotice" },
        select: { id: true },
      })
    : null;
  let threadId = existing?.id;
  if (threadId) {
    // Counter first, then the message: the lock order of site-messages.server.ts.
    await tx.messageThread.update({
      where: { id: threadId },
      data: { memberUnreadCount: { increment: 1 }, lastMessageAt: now },
    });
  } else {
    const created = await tx.messageThread.create({
      data: {
        memberId,
        subject: t("forumNotify.message.subject"),
        kind: "forumNotice",
        memberUnreadCount: 1,
        lastMessageAt: now,
        createdAt: now,
      },
    });
    threadId = created.id;
    await tx.forumNotifyPreference.update({ where: { memberId }, data: { messageThreadId: threadId } });
  }
  const message = await tx.message.create({ data: { threadId, authorType: "staff", body, createdAt: now } });
  return message.id;
}

function messageBody(kind: MailKind, post: PostForMail, locale: string | null): string {
  const t = createTranslator(memberLocale(locale));
  return `${t(`forumNotify.message.${kind}`, { author: post.author, title: post.threadTitle })}\n${postUrl(post.threadId, post.id)}`;
}

async function deliverEntry(db: Db, entryId: number, post: PostForMail): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ deliveredAt: Date | null }>>`SELECT \`deliveredAt\`
      FROM \`ForumNotification\` WHERE \`id\` = ${entryId} FOR UPDATE`;
    if (!locked[0] || locked[0].deliveredAt) return false;
    const entry = await tx.forumNotification.update({
      where: { id: entryId },
      data: { deliveredAt: new Date() },
      select: { memberId: true, kind: true, threadId: true, postId: true },
    });
    if (!isMailKind(entry.kind)) return false;
    const [visible] = await visibleEntries(tx, entry.memberId, [entry]);
    if (!visible) return false;
    // A watcher who is also @mentioned has two bell entries for the post but gets one message and
    // one e-mail: the mention's (delivered first, see the order below).
    const sibling = await tx.forumNotification.count({
      where: { memberId: entry.memberId, postId: entry.postId, id: { not: entryId }, messageId: { not: null } },
    });
    if (sibling > 0) return false;
    const member = await tx.member.findUniqueOrThrow({
      where: { id: entry.memberId },
      select: { id: true, email: true, nickname: true, locale: true },
    });
    const prefs = await lockedPreferences(tx, member.id);
    const messageId = await appendSiteMessage(
      tx,
      member,
      prefs.messageThreadId,
      messageBody(entry.kind, post, member.locale),
    );
    await tx.forumNotification.update({ where: { id: entryId }, data: { messageId } });
    if (prefs[MODE_COLUMN[entry.kind]] === "immediate") {
      await queueEventMail(tx, member, mailItem(entry.kind, post), post.id);
    }
    return true;
  });
}

/** Delivers the post's undelivered entries; returns how many reached a member. */
export async function deliverPostNotifications(db: Db, postId: number): Promise<number> {
  const post = await publicPost(db, postId);
  // Hidden, held or deleted since: the entries stay undelivered (the bell leaves them out as well).
  if (!post) return 0;
  const entries = await db.forumNotification.findMany({
    where: { postId, deliveredAt: null, kind: { in: ["reply", "thread", "mention"] } },
    select: { id: true, kind: true },
    orderBy: { id: "asc" },
  });
  // Mentions first, so a mentioned watcher's one message says they were mentioned.
  const ordered = [...entries.filter((e) => e.kind === "mention"), ...entries.filter((e) => e.kind !== "mention")];
  let delivered = 0;
  for (const entry of ordered) if (await deliverEntry(db, entry.id, post)) delivered++;
  return delivered;
}

/**
 * A post (or, with `threadId`, every post of a thread) was hidden or deleted: its site messages are
 * withdrawn and its e-mail still queued is not sent. Called by moderation inside its transaction. Bell
 * entries stay (they are filtered when read, and come back if the post is shown again).
 */
export async function retractPostNotifications(tx: DbOrTx, target: { postId: number } | { threadId: number }) {
  const entries = await tx.forumNotification.findMany({
    where: "postId" in target ? { postId: target.postId } : { threadId: target.threadId },
    select: { id: true, postId: true, messageId: true },
  });
  const messageIds = entries.flatMap((e) => (e.messageId ? [e.messageId] : []));
  if (messageIds.length > 0) {
    const messages = await tx.message.findMany({ where: { id: { in: messageIds } }, select: { threadId: true } });
    await tx.message.deleteMany({ where: { id: { in: messageIds } } });
    for (const { threadId } of messages) {
      await tx.$executeRaw`UPDATE \`MessageThread\` SET \`memberUnreadCount\` = GREATEST(\`memberUnreadCount\` - 1, 0)
        WHERE \`id\` = ${threadId}`;
    }
    await tx.forumNotification.updateMany({
      where: { id: { in: entries.map((e) => e.id) } },
      data: { messageId: null },
    });
  }
  const postIds = [...new Set(entries.flatMap((e) => (e.postId ? [e.postId] : [])))];
  if (postIds.length === 0) return;
  await tx.emailOutbox.updateMany({
    where: {
      OR: postIds.map((id) => ({ idempotencyKey: { startsWith: "forum/m", endsWith: `/p${id}` } })),
      status: { in: ["pending", "sending"] },
    },
    data: { status: "failed", lastError: "cancelled: the post was hidden", lockedAt: null, lockedBy: null },
  });
}

const PayloadSchema = z.object({ postId: z.number().int().positive() });

registerJobHandler(FORUM_DELIVER_JOB, async (payload) => {
  const parsed = PayloadSchema.safeParse(payload);
  if (!parsed.success) return;
  await deliverPostNotifications(defaultDb, parsed.data.postId);
});
