import type { MemberStatus } from "#app/generated/prisma/client.ts";
import type { Db, Tx } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import { hitRateLimit, type RateLimitRule } from "#app/modules/auth/rate-limit.server.ts";
import { can, scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { SIGNED_IN_STATUSES } from "#app/modules/members/member-session.server.ts";
import { notifyStaff } from "#app/modules/notifications/notifications.server.ts";
import { pageWindow } from "#app/lib/page-window.ts";
import { sendEmail } from "#emails/send-email.server.ts";
import { conversationMessage, conversationMessagesQuery } from "./conversation-messages.ts";
import { NewThreadSchema, ReplySchema, type NewThreadInput, type ReplyInput } from "./message-input.ts";
import { threadScopeWhere } from "./thread-scope.ts";
import { selectIdAndName, selectName } from "#app/lib/prisma-selects.ts";

export { BODY_MAX, NewThreadSchema, ReplySchema, STAFF_FILTERS, SUBJECT_MAX } from "./message-input.ts";
export type { NewThreadInput, ReplyInput, StaffFilter } from "./message-input.ts";

// 站内短消息: conversations between one member and the staff. Each thread keeps two unread counters
// (one per side): writing bumps the other side's counter, opening the thread clears the reader's.
//
// Lock order, so a reader never clears a counter for a message it did not get to see: writers lock
// the thread row (bumping the counter) BEFORE inserting the message; readers clear the counter
// (locking the row) BEFORE reading the messages. A reader that waits for a writer's lock therefore
// reads after the writer committed, and its snapshot includes the new message.

export const PAGE_SIZE = 20;
/** How much of a message an e-mail or a notification quotes. */
export const EXCERPT_LENGTH = 120;

/** Per member, counted for new threads and replies alike. */
export const MEMBER_MESSAGE_LIMIT: RateLimitRule = {
  scope: "site-messages:member",
  limit: 20,
  windowMs: 60 * 60 * 1000,
};

type RateLimited = { kind: "rate-limited"; retryAfterSeconds: number };

/** A member whose account is gone is shown anonymised to staff and gets no more replies. */
const CLOSED_STATUSES: readonly MemberStatus[] = ["deregistered", "terminated"];

export function isMemberAnonymised(status: MemberStatus): boolean {
  return status === "deregistered";
}

export function excerpt(body: string, length = EXCERPT_LENGTH): string {
  const flat = body.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length <= length ? flat : `${chars.slice(0, length).join("")}…`;
}

async function hitMemberLimit(db: Db, memberId: number): Promise<RateLimited | null> {
  const state = await hitRateLimit(db, MEMBER_MESSAGE_LIMIT, `member:${memberId}`);
  // The hit itself is counted: the limit-th message is still allowed, the one after it is not.
  return state.count > MEMBER_MESSAGE_LIMIT.limit
    ? { kind: "rate-limited", retryAfterSeconds: state.retryAfterSeconds }
    : null;
}

async function lockThread(tx: Tx, threadId: number): Promise<void> {
  await tx.$queryRaw`SELECT \`id\` FROM \`MessageThread\` WHERE \`id\` = ${threadId} FOR UPDATE`;
}

// ───────────────────────────── Shell badges ─────────────────────────────

// The layouts count unread messages while, in the same request, a thread page's loader may be
// clearing one thread's counter: loaders run in parallel. The thread being opened by this request
// is counted as read, so the badge is right on the very page that clears it.

/** The thread id when `pathname` is `<base>/<id>`, else null. */
export function openedThreadId(pathname: string, base: "/account/messages" | "/crm/messages"): number | null {
  // Single-fetch data requests end in ".data"; accept it in case a loader sees the raw URL.
  const match = new RegExp(`^${base}/(\\d{1,10})(?:\\.data)?/?$`).exec(pathname);
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export async function memberUnreadBadge(db: Db, memberId: number, openingThreadId: number | null): Promise<number> {
  const result = await db.messageThread.aggregate({
    where: { memberId, ...(openingThreadId ? { id: { not: openingThreadId } } : {}) },
    _sum: { memberUnreadCount: true },
  });
  return result._sum.memberUnreadCount ?? 0;
}

/** As countUnreadForStaff: the staff member's own threads and unassigned ones. */
export async function staffUnreadBadge(db: Db, staffId: number, openingThreadId: number | null): Promise<number> {
  const result = await db.messageThread.aggregate({
    where: {
      OR: [{ assignedStaffId: staffId }, { assignedStaffId: null }],
      ...(openingThreadId ? { id: { not: openingThreadId } } : {}),
    },
    _sum: { staffUnreadCount: true },
  });
  return result._sum.staffUnreadCount ?? 0;
}

// ───────────────────────────── Member side ─────────────────────────────

export async function startThread(
  db: Db,
  memberId: number,
  input: NewThreadInput,
): Promise<{ kind: "ok"; threadId: number } | RateLimited> {
  const { subject, body } = NewThreadSchema.parse(input);
  const limited = await hitMemberLimit(db, memberId);
  if (limited) return limited;
  const threadId = await db.$transaction(async (tx) => {
    const now = new Date();
    const thread = await tx.messageThread.create({
      data: { memberId, subject, staffUnreadCount: 1, lastMessageAt: now, createdAt: now },
    });
    await tx.message.create({ data: { threadId: thread.id, authorType: "member", body, createdAt: now } });
    return thread.id;
  });
  return { kind: "ok", threadId };
}

export async function replyAsMember(
  db: Db,
  memberId: number,
  threadId: number,
  input: ReplyInput,
): Promise<{ kind: "ok" } | { kind: "not-found" } | RateLimited> {
  const { body } = ReplySchema.parse(input);
  const owned = await db.messageThread.findFirst({ where: { id: threadId, memberId }, select: { id: true } });
  if (!owned) return { kind: "not-found" };
  const limited = await hitMemberLimit(db, memberId);
  if (limited) return limited;

  return db.$transaction(async (tx) => {
    await lockThread(tx, threadId);
    const thread = await tx.messageThread.findFirst({
      where: { id: threadId, memberId },
      select: {
        id: true,
        subject: true,
        assignedStaffId: true,
        assignedStaff: { select: { locale: true } },
        member: { select: { nickname: true } },
      },
    });
    if (!thread) return { kind: "not-found" as const };
    const now = new Date();
    await tx.messageThread.update({
      where: { id: threadId },
      // Writing back means the member has seen the thread: their own counter clears too. Answering a
      // forum notice makes it a conversation, so the staff inbox shows it (decision 053).
      data: { staffUnreadCount: { increment: 1 }, memberUnreadCount: 0, lastMessageAt: now, kind: "conversation" },
    });
    await tx.message.create({ data: { threadId, authorType: "member", body, createdAt: now } });
    // The assignee hears about it in the bell; unassigned threads show in everyone's inbox count.
    if (thread.assignedStaffId !== null && thread.assignedStaff) {
      const locale = isLocale(thread.assignedStaff.locale) ? thread.assignedStaff.locale : DEFAULT_LOCALE;
      const t = createTranslator(locale);
      await notifyStaff(tx, {
        staffId: thread.assignedStaffId,
        type: "site-message",
        title: t("messages.notify.title", { nickname: thread.member.nickname }),
        body: t("messages.notify.body", { subject: thread.subject, excerpt: excerpt(body) }),
        link: `/crm/messages/${threadId}`,
      });
    }
    return { kind: "ok" as const };
  });
}

export async function listThreadsForMember(db: Db, memberId: number, options: { page?: number } = {}) {
  const where = { memberId };
  const total = await db.messageThread.count({ where });
  const { page, pageCount, ...window } = pageWindow(total, options.page ?? 1, PAGE_SIZE);
  const rows = await db.messageThread.findMany({
    where,
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    ...window,
    select: {
      id: true,
      subject: true,
      lastMessageAt: true,
      memberUnreadCount: true,
      assignedStaff: selectName,
      _count: { select: { messages: true } },
      messages: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { authorType: true, body: true } },
    },
  });
  const items = rows.map((row) => ({
    id: row.id,
    subject: row.subject,
    lastMessageAt: row.lastMessageAt,
    unread: row.memberUnreadCount,
    messageCount: row._count.messages,
    assigneeName: row.assignedStaff?.name ?? null,
    lastFromStaff: row.messages[0]?.authorType === "staff",
    lastExcerpt: row.messages[0] ? excerpt(row.messages[0].body, 80) : "",
  }));
  return { items, total, page, pageCount };
}

/**
 * The member's own thread with its messages, clearing the member's unread counter; null when the
 * thread does not exist or belongs to someone else (the route answers 404 for both).
 */
export async function openThreadForMember(db: Db, memberId: number, threadId: number) {
  return db.$transaction(async (tx) => {
    // Clearing first takes the row lock (see the note at the top).
    const cleared = await tx.messageThread.updateMany({
      where: { id: threadId, memberId },
      data: { memberUnreadCount: 0 },
    });
    if (cleared.count === 0) return null;
    const thread = await tx.messageThread.findUniqueOrThrow({
      where: { id: threadId },
      select: {
        id: true,
        subject: true,
        createdAt: true,
        lastMessageAt: true,
        assignedStaff: selectName,
        messages: conversationMessagesQuery,
      },
    });
    return {
      id: thread.id,
      subject: thread.subject,
      createdAt: thread.createdAt,
      lastMessageAt: thread.lastMessageAt,
      assigneeName: thread.assignedStaff?.name ?? null,
      messages: thread.messages.map(conversationMessage),
    };
  });
}

// ───────────────────────────── Staff side ─────────────────────────────

// The staff inbox list lives in staff-inbox.server.ts (filters, sorting, saved views).

/**
 * A thread for the back office. Opening it clears the staff-side unread counter only when the reader
 * is the one who handles it (or nobody does yet): an admin glancing at a colleague's thread must not
 * hide the colleague's unread badge.
 */
export async function openThreadForStaff(db: Db, actor: StaffActor, threadId: number) {
  const scope = scopeFor(actor, "members", "browse");
  if (!scope) return { kind: "forbidden" as const };
  return db.$transaction(async (tx) => {
    await tx.messageThread.updateMany({
      where: { id: threadId, OR: [{ assignedStaffId: null }, { assignedStaffId: actor.staffId }] },
      data: { staffUnreadCount: 0 },
    });
    const thread = await tx.messageThread.findFirst({
      where: { id: threadId, ...threadScopeWhere(scope, actor) },
      select: {
        id: true,
        subject: true,
        createdAt: true,
        lastMessageAt: true,
        staffUnreadCount: true,
        member: { select: { id: true, nickname: true, email: true, status: true, notifyByEmail: true } },
        assignedStaff: selectIdAndName,
        messages: conversationMessagesQuery,
      },
    });
    if (!thread) return { kind: "not-found" as const };
    const anonymised = isMemberAnonymised(thread.member.status);
    return {
      kind: "ok" as const,
      thread: {
        id: thread.id,
        subject: thread.subject,
        createdAt: thread.createdAt,
        lastMessageAt: thread.lastMessageAt,
        unread: thread.staffUnreadCount,
        assignee: thread.assignedStaff,
        closed: CLOSED_STATUSES.includes(thread.member.status),
        member: {
          id: thread.member.id,
          anonymised,
          nickname: anonymised ? null : thread.member.nickname,
          email: anonymised ? null : thread.member.email,
          status: thread.member.status,
          notifyByEmail: thread.member.notifyByEmail,
        },
        messages: thread.messages.map(conversationMessage),
      },
    };
  });
}

export type StaffReplyResult =
  | { kind: "ok"; messageId: number; assigned: boolean; emailed: boolean }
  | { kind: "forbidden" }
  | { kind: "not-found" }
  | { kind: "closed" };

/**
 * A staff reply. Whoever may read a thread may answer it (members:browse, within its scope): customer
 * service reads and answers members without being able to moderate their accounts (members:modify).
 * The first staff reply to an unassigned thread makes the
 * author its handler. The member is e-mailed (a short excerpt and a link, the full text stays on
 * the site) when they asked for e-mail notifications.
 */
export async function replyAsStaff(
  db: Db,
  actor: StaffActor,
  threadId: number,
  input: ReplyInput,
): Promise<StaffReplyResult> {
  const scope = scopeFor(actor, "members", "browse");
  if (!scope) return { kind: "forbidden" };
  const { body } = ReplySchema.parse(input);
  return db.$transaction(async (tx): Promise<StaffReplyResult> => {
    await lockThread(tx, threadId);
    const thread = await tx.messageThread.findFirst({
      where: { id: threadId, ...threadScopeWhere(scope, actor) },
      select: {
        id: true,
        subject: true,
        assignedStaffId: true,
        member: { select: { id: true, email: true, nickname: true, status: true, notifyByEmail: true } },
      },
    });
    if (!thread) return { kind: "not-found" };
    if (CLOSED_STATUSES.includes(thread.member.status)) return { kind: "closed" };

    const now = new Date();
    const assign = thread.assignedStaffId === null;
    await tx.messageThread.update({
      where: { id: threadId },
      data: {
        memberUnreadCount: { increment: 1 },
        // A reply answers whatever the member wrote: the staff side has nothing unread left.
        staffUnreadCount: 0,
        lastMessageAt: now,
        ...(assign ? { assignedStaffId: actor.staffId } : {}),
      },
    });
    const message = await tx.message.create({
      data: { threadId, authorType: "staff", authorStaffId: actor.staffId, body, createdAt: now },
    });
    if (assign) {
      await recordStaffAudit(tx, actor, {
        action: "message_thread.assign",
        entityType: "MessageThread",
        entityId: threadId,
        before: { assignedStaffId: null },
        after: { assignedStaffId: actor.staffId, reason: "first-reply" },
      });
    }

    const emailed =
      thread.member.notifyByEmail && (SIGNED_IN_STATUSES as readonly string[]).includes(thread.member.status);
    if (emailed) {
      await sendEmail(tx, {
        to: thread.member.email,
        template: "member-new-message",
        // Members have no stored language preference yet: the portal's default language.
        locale: DEFAULT_LOCALE,
        idempotencyKey: `member-new-message/message-${message.id}`,
        props: {
          nickname: thread.member.nickname,
          staffName: actor.name,
          subject: thread.subject,
          excerpt: excerpt(body),
          threadUrl: new URL(`/account/messages/${threadId}`, env.APP_URL).toString(),
        },
      });
    }
    return { kind: "ok", messageId: message.id, assigned: assign, emailed };
  });
}

/** "分配给我": take over a thread (unassigned or someone else's). Needs members:modify. */
export async function assignThreadToMe(
  db: Db,
  actor: StaffActor,
  threadId: number,
): Promise<{ kind: "ok"; changed: boolean } | { kind: "forbidden" } | { kind: "not-found" }> {
  if (!can(actor, "members", "modify")) return { kind: "forbidden" };
  return db.$transaction(async (tx) => {
    await lockThread(tx, threadId);
    const thread = await tx.messageThread.findUnique({ where: { id: threadId }, select: { assignedStaffId: true } });
    if (!thread) return { kind: "not-found" as const };
    if (thread.assignedStaffId === actor.staffId) return { kind: "ok" as const, changed: false };
    await tx.messageThread.update({ where: { id: threadId }, data: { assignedStaffId: actor.staffId } });
    await recordStaffAudit(tx, actor, {
      action: "message_thread.assign",
      entityType: "MessageThread",
      entityId: threadId,
      before: { assignedStaffId: thread.assignedStaffId },
      after: { assignedStaffId: actor.staffId, reason: "assign-to-me" },
    });
    return { kind: "ok" as const, changed: true };
  });
}
