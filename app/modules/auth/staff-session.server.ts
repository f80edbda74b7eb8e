import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { createSessionRealm, type SessionTable } from "./session-realm.server.ts";

export const STAFF_SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

const staffSessionTable: SessionTable = {
  async insert(db, row) {
    await db.staffSession.create({
      data: {
        id: row.id,
        secretHash: new Uint8Array(row.secretHash),
        staffId: row.ownerId,
        createdAt: row.now,
        lastVerifiedAt: row.now,
        expiresAt: row.expiresAt,
        ipAddress: row.ipAddress,
        userAgent: row.userAgent,
      },
    });
  },
  async find(db, id) {
    // Every signed-in request runs this: one join instead of a nested select's two queries.
    const rows = await db.$queryRaw<
      Array<{ id: string; staffId: number; expiresAt: Date; secretHash: Uint8Array; status: string }>
    >`SELECT ss.id, ss.staffId, ss.expiresAt, ss.secretHash, s.status
      FROM \`StaffSession\` ss JOIN \`Staff\` s ON s.id = ss.staffId
      WHERE ss.id = ${id}`;
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      ownerId: Number(row.staffId),
      expiresAt: new Date(row.expiresAt),
      secretHash: new Uint8Array(row.secretHash),
      ownerMaySignIn: row.status !== "inactive",
    };
  },
  async setExpiry(db, id, expiresAt, now) {
    await db.staffSession.update({ where: { id }, data: { expiresAt, lastVerifiedAt: now } });
  },
  async remove(db, id) {
    await db.staffSession.deleteMany({ where: { id } });
  },
  async removeAllFor(db, staffId, exceptId) {
    const result = await db.staffSession.deleteMany({
      where: { staffId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    });
    return result.count;
  },
};

export const staffSessions = createSessionRealm(staffSessionTable, STAFF_SESSION_TTL_MS);

export const createStaffSession = staffSessions.create;
export const validateStaffSessionToken = staffSessions.validate;
export const invalidateStaffSession = staffSessions.invalidate;

/** "Sign out everywhere", and what deactivating an account does. */
export function invalidateAllStaffSessions(db: DbOrTx, staffId: number): Promise<number> {
  return staffSessions.invalidateAll(db, staffId);
}

export async function purgeExpiredStaffSessions(db: Db, now = new Date()): Promise<number> {
  const result = await db.staffSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return result.count;
}
