import type { MemberStatus } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { invalid, rateLimited, type FieldErrors, type Invalid, type RateLimited } from "#app/lib/service-result.ts";
import { verifyPassword } from "#app/modules/auth/password.server.ts";
import {
  hitRateLimit,
  peekRateLimit,
  resetRateLimit,
  type RateLimitRule,
} from "#app/modules/auth/rate-limit.server.ts";

// What the account services share: who acts, the "type your password again" check in front of
// every sensitive change, and "only an account in good standing may change itself".

export interface AccountActor {
  memberId: number;
  /** The session making the request: kept when other sessions are signed out. */
  sessionId: string;
  ipAddress: string | null;
}

/** Wrong current passwords on this account's pages: a stolen session cannot guess the password. */
export const REAUTH_FAILURES: RateLimitRule = { scope: "member-reauth", limit: 5, windowMs: 15 * 60_000 };

/**
 * Checks the current password typed into `field`: null when right, otherwise the refusal to return
 * (the field's "wrong password", or "too many attempts" once five wrong ones were typed).
 */
export async function reauthenticate<F extends string>(
  db: Db,
  member: { id: number; passwordHash: string },
  password: string,
  field: F,
): Promise<Invalid<F> | RateLimited | null> {
  const subject = String(member.id);
  const before = await peekRateLimit(db, REAUTH_FAILURES, subject);
  if (before.limited) return rateLimited(before.retryAfterSeconds, "account.security.rateLimited");
  if (await verifyPassword(member.passwordHash, password)) {
    if (before.count > 0) await resetRateLimit(db, REAUTH_FAILURES, subject);
    return null;
  }
  await hitRateLimit(db, REAUTH_FAILURES, subject);
  const fieldErrors: FieldErrors<F> = {};
  fieldErrors[field] = ["account.security.wrongPassword"];
  return invalid(fieldErrors);
}

const ACCOUNT_STATUSES: readonly MemberStatus[] = ["active", "verified"];

/** The member, if their account may still change itself (not suspended, closed or deregistered). */
export async function loadActiveMember(db: DbOrTx, memberId: number) {
  const member = await db.member.findUnique({ where: { id: memberId } });
  return member && ACCOUNT_STATUSES.includes(member.status) ? member : null;
}
