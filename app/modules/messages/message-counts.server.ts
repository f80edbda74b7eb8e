import type { DbOrTx } from "#app/lib/db.server.ts";

// Unread counters for the two shells' badges. The counters live on the thread (incremented when the
// other side writes, reset when the reader opens it), so these are cheap sums over indexed rows.

export async function countUnreadForMember(db: DbOrTx, memberId: number): Promise<number> {
  const result = await db.messageThread.aggregate({ where: { memberId }, _sum: { memberUnreadCount: true } });
  return result._sum.memberUnreadCount ?? 0;
}

/** Threads assigned to this staff member, plus unassigned ones (anyone with member access may pick them up). */
export async function countUnreadForStaff(db: DbOrTx, staffId: number): Promise<number> {
  const result = await db.messageThread.aggregate({
    where: { OR: [{ assignedStaffId: staffId }, { assignedStaffId: null }] },
    _sum: { staffUnreadCount: true },
  });
  return result._sum.staffUnreadCount ?? 0;
}
