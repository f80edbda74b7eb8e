import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { staffOptionRows, teamOptionRows } from "#app/modules/admin/staff-options.server.ts";
import { conflict, forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere, type ScopedEntity } from "#app/modules/crm/access/record-scope.server.ts";
import { enqueueSearchSync } from "#search/search-jobs.server.ts";

// Ownership of companies and contacts (seed: "records can be transferred and shared singly or in
// bulk", 移交、共享): transfer to a colleague and share with a colleague or a team, read-only or for
// editing (RecordShare, which record-scope.server.ts reads on every request). Both need the
// `transfer` grant on the module, in the actor's scope. Every change is audited.

const INDEX = { company: "companies", contact: "contacts" } as const;

async function transferable(db: DbOrTx, actor: StaffActor, entity: ScopedEntity, ids: number[]) {
  const where = await recordScopeWhere(db, actor, entity, "transfer");
  if (!where) return null;
  const args = { where: { AND: [where, { id: { in: ids } }] }, select: { id: true, ownerId: true } };
  return entity === "company" ? db.company.findMany(args) : db.contact.findMany(args);
}

export interface TransferInput {
  entity: ScopedEntity;
  ids: number[];
  toStaffId: number;
  /** Also hand over the records' open leads and opportunities. */
  includeOpen?: boolean;
}

/** Changes the owner of one or more records (all or nothing: every id must be in scope). */
export async function transferRecords(
  db: Db,
  actor: StaffActor,
  input: TransferInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ records: number; leads: number; opportunities: number }, "toStaffId">> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0 || ids.length > 500) return invalid({}, ["recordAdmin.transfer.badSelection"]);
  const target = await db.staff.findFirst({ where: { id: input.toStaffId, status: { not: "inactive" } } });
  if (!target) return invalid({ toStaffId: ["recordAdmin.transfer.noSuchStaff"] });
  return db.$transaction(async (tx) => {
    const rows = await transferable(tx, actor, input.entity, ids);
    if (!rows) return forbidden();
    if (rows.length !== ids.length) return notFound();
    if (input.entity === "company") {
      await tx.company.updateMany({ where: { id: { in: ids } }, data: { ownerId: target.id, teamId: target.teamId } });
    } else {
      await tx.contact.updateMany({ where: { id: { in: ids } }, data: { ownerId: target.id } });
    }
    let leads = 0;
    let opportunities = 0;
    if (input.includeOpen) {
      const leadLink =
        input.entity === "company" ? { convertedCompanyId: { in: ids } } : { convertedContactId: { in: ids } };
      const oppLink = input.entity === "company" ? { companyId: { in: ids } } : { contactId: { in: ids } };
      leads = (
        await tx.lead.updateMany({
          where: { ...leadLink, deletedAt: null, status: { notIn: ["converted", "closed"] } },
          data: { ownerId: target.id },
        })
      ).count;
      opportunities = (
        await tx.opportunity.updateMany({
          where: { ...oppLink, deletedAt: null, stage: { notIn: ["won", "lost"] } },
          data: { ownerId: target.id },
        })
      ).count;
    }
    for (const row of rows) {
      await recordStaffAudit(tx, actor, {
        action: `${input.entity}.transferred`,
        entityType: input.entity,
        entityId: row.id,
        before: { ownerId: row.ownerId },
        after: { ownerId: target.id, includeOpen: input.includeOpen ?? false },
        ipAddress: meta.ipAddress,
      });
    }
    await enqueueSearchSync(tx, INDEX[input.entity], ids);
    return ok({ records: ids.length, leads, opportunities });
  });
}

export interface ShareInput {
  entity: ScopedEntity;
  id: number;
  staffId?: number | null;
  teamId?: number | null;
  canEdit: boolean;
}

/** Shares a record with one colleague or one team; sharing again updates read/edit. */
export async function shareRecord(
  db: Db,
  actor: StaffActor,
  input: ShareInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ shareId: number }, "staffId">> {
  const staffId = input.staffId ?? null;
  const teamId = input.teamId ?? null;
  if ((staffId === null) === (teamId === null)) return invalid({ staffId: ["recordAdmin.share.pickOne"] });
  if (staffId !== null && !(await db.staff.findFirst({ where: { id: staffId, status: { not: "inactive" } } }))) {
    return invalid({ staffId: ["recordAdmin.transfer.noSuchStaff"] });
  }
  if (teamId !== null && !(await db.team.findUnique({ where: { id: teamId } }))) {
    return invalid({ staffId: ["recordAdmin.share.noSuchTeam"] });
  }
  return db.$transaction(async (tx) => {
    const rows = await transferable(tx, actor, input.entity, [input.id]);
    if (!rows) return forbidden();
    if (rows.length === 0) return notFound();
    if (staffId !== null && rows[0]?.ownerId === staffId) return conflict("recordAdmin.share.alreadyOwner");
    const existing = await tx.recordShare.findFirst({
      where: { entityType: input.entity, recordId: input.id, staffId, teamId },
    });
    const share = existing
      ? await tx.recordShare.update({ where: { id: existing.id }, data: { canEdit: input.canEdit } })
      : await tx.recordShare.create({
          data: {
            entityType: input.entity,
            recordId: input.id,
            staffId,
            teamId,
            canEdit: input.canEdit,
            grantedById: actor.staffId,
          },
        });
    await recordStaffAudit(tx, actor, {
      action: `${input.entity}.shared`,
      entityType: input.entity,
      entityId: input.id,
      before: existing ? { canEdit: existing.canEdit } : null,
      after: { staffId, teamId, canEdit: input.canEdit },
      ipAddress: meta.ipAddress,
    });
    return ok({ shareId: share.id });
  });
}

