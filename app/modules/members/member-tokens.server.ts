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

/** The stored token a link presents, when it is one of `purpose` with the right secret; else null. */
export async function findPresentedToken(tx: DbOrTx, token: string, purpose: MemberTokenPurpose) {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const row = await tx.memberToken.findUnique({ where: { id: parsed.id } });
  return row && row.purpose === purpose && secretMatches(parsed.secret, row.secretHash) ? row : null;
}

/** Why a presented token can no longer be used, or null while it still can. */
export function spentTokenReason(row: { usedAt: Date | null; expiresAt: Date }, now: Date): "used" | "expired" | null {
  if (row.usedAt) return "used";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return null;
}

/** Checks and burns a token in one step: of two concurrent uses, exactly one succeeds. */
export async function consumeMemberToken(
  tx: DbOrTx,
  token: string,
  purpose: MemberTokenPurpose,
  now = new Date(),
): Promise<ConsumedToken> {
  const row = await findPresentedToken(tx, token, purpose);
  if (!row) return { ok: false, reason: "invalid" };
  const spent = spentTokenReason(row, now);
  if (spent) return { ok: false, reason: spent };
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
  const row = await findPresentedToken(tx, token, purpose);
  return !!row && spentTokenReason(row, now) === null;
}
