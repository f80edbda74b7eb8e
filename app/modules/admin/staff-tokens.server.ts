import type { StaffTokenPurpose } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { newSessionToken, parseSessionToken, secretMatches } from "#app/modules/auth/session-token.server.ts";

// Single-use links e-mailed to staff (invitation, password reset). Same shape as sessions and member
// links: `id.secret`, only SHA-256(secret) stored; issuing a new one voids the older unused ones.

export const STAFF_TOKEN_TTL_MS: Record<StaffTokenPurpose, number> = {
  invite: 7 * 24 * 60 * 60 * 1000,
  password_reset: 24 * 60 * 60 * 1000,
};

export async function issueStaffToken(
  tx: DbOrTx,
  staffId: number,
  purpose: StaffTokenPurpose,
  options: { createdById?: number; now?: Date } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  // Either kind of link sets the password, so a new one voids every unused older link.
  await tx.staffToken.deleteMany({ where: { staffId, usedAt: null } });
  const { id, token, secretHash } = newSessionToken();
  const expiresAt = new Date(now.getTime() + STAFF_TOKEN_TTL_MS[purpose]);
  await tx.staffToken.create({
    data: {
      id,
      secretHash: new Uint8Array(secretHash),
      staffId,
      purpose,
      expiresAt,
      createdById: options.createdById ?? null,
      createdAt: now,
    },
  });
  return { token, expiresAt };
}

export type PresentedStaffToken =
  | { ok: true; id: string; staffId: number; purpose: StaffTokenPurpose }
  | { ok: false; reason: "invalid" | "expired" | "used" };

/** What a presented link is, without burning it. */
export async function inspectStaffToken(tx: DbOrTx, token: string, now = new Date()): Promise<PresentedStaffToken> {
  const parsed = parseSessionToken(token);
  if (!parsed) return { ok: false, reason: "invalid" };
  const row = await tx.staffToken.findUnique({ where: { id: parsed.id } });
  if (!row || !secretMatches(parsed.secret, row.secretHash)) return { ok: false, reason: "invalid" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, id: row.id, staffId: row.staffId, purpose: row.purpose };
}

/** Checks and burns a link in one step: of two concurrent uses exactly one succeeds. */
export async function consumeStaffToken(tx: DbOrTx, token: string, now = new Date()): Promise<PresentedStaffToken> {
  const presented = await inspectStaffToken(tx, token, now);
  if (!presented.ok) return presented;
  const burned = await tx.staffToken.updateMany({ where: { id: presented.id, usedAt: null }, data: { usedAt: now } });
  if (burned.count !== 1) return { ok: false, reason: "used" };
  return presented;
}
