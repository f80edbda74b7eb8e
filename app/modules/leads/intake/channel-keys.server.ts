import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { generateSecureRandomString } from "#app/modules/auth/session-token.server.ts";

// Channel API keys of a registration category: `rk_<prefix>_<secret>`. The full key is shown once at
// creation; we keep the prefix (to find the row and to show staff which key is which) and
// SHA-256(secret). Revoked keys stop working at once; rotating = create a new key, revoke the old.

const KEY_PATTERN = /^rk_([a-z2-9]{12})_([a-z2-9]{24})$/;

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export async function createChannelKey(
  tx: DbOrTx,
  input: { categoryId: number; name: string; createdById: number | null },
): Promise<{ id: number; key: string; prefix: string }> {
  const prefix = generateSecureRandomString().slice(0, 12);
  const secret = generateSecureRandomString();
  const row = await tx.channelKey.create({
    data: {
      categoryId: input.categoryId,
      name: input.name,
      prefix,
      secretHash: new Uint8Array(hashSecret(secret)),
      createdById: input.createdById,
    },
  });
  return { id: row.id, key: `rk_${prefix}_${secret}`, prefix };
}

export async function revokeChannelKey(tx: DbOrTx, keyId: number): Promise<void> {
  await tx.channelKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export interface VerifiedChannelKey {
  keyId: number;
  categoryId: number;
}

/** The category a presented key belongs to, or null (unknown, wrong secret, revoked, inactive category). */
export async function verifyChannelKey(
  db: DbOrTx,
  presented: string | null | undefined,
): Promise<VerifiedChannelKey | null> {
  const match = presented ? KEY_PATTERN.exec(presented.trim()) : null;
  if (!match) return null;
  const [, prefix, secret] = match as unknown as [string, string, string];
  const row = await db.channelKey.findUnique({
    where: { prefix },
    select: { id: true, categoryId: true, secretHash: true, revokedAt: true, category: { select: { active: true } } },
  });
  if (!row || row.revokedAt || !row.category.active) return null;
  if (!constantTimeEqual(hashSecret(secret), row.secretHash)) return null;
  return { keyId: row.id, categoryId: row.categoryId };
}

/** Bearer token from an Authorization header. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get("Authorization");
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}
