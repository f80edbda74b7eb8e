import type { ForumMailMode } from "#app/generated/prisma/enums.ts";

// The kinds of forum notification a member can receive by e-mail, and how (decision 042). Shared
// by the services and the 我的账户 page, so no server imports here.

export const MAIL_KINDS = ["reply", "thread", "mention"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_MODES = ["off", "immediate", "digest"] as const satisfies readonly ForumMailMode[];

/** The preference column of each kind. */
export const MODE_COLUMN = { reply: "replyMail", thread: "threadMail", mention: "mentionMail" } as const;

export type MailPreferences = Record<MailKind, ForumMailMode>;

/** Until the member chooses: mentions at once, the rest bundled into the daily digest. */
export const DEFAULT_PREFERENCES: MailPreferences = { reply: "digest", thread: "digest", mention: "immediate" };

export function isMailKind(value: unknown): value is MailKind {
  return typeof value === "string" && (MAIL_KINDS as readonly string[]).includes(value);
}

/** Outbox idempotency keys of a member's forum mail start with this, so they can be cancelled at once. */
export function mailKeyPrefix(memberId: number): string {
  return `forum/m${memberId}/`;
}