/** Removes a share; the colleague loses access on their next request. */
export async function revokeShare(
  db: Db,
  actor: StaffActor,
  shareId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ entity: ScopedEntity; recordId: number }>> {
  return db.$transaction(async (tx) => {
    const share = await tx.recordShare.findUnique({ where: { id: shareId } });
    if (!share || (share.entityType !== "company" && share.entityType !== "contact")) return notFound();
    const entity: ScopedEntity = share.entityType;
    const rows = await transferable(tx, actor, entity, [share.recordId]);
    if (!rows) return forbidden();
    if (rows.length === 0) return notFound();
    await tx.recordShare.delete({ where: { id: shareId } });
    await recordStaffAudit(tx, actor, {
      action: `${entity}.unshared`,
      entityType: entity,
      entityId: share.recordId,
      before: { staffId: share.staffId, teamId: share.teamId, canEdit: share.canEdit },
      ipAddress: meta.ipAddress,
    });
    return ok({ entity, recordId: share.recordId });
  });
}

export interface ShareRow {
  id: number;
  staffName: string | null;
  teamName: string | null;
  canEdit: boolean;
  createdAt: Date;
}

/** Shares of a record, for those who may change them (null otherwise). */
export async function listShares(
  db: DbOrTx,
  actor: StaffActor,
  entity: ScopedEntity,
  id: number,
): Promise<ShareRow[] | null> {
  const rows = await transferable(db, actor, entity, [id]);
  if (!rows || rows.length === 0) return null;
  const shares = await db.recordShare.findMany({
    where: { entityType: entity, recordId: id },
    include: { staff: { select: { name: true } }, team: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  return shares.map((s) => ({
    id: s.id,
    staffName: s.staff?.name ?? null,
    teamName: s.team?.name ?? null,
    canEdit: s.canEdit,
    createdAt: s.createdAt,
  }));
}

/** Active colleagues and teams to pick from in the transfer / share dialogs. */
export async function ownershipChoices(db: DbOrTx) {
  const [staff, teams] = await Promise.all([staffOptionRows(db), teamOptionRows(db)]);
  return {
    staff: staff.filter((s) => s.status !== "inactive").map(({ id, name }) => ({ id, name })),
    teams: teams.map(({ id, name }) => ({ id, name })),
  };
}

/**
 * What the record actions menu offers on one record: whether the actor may transfer/share it,
 * delete it, merge it, the current shares and the merges they may still undo. Null when the actor
 * may not see the record at all.
 */
export async function ownershipPanel(db: DbOrTx, actor: StaffActor, entity: ScopedEntity, id: number) {
  const browse = await recordScopeWhere(db, actor, entity, "browse");
  if (!browse) return null;
  const args = { where: { AND: [browse, { id }] } };
  const visible = entity === "company" ? await db.company.count(args) : await db.contact.count(args);
  if (visible === 0) return null;
  const inScope = async (action: "transfer" | "delete" | "modify") => {
    const where = await recordScopeWhere(db, actor, entity, action);
    if (!where) return false;
    const a = { where: { AND: [where, { id }] } };
    return (entity === "company" ? await db.company.count(a) : await db.contact.count(a)) > 0;
  };
  const [canTransfer, canDelete, canModify] = await Promise.all([
    inScope("transfer"),
    inScope("delete"),
    inScope("modify"),
  ]);
  const [shares, choices, merges] = await Promise.all([
    canTransfer ? listShares(db, actor, entity, id) : Promise.resolve(null),
    canTransfer ? ownershipChoices(db) : Promise.resolve({ staff: [], teams: [] }),
    canModify
      ? db.recordMerge.findMany({
          where: {
            entityType: entity,
            survivorId: id,
            undoneAt: null,
            createdAt: { gte: new Date(Date.now() - 30 * 86_400_000) },
          },
          orderBy: { id: "desc" },
          select: { id: true, mergedIds: true, createdAt: true },
          take: 5,
        })
      : Promise.resolve([]),
  ]);
  return {
    entity,
    id,
    canTransfer,
    canDelete,
    canMerge: canModify,
    shares: shares ?? [],
    ...choices,
    merges: merges.map((m) => ({
      id: m.id,
      count: Array.isArray(m.mergedIds) ? m.mergedIds.length : 0,
      createdAt: m.createdAt,
    })),
  };
}
export type OwnershipPanel = NonNullable<Awaited<ReturnType<typeof ownershipPanel>>>;
