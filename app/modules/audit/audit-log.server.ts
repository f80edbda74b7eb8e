import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";

export type AuditActor = { type: "staff" | "member"; id: number } | { type: "system" };

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ipAddress?: string | null;
}

/** Writes one audit row; pass the caller's transaction so the record and the change commit together. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorType: entry.actor.type,
      actorId: entry.actor.type === "system" ? null : entry.actor.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      ipAddress: entry.ipAddress ?? null,
    },
  });
}

/** Facts about the request a change came from, stored with its audit row. */
export interface AuditMeta {
  ipAddress?: string | null;
}

/** Writes one audit row for a change a staff member made. */
export function recordStaffAudit(
  tx: DbOrTx,
  actor: { staffId: number },
  entry: Omit<AuditEntry, "actor">,
): Promise<void> {
  return recordAudit(tx, { actor: { type: "staff", id: actor.staffId }, ...entry });
}

/**
 * The audit writer of one kind of record staff change: `audit(tx, actor, meta, "renamed", id,
 * before, after)` records `<actionPrefix>.renamed` on `<entityType>` #id.
 */
export function staffAuditWriter(entityType: string, actionPrefix: string) {
  return (
    tx: DbOrTx,
    actor: { staffId: number },
    meta: AuditMeta,
    action: string,
    entityId: number,
    before?: object | null,
    after?: object | null,
  ) =>
    recordStaffAudit(tx, actor, {
      action: `${actionPrefix}.${action}`,
      entityType,
      entityId,
      before: before ? { ...before } : null,
      after: after ? { ...after } : null,
      ipAddress: meta.ipAddress,
    });
}
