import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { invalid, notFound, ok, rateLimited, type ServiceResult } from "#app/lib/service-result.ts";
import { recordAudit } from "#app/modules/audit/audit-log.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { hitRateLimit, type RateLimitRule } from "#app/modules/auth/rate-limit.server.ts";
import { sendEmail } from "#emails/send-email.server.ts";
import type { EmailChangeInput, PasswordChangeInput } from "./member-account-schemas.ts";
import { loadActiveMember, reauthenticate, type AccountActor } from "./member-reauth.server.ts";
import { uniqueViolation } from "./member-registration.server.ts";
import { memberSessions } from "./member-session.server.ts";
import {
  consumeMemberToken,
  findPresentedToken,
  issueMemberToken,
  spentTokenReason,
  TOKEN_TTL_MS,
} from "./member-tokens.server.ts";

// The member's credentials (/account/security and the e-mail confirmation link): password change
// and the re-verified e-mail change. Both need the current password first.

/** Verification mails for e-mail changes: enough for typos, not enough to mail-bomb an address. */
export const EMAIL_CHANGE_REQUESTS: RateLimitRule = { scope: "member-email-change", limit: 5, windowMs: 60 * 60_000 };

function absoluteUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}

export type ChangePasswordResult = ServiceResult<{ signedOutSessions: number }, "currentPassword">;

/** Changes the password and signs out every other session (ASVS 7.4.3); this one stays. */
export async function changeMemberPassword(
  db: Db,
  actor: AccountActor,
  input: PasswordChangeInput,
): Promise<ChangePasswordResult> {
  const member = await loadActiveMember(db, actor.memberId);
  if (!member) return notFound();
  const refused = await reauthenticate(db, member, input.currentPassword, "currentPassword");
  if (refused) return refused;
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: member.id }, data: { passwordHash } });
    const signedOutSessions = await memberSessions.invalidateAll(tx, member.id, actor.sessionId);
    // A reset link still in someone's mailbox must not undo the change.
    await tx.memberToken.deleteMany({ where: { memberId: member.id, purpose: "password_reset", usedAt: null } });
    await recordAudit(tx, {
      actor: { type: "member", id: member.id },
      action: "member.password_changed",
      entityType: "Member",
      entityId: member.id,
      after: { signedOutSessions },
      ipAddress: actor.ipAddress,
    });
    return ok({ signedOutSessions });
  });
}

export type RequestEmailChangeResult = ServiceResult<{ newEmail: string }, "currentPassword" | "newEmail">;

/**
 * Re-authenticates, then mails a 24-hour link to the NEW address. An address that belongs to another
 * member gets the very same answer but no mail, so the form cannot be used to find out who is a member.
 */
export async function requestEmailChange(
  db: Db,
  actor: AccountActor,
  input: EmailChangeInput,
  options: { locale: Locale; now?: Date },
): Promise<RequestEmailChangeResult> {
  const member = await loadActiveMember(db, actor.memberId);
  if (!member) return notFound();
  const refused = await reauthenticate(db, member, input.currentPassword, "currentPassword");
  if (refused) return refused;
  if (input.newEmail === member.email.toLowerCase()) {
    return invalid({ newEmail: ["account.validation.emailUnchanged"] });
  }
  const quota = await hitRateLimit(db, EMAIL_CHANGE_REQUESTS, String(member.id));
  if (quota.count > EMAIL_CHANGE_REQUESTS.limit) {
    return rateLimited(quota.retryAfterSeconds, "account.security.email.rateLimited");
  }

  const now = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    const owner = await tx.member.findUnique({ where: { email: input.newEmail }, select: { id: true } });
    const free = owner === null;
    if (free) {
      const token = await issueMemberToken(tx, member.id, "email_change", { newEmail: input.newEmail, now });
      await sendEmail(tx, {
        to: input.newEmail,
        template: "member-email-change",
        locale: options.locale,
        props: {
          nickname: member.nickname,
          newEmail: input.newEmail,
          confirmUrl: absoluteUrl(`/account/email/confirm?token=${encodeURIComponent(token)}`),
          expiresAt: new Date(now.getTime() + TOKEN_TTL_MS.email_change),
        },
      });
    }
    await recordAudit(tx, {
      actor: { type: "member", id: member.id },
      action: "member.email_change_requested",
      entityType: "Member",
      entityId: member.id,
      // Staff may see that the address was taken; the member never does.
      after: { newEmail: input.newEmail, verificationSent: free },
      ipAddress: actor.ipAddress,
    });
  });
  return ok({ newEmail: input.newEmail });
}

