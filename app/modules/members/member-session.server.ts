import type { MemberStatus } from "#app/generated/prisma/client.ts";
import type { Db, Tx } from "#app/lib/db.server.ts";
import { createRealmCookie } from "#app/modules/auth/realm-cookie.server.ts";
import { createSessionRealm, type SessionTable } from "#app/modules/auth/session-realm.server.ts";
import type { MemberLevel } from "./member-levels.ts";

// Members are a separate realm: own table, own cookie, same token design as staff (decision 003).
export const MEMBER_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Statuses whose sessions stay valid. Suspension, termination and deregistration end them. */
export const SIGNED_IN_STATUSES = ["active", "verified"] as const;

/** The member's row as every signed-in portal request needs it (member-guard.server.ts). */
export interface SessionMember {
  id: number;
  email: string;
  nickname: string;
  level: MemberLevel;
  status: MemberStatus;
  realNameVerifiedAt: Date | null;
  contactId: number | null;
  companyId: number | null;
}

// Each method takes the transaction client type: on the Db | Tx union tsc gives up comparing
// Prisma's generics ("excessive stack depth"); a Db is a Tx, so every caller still fits.
const memberSessionTable: SessionTable<SessionMember> = {
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
    // Every signed-in portal request runs this: the session and its member in one statement (a nested
    // Prisma select took two, and the guard read the member row with a third; decision 064).
    const rows = await db.$queryRaw<
      Array<Omit<SessionMember, "id"> & { id: string; memberId: number; expiresAt: Date; secretHash: Uint8Array }>
    >`SELECT ms.id, ms.memberId, ms.expiresAt, ms.secretHash, m.email, m.nickname, m.level, m.status,
             m.realNameVerifiedAt, m.contactId, m.companyId
      FROM \`MemberSession\` ms JOIN \`Member\` m ON m.id = ms.memberId
      WHERE ms.id = ${id}`;
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      ownerId: Number(row.memberId),
      expiresAt: new Date(row.expiresAt),
      secretHash: new Uint8Array(row.secretHash),
      ownerMaySignIn: (SIGNED_IN_STATUSES as readonly string[]).includes(row.status),
      owner: {
        id: Number(row.memberId),
        email: row.email,
        nickname: row.nickname,
        level: row.level,
        status: row.status,
        realNameVerifiedAt: row.realNameVerifiedAt === null ? null : new Date(row.realNameVerifiedAt),
        contactId: row.contactId === null ? null : Number(row.contactId),
        companyId: row.companyId === null ? null : Number(row.companyId),
      },
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
