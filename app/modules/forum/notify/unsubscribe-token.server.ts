import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { DbOrTx } from "#app/lib/db.server.ts";

// One-click unsubscribe tokens (RFC 8058): "<memberId>.<HMAC-SHA256>", no expiry (a mail may be read
// months later) and no sign-in needed. The key is random per installation, made on first use and kept
// in the Setting table, so no deployment has to configure a secret and none ships a default one.

const KEY_SETTING = "forum.unsubscribeKey";

async function signingKey(db: DbOrTx): Promise<Buffer> {
  const fresh = randomBytes(32).toString("base64url");
  // INSERT IGNORE: two processes making the key at once keep the first one.
  await db.$executeRaw`INSERT IGNORE INTO \`Setting\` (\`key\`, \`value\`, \`updatedAt\`)
    VALUES (${KEY_SETTING}, ${JSON.stringify(fresh)}, NOW(3))`;
  const row = await db.setting.findUniqueOrThrow({ where: { key: KEY_SETTING } });
  return Buffer.from(String(row.value), "utf8");
}

function mac(key: Buffer, memberId: number): string {
  return createHmac("sha256", key).update(`forum-unsubscribe:${memberId}`).digest("base64url");
}

export async function unsubscribeToken(db: DbOrTx, memberId: number): Promise<string> {
  return `${memberId}.${mac(await signingKey(db), memberId)}`;
}

/** The member id of a well-formed token with a valid signature, else null. */
export async function verifyUnsubscribeToken(db: DbOrTx, token: string | undefined): Promise<number | null> {
  const match = /^([1-9]\d{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!match) return null;
  const memberId = Number(match[1]);
  if (!Number.isSafeInteger(memberId) || memberId > 2_147_483_647) return null;
  const expected = Buffer.from(mac(await signingKey(db), memberId));
  const given = Buffer.from(match[2] ?? "");
  return expected.length === given.length && timingSafeEqual(expected, given) ? memberId : null;
}
