import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { describeUserAgent, type DeviceDescription } from "#app/lib/user-agent.ts";
import { recordAudit } from "#app/modules/audit/audit-log.server.ts";
import { auditedChange } from "#app/modules/audit/audited-change.server.ts";
import type { AccountActor } from "./member-reauth.server.ts";
import { memberSessions } from "./member-session.server.ts";

// The member's signed-in devices (/account/security): list them, sign out one or all the others.

export interface SessionRow {
  id: string;
  createdAt: Date;
  lastVerifiedAt: Date;
  ipAddress: string | null;
  device: DeviceDescription;
  current: boolean;
}

export async function listMemberSessions(
  db: DbOrTx,
  memberId: number,
  currentSessionId: string,
  now = new Date(),
): Promise<SessionRow[]> {
  const rows = await db.memberSession.findMany({
    where: { memberId, expiresAt: { gt: now } },
    orderBy: [{ lastVerifiedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, createdAt: true, lastVerifiedAt: true, ipAddress: true, userAgent: true },
  });
  const sessions = rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    lastVerifiedAt: row.lastVerifiedAt,
    ipAddress: row.ipAddress,
    device: describeUserAgent(row.userAgent),
    current: row.id === currentSessionId,
  }));
  // This device first.
  return sessions.sort((a, b) => Number(b.current) - Number(a.current));
}

/** "Sign out other devices": every session but the current one. */
export async function signOutOtherSessions(db: Db, actor: AccountActor): Promise<number> {
  return auditedChange(
    db,
    (tx) => memberSessions.invalidateAll(tx, actor.memberId, actor.sessionId),
    (count) => ({
      actor: { type: "member", id: actor.memberId },
      action: "member.sessions_revoked",
      entityType: "Member",
      entityId: actor.memberId,
      after: { signedOutSessions: count },
      ipAddress: actor.ipAddress,
    }),
  );
}

/** Signs out one other device of this member (never someone else's session, never this one). */
export async function signOutSession(db: Db, actor: AccountActor, sessionId: string): Promise<boolean> {
  if (sessionId === actor.sessionId) return false;
  return db.$transaction(async (tx) => {
    const result = await tx.memberSession.deleteMany({ where: { id: sessionId, memberId: actor.memberId } });
    if (result.count === 0) return false;
    await recordAudit(tx, {
      actor: { type: "member", id: actor.memberId },
      action: "member.session_revoked",
      entityType: "MemberSession",
      entityId: sessionId,
      ipAddress: actor.ipAddress,
    });
    return true;
  });
}
