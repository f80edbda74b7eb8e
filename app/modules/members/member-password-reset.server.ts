import { z } from "zod";
import type { Db } from "#app/lib/db.server.ts";
import { recordAudit } from "#app/modules/audit/audit-log.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { resetRateLimit, type RateLimitRule } from "#app/modules/auth/rate-limit.server.ts";
import { auditAnonymousRequest, hitAnonymousRequestLimits } from "./anonymous-account-request.server.ts";
import { sendEmail } from "#emails/send-email.server.ts";
import { MemberPasswordSchema, PASSWORD_MISMATCH, passwordsMatch } from "./member-password-policy.ts";
import { type FieldErrors, type Parsed, parseForm, portalUrl, type RequestMeta } from "./member-registration.server.ts";
import { SIGNED_IN_STATUSES, memberSessions } from "./member-session.server.ts";
import { MEMBER_ACCOUNT_FAILURES } from "./member-sign-in.server.ts";
import { liftExpiredSuspension } from "./member-suspension.server.ts";
import { consumeMemberToken, issueMemberToken, TOKEN_TTL_MS } from "./member-tokens.server.ts";

// Forgot password (忘记密码) and reset. The request answers the same for every address; only an
// account that may sign in (active/verified) gets a link. Setting a new password ends every session
// of the account, so whoever knew the old password is out.

export const FORGOT_PER_IP: RateLimitRule = { scope: "member-forgot:ip", limit: 10, windowMs: 60 * 60_000 };
export const FORGOT_PER_ADDRESS: RateLimitRule = { scope: "member-forgot:address", limit: 3, windowMs: 60 * 60_000 };

export type ForgotResult = { kind: "sent" } | { kind: "rate-limited"; retryAfterSeconds: number };

/**
 * A forgot-password answer never comes sooner than this (issue #13): a registered address costs a
 * token, a rendered mail in the outbox and an audit row (~16 ms more than an unknown one), so both
 * answers are held to the same floor, plus a little jitter, and timing tells nothing.
 */
export const FORGOT_MIN_DURATION_MS = 250;

async function holdUntil(startedAt: number, minMs: number): Promise<void> {
  const wait = minMs + Math.random() * 20 - (performance.now() - startedAt);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

export async function requestPasswordReset(
  db: Db,
  email: string,
  meta: RequestMeta,
  options: { perIp?: RateLimitRule; perAddress?: RateLimitRule; now?: Date; minDurationMs?: number } = {},
): Promise<ForgotResult> {
  const startedAt = performance.now();
  try {
    return await forgotPassword(db, email, meta, options);
  } finally {
    await holdUntil(startedAt, options.minDurationMs ?? FORGOT_MIN_DURATION_MS);
  }
}

async function forgotPassword(
  db: Db,
  email: string,
  meta: RequestMeta,
  options: { perIp?: RateLimitRule; perAddress?: RateLimitRule; now?: Date },
): Promise<ForgotResult> {
  const now = options.now ?? new Date();
  const limits = { perIp: options.perIp ?? FORGOT_PER_IP, perAddress: options.perAddress ?? FORGOT_PER_ADDRESS };
  const retryAfterSeconds = await hitAnonymousRequestLimits(db, limits, { ipAddress: meta.ipAddress, email }, now);
  if (retryAfterSeconds !== null) return { kind: "rate-limited", retryAfterSeconds };

  const found = await db.member.findUnique({ where: { email }, select: { id: true } });
  if (found) await liftExpiredSuspension(db, found.id, now);
  await db.$transaction(async (tx) => {
    const member = found
      ? await tx.member.findUnique({
          where: { id: found.id },
          select: { id: true, email: true, nickname: true, status: true },
        })
      : null;
    if (!member || !(SIGNED_IN_STATUSES as readonly string[]).includes(member.status)) return;
    const token = await issueMemberToken(tx, member.id, "password_reset", { now });
    await sendEmail(tx, {
      to: member.email,
      template: "member-password-reset",
      locale: meta.locale,
      props: {
        nickname: member.nickname,
        accountEmail: member.email,
        resetUrl: portalUrl("/reset-password", { token }),
        expiresAt: new Date(now.getTime() + TOKEN_TTL_MS.password_reset),
        requestedAt: now,
        ipAddress: meta.ipAddress,
      },
    });
    await auditAnonymousRequest(tx, "member.password_reset_requested", member.id, meta.ipAddress);
  });
  return { kind: "sent" };
}

export const ResetPasswordSchema = z.object({
  password: z.string().min(1, "validation.required").pipe(MemberPasswordSchema),
  passwordConfirm: z.string().min(1, "validation.required").max(1024, "validation.tooLong"),
});
export type ResetPasswordInput = z.output<typeof ResetPasswordSchema>;

/** The reset form as `parseForm` reads it: the new password plus its confirmation. */
export const ResetPasswordFormSchema = ResetPasswordSchema.refine(passwordsMatch, PASSWORD_MISMATCH);
export type ResetPasswordField = keyof ResetPasswordInput;

export function parseResetPassword(input: unknown): Parsed<ResetPasswordInput, ResetPasswordField> {
  const parsed = parseForm(ResetPasswordSchema, input, ["password", "passwordConfirm"] as const);
  const raw = (input ?? {}) as Record<string, unknown>;
  const mismatch = typeof raw.password === "string" && raw.password !== raw.passwordConfirm;
  if (parsed.ok && !mismatch) return parsed;
  const fieldErrors: FieldErrors<ResetPasswordField> = parsed.ok ? {} : parsed.fieldErrors;
  if (mismatch && !fieldErrors.passwordConfirm) fieldErrors.passwordConfirm = "members.validation.passwordMismatch";
  return { ok: false, fieldErrors };
}

export type ResetResult =
  | { kind: "reset"; memberId: number; sessionsEnded: number }
  | { kind: "failed"; reason: "invalid" | "expired" | "used" };

export async function resetPassword(
  db: Db,
  token: string,
  newPassword: string,
  meta: { ipAddress: string },
  now = new Date(),
): Promise<ResetResult> {
  // Hashed outside the transaction: argon2 takes a while and must not hold row locks meanwhile.
  const passwordHash = await hashPassword(newPassword);
  const result = await db.$transaction(async (tx) => {
    const consumed = await consumeMemberToken(tx, token, "password_reset", now);
    if (!consumed.ok) return { kind: "failed", reason: consumed.reason } as const;
    const member = await tx.member.findUnique({
      where: { id: consumed.memberId },
      select: { id: true, email: true, status: true },
    });
    // Suspended or closed since the link was sent: the link dies with the account's right to sign in.
    if (!member || !(SIGNED_IN_STATUSES as readonly string[]).includes(member.status)) {
      return { kind: "failed", reason: "invalid" } as const;
    }
    await tx.member.update({ where: { id: member.id }, data: { passwordHash } });
    const sessionsEnded = await memberSessions.invalidateAll(tx, member.id);
    await recordAudit(tx, {
      actor: { type: "member", id: member.id },
      action: "member.password_reset",
      entityType: "Member",
      entityId: member.id,
      after: { sessionsEnded },
      ipAddress: meta.ipAddress,
    });
    return { kind: "reset", memberId: member.id, sessionsEnded, email: member.email } as const;
  });
  if (result.kind === "failed") return result;
  // Whoever holds the mailbox has proved it: earlier failed guesses no longer lock the account.
  await resetRateLimit(db, MEMBER_ACCOUNT_FAILURES, result.email);
  return { kind: "reset", memberId: result.memberId, sessionsEnded: result.sessionsEnded };
}
