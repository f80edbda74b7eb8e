import { z } from "zod";
import type { Db } from "#app/lib/db.server.ts";
import { auditedChange } from "#app/modules/audit/audited-change.server.ts";
import { resetRateLimit, type RateLimitRule } from "#app/modules/auth/rate-limit.server.ts";
import {
  countSignInFailure,
  passwordMatches,
  signInLockedFor,
  type SignInThrottle,
} from "#app/modules/auth/sign-in-throttle.server.ts";
import { openSignInSession, recordFailedSignIn } from "#app/modules/auth/sign-in-session.server.ts";
import { MemberEmailLookupSchema } from "./member-registration.server.ts";
import { memberSessions } from "./member-session.server.ts";
import { liftExpiredSuspension } from "./member-suspension.server.ts";

// Portal sign-in. Throttled like staff sign-in (only failures count): per account 5 in 15 minutes,
// per IP 30 in 15 minutes. Unknown e-mail, wrong password and closed accounts get one generic
// answer; what is special about an account (not activated yet, suspended) is said only to someone
// who proved they know its password.

export const MEMBER_ACCOUNT_FAILURES: RateLimitRule = {
  scope: "member-login:account",
  limit: 5,
  windowMs: 15 * 60_000,
};
export const MEMBER_IP_FAILURES: RateLimitRule = { scope: "member-login:ip", limit: 30, windowMs: 15 * 60_000 };

export const MemberSignInSchema = z.object({
  email: MemberEmailLookupSchema,
  password: z.string().min(1, "validation.required").max(1024, "validation.tooLong"),
});
export type MemberSignInInput = z.output<typeof MemberSignInSchema>;

export type MemberSignInResult =
  | { kind: "ok"; token: string; expiresAt: Date; memberId: number }
  | { kind: "invalid" }
  | { kind: "pending"; email: string }
  | { kind: "suspended"; until: Date | null; reason: string | null }
  | { kind: "rate-limited"; retryAfterSeconds: number };

export interface SignInLimits {
  perAccount?: RateLimitRule;
  perIp?: RateLimitRule;
}

export async function signInMember(
  db: Db,
  input: MemberSignInInput,
  meta: { ipAddress: string; userAgent: string | null },
  options: SignInLimits & { now?: Date } = {},
): Promise<MemberSignInResult> {
  const perAccount = options.perAccount ?? MEMBER_ACCOUNT_FAILURES;
  const perIp = options.perIp ?? MEMBER_IP_FAILURES;
  const now = options.now ?? new Date();
  const throttle: SignInThrottle = { perAccount, perIp };
  const attempt = { email: input.email, ipAddress: meta.ipAddress };
  const lockedFor = await signInLockedFor(db, throttle, attempt, now);
  if (lockedFor !== null) return { kind: "rate-limited", retryAfterSeconds: lockedFor };

  const found = await db.member.findUnique({ where: { email: input.email }, select: { id: true } });
  // A timed suspension that has run out ends here, before the status decides anything.
  if (found) await liftExpiredSuspension(db, found.id, now);
  const member = found
    ? await db.member.findUnique({
        where: { id: found.id },
        select: {
          id: true,
          email: true,
          passwordHash: true,
          status: true,
          suspendedUntil: true,
          suspensionReason: true,
        },
      })
    : null;
  const passwordOk = await passwordMatches(member, input.password);

  if (!member || !passwordOk || member.status === "terminated" || member.status === "deregistered") {
    await countSignInFailure(db, throttle, attempt, now);
    if (member) await recordFailedSignIn(db, { type: "member", id: member.id }, meta.ipAddress);
    return { kind: "invalid" };
  }

  if (member.status === "pending") return { kind: "pending", email: member.email };
  if (member.status === "suspended") {
    return { kind: "suspended", until: member.suspendedUntil, reason: member.suspensionReason };
  }

  await resetRateLimit(db, perAccount, input.email);
  const created = await openSignInSession(db, { type: "member", id: member.id }, { ...meta, at: now }, (tx) =>
    memberSessions.create(tx, member.id, meta, now),
  );
  return { kind: "ok", token: created.token, expiresAt: created.session.expiresAt, memberId: member.id };
}

export async function signOutMember(
  db: Db,
  principal: { memberId: number; sessionId: string },
  meta: { ipAddress: string },
): Promise<void> {
  await auditedChange(db, (tx) => memberSessions.invalidate(tx, principal.sessionId), {
    actor: { type: "member", id: principal.memberId },
    action: "member.sign_out",
    entityType: "MemberSession",
    entityId: principal.sessionId,
    ipAddress: meta.ipAddress,
  });
}
