import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { invalid, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { lockedPreferences } from "./delivery.server.ts";
import {
  DEFAULT_PREFERENCES,
  MAIL_KINDS,
  MAIL_MODES,
  mailKeyPrefix,
  type MailKind,
  type MailPreferences,
} from "./notify-kinds.ts";

// A member's forum e-mail preferences (one row, created on the first change) and the cancellation of
// forum mail already queued: a switch to "off" or an unsubscribe click is honoured at once, also for
// mail written before it and not yet sent.

export async function mailPreferences(db: DbOrTx, memberId: number): Promise<MailPreferences> {
  const row = await db.forumNotifyPreference.findUnique({ where: { memberId } });
  if (!row) return { ...DEFAULT_PREFERENCES };
  return { reply: row.replyMail, thread: row.threadMail, mention: row.mentionMail };
}

const PreferencesSchema = z.object({
  reply: z.enum(MAIL_MODES),
  thread: z.enum(MAIL_MODES),
  mention: z.enum(MAIL_MODES),
});

/** Saves the 我的账户 form; kinds switched off lose their queued mail at once. */
export async function saveMailPreferences(
  db: Db,
  memberId: number,
  input: Record<MailKind, unknown>,
): Promise<ServiceResult<MailPreferences>> {
  const parsed = PreferencesSchema.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => [String(issue.path[0]), ["validation.choose" as const]]);
    return invalid(Object.fromEntries(fields));
  }
  const prefs = parsed.data;
  await db.$transaction(async (tx) => {
    await lockedPreferences(tx, memberId);
    await tx.forumNotifyPreference.update({
      where: { memberId },
      data: { replyMail: prefs.reply, threadMail: prefs.thread, mentionMail: prefs.mention },
    });
    for (const kind of MAIL_KINDS) if (prefs[kind] === "off") await cancelQueuedForumMail(tx, memberId, kind);
  });
  return ok(prefs);
}

/**
 * Queued forum mail of the member (of one kind, or all of it including digests) is not sent. Rows a
 * worker has claimed but not yet handed to the provider are included: the worker renews its claim
 * (status "sending", its id) just before the call, and that renewal now fails.
 */
export async function cancelQueuedForumMail(db: DbOrTx, memberId: number, kind?: MailKind): Promise<number> {
  const prefix = `${mailKeyPrefix(memberId)}${kind ? `${kind}/` : ""}`;
  const result = await db.emailOutbox.updateMany({
    where: { idempotencyKey: { startsWith: prefix }, status: { in: ["pending", "sending"] } },
    data: { status: "failed", lastError: "cancelled: the member unsubscribed", lockedAt: null, lockedBy: null },
  });
  return result.count;
}
