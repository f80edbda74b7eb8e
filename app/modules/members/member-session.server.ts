import type { Db, Tx } from "#app/lib/db.server.ts";
import { createRealmCookie } from "#app/modules/auth/realm-cookie.server.ts";
import { createSessionRealm, type SessionTable } from "#app/modules/auth/session-realm.server.ts";

// Members are a separate realm: own table, own cookie, same token design as staff (decision 003).
export const MEMBER_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Statuses whose sessions stay valid. Suspension, termination and deregistration end them. */
export const SIGNED_IN_STATUSES = ["active", "verified"] as const;

// Each method takes the transaction client type: on the Db | Tx union tsc gives up comparing
// Prisma's generics ("excessive stack depth"); a Db is a Tx, so every caller still fits.
const memberSessionTable: SessionTable = {
  async insert(db: Tx, row) {
    await db.memberSession.create({
      data: {
        id: row.id,
        secretHash: new Uint8Array(row.secretHash),
        memberId: row.ownerId,
        createdAt: row.now,
        lastVerifiedAt: row.now,
        expiresAt: row.expiresAt,
        ipAddress: row.ipAddress,
        userAgent: row.userAgent,
      },
    });
  },
  async find(db: Tx, id) {
    const row = await db.memberSession.findUnique({
      where: { id },
      select: { id: true, memberId: true, expiresAt: true, secretHash: true, member: { select: { status: true } } },
    });
    if (!row) return null;
    return {
      id: row.id,
      ownerId: row.memberId,
      expiresAt: row.expiresAt,
      secretHash: row.secretHash,
      ownerMaySignIn: (SIGNED_IN_STATUSES as readonly string[]).includes(row.member.status),
    };
  },
  async setExpiry(db: Tx, id, expiresAt, now) {
    await db.memberSession.update({ where: { id }, data: { expiresAt, lastVerifiedAt: now } });
  },
  async remove(db: Tx, id) {
    await db.memberSession.deleteMany({ where: { id } });
  },
  async removeAllFor(db: Tx, memberId, exceptId) {
    const result = await db.memberSession.deleteMany({
      where: { memberId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    });
    return result.count;
  },
};

export const memberSessions = createSessionRealm(memberSessionTable, MEMBER_SESSION_TTL_MS);
export const memberCookie = createRealmCookie("relay_member");

export async function purgeExpiredMemberSessions(db: Db, now = new Date()): Promise<number> {
  const result = await db.memberSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return result.count;
}
