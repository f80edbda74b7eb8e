import { z } from "zod";
import type { Db } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { isLocale } from "#app/lib/i18n/locales.ts";
import { msg } from "#app/lib/schemas.ts";
import { sendEmail } from "#emails/send-email.server.ts";
import { auditedChange } from "#app/modules/audit/audited-change.server.ts";
import { resetRateLimit, type RateLimitRule } from "./rate-limit.server.ts";
import {
  countSignInFailure,
  passwordMatches,
  signInLockedFor,
  type SignInThrottle,
} from "./sign-in-throttle.server.ts";
import { openSignInSession, recordFailedSignIn } from "./sign-in-session.server.ts";
import { createStaffSession, invalidateAllStaffSessions, invalidateStaffSession } from "./staff-session.server.ts";

// Throttling (ASVS 6.3.1, documented in docs/decisions/003-sessions-and-sign-in.md):
// - per account: 5 failures in 15 minutes lock sign-in for that account until the window ends;
// - per IP: 30 failures in 15 minutes, so one address cannot spray many accounts.
// Only failures count, so a busy office behind one NAT address is not locked out by its own
// successful sign-ins; a correct password does not bypass an active lock.
export const ACCOUNT_FAILURES: RateLimitRule = { scope: "staff-login:account", limit: 5, windowMs: 15 * 60_000 };
export const IP_FAILURES: RateLimitRule = { scope: "staff-login:ip", limit: 30, windowMs: 15 * 60_000 };
const THROTTLE: SignInThrottle = { perAccount: ACCOUNT_FAILURES, perIp: IP_FAILURES };

export const StaffSignInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, msg("validation.required"))
    .max(191, msg("validation.tooLong"))
    .email(msg("validation.invalidEmail"))
    .transform((v) => v.toLowerCase()),
  password: z.string().min(1, msg("validation.required")).max(1024, msg("validation.tooLong")),
});
export type StaffSignInInput = z.infer<typeof StaffSignInSchema>;

export type StaffSignInResult =
  | { kind: "ok"; token: string; expiresAt: Date; staffId: number }
  | { kind: "invalid" }
  | { kind: "rate-limited"; retryAfterSeconds: number };

export async function signInStaff(
  db: Db,
  input: StaffSignInInput,
  meta: { ipAddress: string; userAgent: string | null },
): Promise<StaffSignInResult> {
  const attempt = { email: input.email, ipAddress: meta.ipAddress };
  const lockedFor = await signInLockedFor(db, THROTTLE, attempt);
  if (lockedFor !== null) return { kind: "rate-limited", retryAfterSeconds: lockedFor };

  const staff = await db.staff.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, email: true, locale: true, passwordHash: true, status: true },
  });
  const passwordOk = await passwordMatches(staff, input.password);

  if (!staff || !passwordOk || staff.status === "inactive") {
    const accountState = await countSignInFailure(db, THROTTLE, attempt);
    if (staff) {
      await db.$transaction(async (tx) => {
        await recordFailedSignIn(tx, { type: "staff", id: staff.id }, meta.ipAddress);
        // The failure that locks the account tells its owner once (the key makes repeats a no-op).
        if (accountState.count === ACCOUNT_FAILURES.limit && staff.status !== "inactive") {
          const now = new Date();
          const unlockAt = new Date(now.getTime() + accountState.retryAfterSeconds * 1000);
          await sendEmail(tx, {
            to: staff.email,
            template: "account-locked",
            locale: isLocale(staff.locale) ? staff.locale : "zh-CN",
            props: {
              name: staff.name,
              accountEmail: staff.email,
              lockedAt: now,
              unlockAt,
              ipAddress: meta.ipAddress,
              failedAttempts: accountState.count,
              signInUrl: new URL("/crm/login", env.APP_URL).toString(),
            },
            idempotencyKey: `account-locked/staff-${staff.id}/${unlockAt.toISOString().slice(0, 16)}`,
          });
        }
      });
    }
    return { kind: "invalid" };
  }

  await resetRateLimit(db, ACCOUNT_FAILURES, input.email);
  const created = await openSignInSession(db, { type: "staff", id: staff.id }, { ...meta, at: new Date() }, (tx) =>
    createStaffSession(tx, staff.id, { ipAddress: meta.ipAddress, userAgent: meta.userAgent }),
  );
  return { kind: "ok", token: created.token, expiresAt: created.session.expiresAt, staffId: staff.id };
}

export async function signOutStaff(
  db: Db,
  principal: { staffId: number; sessionId: string },
  options: { everywhere: boolean; ipAddress: string },
): Promise<void> {
  await auditedChange(
    db,
    async (tx) => {
      if (options.everywhere) await invalidateAllStaffSessions(tx, principal.staffId);
      else await invalidateStaffSession(tx, principal.sessionId);
    },
    {
      actor: { type: "staff", id: principal.staffId },
      action: options.everywhere ? "staff.sign_out_everywhere" : "staff.sign_out",
      entityType: "StaffSession",
      entityId: principal.sessionId,
      ipAddress: options.ipAddress,
    },
  );
}
