import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { newSessionToken, parseSessionToken, secretMatches } from "./session-token.server.ts";

// Sliding expiry: a session lives SESSION_TTL after its last use; we only write the new expiry when
// less than half of it remains, so an active user costs one UPDATE per few days, not per request.
export const STAFF_SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
const EXTEND_WHEN_REMAINING_MS = STAFF_SESSION_TTL_MS / 2;

export interface StaffSessionRecord {
  id: string;
  staffId: number;
  expiresAt: Date;
}

export async function createStaffSession(
  db: DbOrTx,
  staffId: number,
  meta: { ipAddress?: string | null; userAgent?: string | null } = {},
  now = new Date(),
): Promise<{ token: string; session: StaffSessionRecord }> {
  const { id, token, secretHash } = newSessionToken();
  const expiresAt = new Date(now.getTime() + STAFF_SESSION_TTL_MS);
  await db.staffSession.create({
    data: {
      id,
      secretHash: new Uint8Array(secretHash),
      staffId,
      createdAt: now,
      lastVerifiedAt: now,
      expiresAt,
      ipAddress: meta.ipAddress ?? null,
      userAgent: meta.userAgent ?? null,
    },
  });
  return { token, session: { id, staffId, expiresAt } };
}

export interface ValidatedStaffSession {
  session: StaffSessionRecord;
  /** True when the expiry moved: the cookie must be re-sent with the new Max-Age. */
  refreshed: boolean;
}

export async function validateStaffSessionToken(db: Db, token: string | null | undefined, now = new Date()): Promise<ValidatedStaffSession | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const row = await db.staffSession.findUnique({
    where: { id: parsed.id },
    select: { id: true, staffId: true, expiresAt: true, secretHash: true, staff: { select: { status: true } } },
  });
  if (!row) return null;
  if (!secretMatches(parsed.secret, row.secretHash)) return null;
  if (row.expiresAt.getTime() <= now.getTime() || row.staff.status === "inactive") {
    await db.staffSession.deleteMany({ where: { id: row.id } });
    return null;
  }
  let expiresAt = row.expiresAt;
  let refreshed = false;
  if (row.expiresAt.getTime() - now.getTime() < EXTEND_WHEN_REMAINING_MS) {
    expiresAt = new Date(now.getTime() + STAFF_SESSION_TTL_MS);
    await db.staffSession.update({ where: { id: row.id }, data: { expiresAt, lastVerifiedAt: now } });
    refreshed = true;
  }
  return { session: { id: row.id, staffId: row.staffId, expiresAt }, refreshed };
}

export async function invalidateStaffSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.staffSession.deleteMany({ where: { id: sessionId } });
}

/** "Sign out everywhere", and what deactivating an account does. */
export async function invalidateAllStaffSessions(db: DbOrTx, staffId: number): Promise<number> {
  const result = await db.staffSession.deleteMany({ where: { staffId } });
  return result.count;
}

export async function purgeExpiredStaffSessions(db: Db, now = new Date()): Promise<number> {
  const result = await db.staffSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return result.count;
}
