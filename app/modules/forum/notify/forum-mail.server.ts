import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { DEFAULT_LOCALE, isLocale, type Locale } from "#app/lib/i18n/locales.ts";
import { sendEmail } from "#emails/send-email.server.ts";
import type { ForumMailItem } from "#emails/templates/forum-mail.tsx";
import { excerpt } from "#app/modules/messages/site-messages.server.ts";
import { authorName, authorOf, authorSelect } from "../forum-authors.ts";
import { mailKeyPrefix, type MailKind } from "./notify-kinds.ts";
import { unsubscribeToken } from "./unsubscribe-token.server.ts";

// Writes forum e-mail into the outbox: the event mail ("immediately") and the daily digest. Every one
// carries the RFC 8058 headers, so mail clients show their own one-click "unsubscribe" button, and
// an idempotency key under `forum/m<member>/` by which an unsubscribe cancels it while still queued.

export interface Recipient {
  id: number;
  email: string;
  nickname: string;
  /** Member.locale: the language they last used the portal in (decision 053). */
  locale: string | null;
}

/** The member's stored language, or the portal's default for members who have not signed in since. */
export function memberLocale(locale: string | null | undefined): Locale {
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

export interface PostForMail {
  id: number;
  threadId: number;
  bodyText: string;
  threadTitle: string;
  classroomName: string;
  author: string;
}

/** What a mail reads of a post, for `postForMail`. */
export const postForMailSelect = {
  id: true,
  threadId: true,
  bodyText: true,
  ...authorSelect,
  thread: { select: { title: true, classroom: { select: { name: true } } } },
} as const;

export function postForMail(post: Prisma.ForumPostGetPayload<{ select: typeof postForMailSelect }>): PostForMail {
  return {
    id: post.id,
    threadId: post.threadId,
    bodyText: post.bodyText,
    threadTitle: post.thread.title,
    classroomName: post.thread.classroom.name,
    author: authorName(authorOf(post)),
  };
}

export function postUrl(threadId: number, postId: number): string {
  return new URL(`/forum/t/${threadId}#post-${postId}`, env.APP_URL).toString();
}

export function mailItem(kind: MailKind, post: PostForMail): ForumMailItem {
  return {
    kind,
    author: post.author.slice(0, 100),
    threadTitle: post.threadTitle,
    classroom: post.classroomName,
    excerpt: excerpt(post.bodyText),
    url: postUrl(post.threadId, post.id),
  };
}

async function envelope(tx: DbOrTx, member: Recipient) {
  const unsubscribeUrl = new URL(`/forum/unsubscribe/${await unsubscribeToken(tx, member.id)}`, env.APP_URL).toString();
  return {
    props: {
      nickname: member.nickname,
      settingsUrl: new URL("/account/forum", env.APP_URL).toString(),
      unsubscribeUrl,
    },
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

export async function queueEventMail(tx: DbOrTx, member: Recipient, item: ForumMailItem, postId: number) {
  const { props, headers } = await envelope(tx, member);
  await sendEmail(tx, {
    to: member.email,
    template: "forum-notification",
    locale: memberLocale(member.locale),
    idempotencyKey: `${mailKeyPrefix(member.id)}${item.kind}/p${postId}`,
    headers,
    props: { ...props, item },
  });
}

export async function queueDigestMail(
  tx: DbOrTx,
  member: Recipient,
  digest: { dayKey: string; day: string; items: ForumMailItem[]; more: number },
) {
  const { props, headers } = await envelope(tx, member);
  return sendEmail(tx, {
    to: member.email,
    template: "forum-digest",
    locale: memberLocale(member.locale),
    idempotencyKey: `${mailKeyPrefix(member.id)}digest/${digest.dayKey}`,
    headers,
    props: { ...props, day: digest.day, items: digest.items, more: digest.more },
  });
}