export type EmailTokenState =
  { ok: true; newEmail: string; expiresAt: Date } | { ok: false; reason: "invalid" | "expired" | "used" };

/** What an e-mail change link would do, without using it (for the confirmation page). */
export async function inspectEmailChangeToken(
  db: DbOrTx,
  memberId: number,
  token: string,
  now = new Date(),
): Promise<EmailTokenState> {
  const row = await findPresentedToken(db, token, "email_change");
  // A link for another account is "invalid" for this one: it never reveals whose it is.
  if (!row || row.memberId !== memberId || !row.newEmail) return { ok: false, reason: "invalid" };
  const spent = spentTokenReason(row, now);
  if (spent) return { ok: false, reason: spent };
  return { ok: true, newEmail: row.newEmail, expiresAt: row.expiresAt };
}

/** The confirmation page's outcomes: each has its own page text (`account.emailConfirm.<kind>.*`). */
export type ConfirmEmailChangeResult =
  { kind: "ok"; newEmail: string } | { kind: "invalid" | "expired" | "used" | "taken" };

/**
 * Applies an e-mail change link for the signed-in member: burns the token, re-checks that the address
 * is still free, switches it, and tells the OLD address (so a hijacked account is noticed).
 */
export async function confirmEmailChange(
  db: Db,
  actor: Pick<AccountActor, "memberId" | "ipAddress">,
  token: string,
  options: { locale: Locale; now?: Date },
): Promise<ConfirmEmailChangeResult> {
  const now = options.now ?? new Date();
  const state = await inspectEmailChangeToken(db, actor.memberId, token, now);
  if (!state.ok) return { kind: state.reason };
  try {
    return await db.$transaction(async (tx) => {
      const member = await loadActiveMember(tx, actor.memberId);
      if (!member) return { kind: "invalid" } as const;
      const consumed = await consumeMemberToken(tx, token, "email_change", now);
      if (!consumed.ok) return { kind: consumed.reason } as const;
      const newEmail = consumed.newEmail ?? state.newEmail;
      const owner = await tx.member.findUnique({ where: { email: newEmail }, select: { id: true } });
      if (owner && owner.id !== member.id) return { kind: "taken" } as const;
      const oldEmail = member.email;
      await tx.member.update({ where: { id: member.id }, data: { email: newEmail } });
      // Reset links went to the old mailbox; they must not outlive the change.
      await tx.memberToken.deleteMany({ where: { memberId: member.id, purpose: "password_reset", usedAt: null } });
      await sendEmail(tx, {
        to: oldEmail,
        template: "member-email-changed",
        locale: options.locale,
        props: { nickname: member.nickname, oldEmail, newEmail, changedAt: now, helpUrl: absoluteUrl("/login") },
      });
      await recordAudit(tx, {
        actor: { type: "member", id: member.id },
        action: "member.email_changed",
        entityType: "Member",
        entityId: member.id,
        before: { email: oldEmail },
        after: { email: newEmail },
        ipAddress: actor.ipAddress,
      });
      return { kind: "ok", newEmail } as const;
    });
  } catch (error) {
    // The address was taken between our check and the update; the token stays burned (the
    // transaction rolled back, so burn it again outside to keep "single use" true).
    if (uniqueViolation(error) === "email") {
      await consumeMemberToken(db, token, "email_change", now);
      return { kind: "taken" };
    }
    throw error;
  }
}
