import type { Db } from "#app/lib/db.server.ts";
import { notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { lockedPreferences } from "./delivery.server.ts";
import { cancelQueuedForumMail } from "./preferences.server.ts";
import { verifyUnsubscribeToken } from "./unsubscribe-token.server.ts";

// One-click unsubscribe (RFC 8058) from every forum e-mail, without signing in. Honoured at once: the
// preferences go to "off" and forum mail still queued for the member is cancelled in the same
// transaction (which holds the preference row, so a mail being queued concurrently is either seen
// and cancelled or not queued at all). Site messages and the bell are unaffected.

export async function unsubscribeTokenValid(db: Db, token: string | undefined): Promise<boolean> {
  return (await verifyUnsubscribeToken(db, token)) !== null;
}

export async function unsubscribeByToken(
  db: Db,
  token: string | undefined,
): Promise<ServiceResult<{ cancelled: number }>> {
  const memberId = await verifyUnsubscribeToken(db, token);
  if (memberId === null) return notFound("forumNotify.unsubscribe.invalid");
  const exists = await db.member.count({ where: { id: memberId } });
  if (exists === 0) return notFound("forumNotify.unsubscribe.invalid");
  const cancelled = await db.$transaction(async (tx) => {
    await lockedPreferences(tx, memberId);
    await tx.forumNotifyPreference.update({
      where: { memberId },
      data: { replyMail: "off", threadMail: "off", mentionMail: "off" },
    });
    return cancelQueuedForumMail(tx, memberId);
  });
  return ok({ cancelled });
}
