import type { MemberTokenPurpose } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { newSessionToken, parseSessionToken, secretMatches } from "#app/modules/auth/session-token.server.ts";

// Single-use links e-mailed to members (activation, password reset, e-mail change). Same token shape
// as sessions: `id.secret`, only SHA-256(secret) stored. Issuing a new one voids older unused ones.

export const TOKEN_TTL_MS: Record<MemberTokenPurpose, number> = {
  activation: 48 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
  email_change: 24 * 60 * 60 * 1000,
};

export async function issueMemberToken(
  tx: DbOrTx,
  memberId: number,
  purpose: MemberTokenPurpose,
  options: { newEmail?: string; now?: Date } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  await tx.memberToken.deleteMany({ where: { memberId, purpose, usedAt: null } });
  const { id, token, secretHash } = newSessionToken();
  await tx.memberToken.create({
    data: {
      id,
      secretHash: new Uint8Array(secretHash),
      memberId,
      purpose,
      newEmail: options.newEmail ?? null,
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
      createdAt: now,
    },
  });
  return token;
}

export type ConsumedToken =
  { ok: true; memberId: number; newEmail: string | null } | { ok: false; reason: "invalid" | "expired" | "used" };

/** Checks and burns a token in one step: of two concurrent uses, exactly one succeeds. */
export async function consumeMemberToken(
  tx: DbOrTx,
  token: string,
  purpose: MemberTokenPurpose,
  now = new Date(),
): Promise<ConsumedToken> {
  const parsed = parseSessionToken(token);
  if (!parsed) return { ok: false, reason: "invalid" };
  const row = await tx.memberToken.findUnique({ where: { id: parsed.id } });
  if (!row || row.purpose !== purpose || !secretMatches(parsed.secret, row.secretHash))
    return { ok: false, reason: "invalid" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  const burned = await tx.memberToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  if (burned.count !== 1) return { ok: false, reason: "used" };
  return { ok: true, memberId: row.memberId, newEmail: row.newEmail };
}

/** Whether a token is currently usable, without burning it (to render the reset form). */
export async function peekMemberToken(
  tx: DbOrTx,
  token: string,
  purpose: MemberTokenPurpose,
  now = new Date(),
): Promise<boolean> {
  const parsed = parseSessionToken(token);
  if (!parsed) return false;
  const row = await tx.memberToken.findUnique({ where: { id: parsed.id } });
  return (
    !!row &&
    row.purpose === purpose &&
    !row.usedAt &&
    row.expiresAt > now &&
    secretMatches(parsed.secret, row.secretHash)
  );
}
