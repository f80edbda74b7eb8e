import type { DbOrTx } from "#app/lib/db.server.ts";
import { listNotes, type NoteTarget } from "#app/modules/notes/notes.server.ts";
import { listTasks } from "#app/modules/tasks/tasks.server.ts";

// A record's activity tab: notes, tasks and the change history: the newest audit rows on the record, each with the
// name of the staff member who made the change and the fields it changed.

export interface HistoryEntry {
  id: string;
  action: string;
  at: Date;
  /** null for a system change, a member, or a staff account that no longer exists. */
  actorName: string | null;
  /** The keys of the row's `after` object. */
  fields: string[];
}

export async function recordHistory(
  db: DbOrTx,
  entityType: string,
  entityId: number,
  take = 50,
): Promise<HistoryEntry[]> {
  const rows = await db.auditLog.findMany({
    where: { entityType, entityId: String(entityId) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, action: true, actorType: true, actorId: true, after: true, createdAt: true },
  });
  const staffIds = [...new Set(rows.flatMap((r) => (r.actorType === "staff" && r.actorId ? [r.actorId] : [])))];
  const staff = staffIds.length
    ? await db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    id: String(r.id),
    action: r.action,
    at: r.createdAt,
    actorName: r.actorType === "staff" && r.actorId ? (names.get(r.actorId) ?? null) : null,
    fields: r.after && typeof r.after === "object" && !Array.isArray(r.after) ? Object.keys(r.after) : [],
  }));
}

/** A record's activity tab: its notes and tasks (the record widgets) and its change history. */
export async function recordActivity(
  db: DbOrTx,
  target: NoteTarget,
  audited: { entityType: string; entityId: number },
  now = new Date(),
) {
  const [notes, tasks, history] = await Promise.all([
    listNotes(db, target),
    listTasks(db, target, now),
    recordHistory(db, audited.entityType, audited.entityId),
  ]);
  return { notes, tasks, history };
}
