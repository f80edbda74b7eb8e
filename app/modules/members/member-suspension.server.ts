import type { DbOrTx } from "#app/lib/db.server.ts";

/**
 * A timed suspension ends by itself: the first time the member is looked at after `suspendedUntil`
 * (sign-in, staff view), the status returns to what it was. Returns true when it lifted one.
 */
export async function liftExpiredSuspension(db: DbOrTx, memberId: number, now = new Date()): Promise<boolean> {
  const member = await db.member.findUnique({
    where: { id: memberId },
    select: { status: true, suspendedUntil: true, resumeStatus: true },
  });
  if (!member || member.status !== "suspended" || !member.suspendedUntil || member.suspendedUntil > now) return false;
  const result = await db.member.updateMany({
    where: { id: memberId, status: "suspended", suspendedUntil: member.suspendedUntil },
    data: { status: member.resumeStatus ?? "active", resumeStatus: null, suspendedUntil: null, suspensionReason: null },
  });
  return result.count === 1;
}
