import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import { conflict, forbidden, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordAudit, type AuditActor, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { scopeFor, teamScopeIds, type Scope } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { noteRecordsChanged } from "#search/fuzzy/contact-index.server.ts";
import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import type { SearchIndexName } from "#search/indexes.ts";
import { getSetting, setSetting } from "#app/modules/settings/settings.server.ts";
import { BIN_ENTITIES, BIN_MODULE, recycleBinScope, type BinEntity } from "./bin-permission.ts";

// The recycle bin (回收站, seed §2.P.8): deleting a company, contact, lead or opportunity sets
// `deletedAt`/`deletedById` and keeps every relation, so restoring brings the record back whole.
// Every other query leaves binned rows out (record-scope.server.ts, the lead and opportunity
// services, the search indexers). Purging refuses records history must keep.

const INDEX: Record<BinEntity, SearchIndexName> = {
  company: "companies",
  contact: "contacts",
  lead: "leads",
  opportunity: "opportunities",
};

type OwnerWhere = { ownerId?: number; owner?: { teamId: { in: number[] } } } | Record<string, never>;

/** Owner filter of a scope for leads/opportunities (they carry an owner, not the record-scope shares). */
function ownerWhere(actor: StaffActor, scope: Scope): OwnerWhere | null {
  if (scope === "all") return {};
  if (scope === "own") return { ownerId: actor.staffId };
  const teams = teamScopeIds(actor);
  return teams.length > 0 ? { owner: { teamId: { in: teams } } } : { ownerId: actor.staffId };
}

/** `where` for live records of `entity` the actor may delete, or null without the grant. */
async function deletableWhere(db: DbOrTx, actor: StaffActor, entity: BinEntity): Promise<object | null> {
  if (entity === "company" || entity === "contact") return recordScopeWhere(db, actor, entity, "delete");
  const scope = scopeFor(actor, BIN_MODULE[entity], "delete");
  if (scope === null) return null;
  return { deletedAt: null, ...ownerWhere(actor, scope) };
}

/** `where` for binned records of `entity` the actor may see in the bin, or null. */
function binWhere(actor: StaffActor, entity: BinEntity): object | null {
  const scope = recycleBinScope(actor, BIN_MODULE[entity]);
  if (scope === null) return null;
  return { deletedAt: { not: null }, ...ownerWhere(actor, scope) };
}

// Prisma's delegates differ per model; this small table keeps the four cases in one place.
function delegate(tx: DbOrTx, entity: BinEntity) {
  const d = {
    company: tx.company,
    contact: tx.contact,
    lead: tx.lead,
    opportunity: tx.opportunity,
  }[entity] as unknown as {
    count(args: { where: object }): Promise<number>;
    findFirst(args: { where: object; select?: object }): Promise<Record<string, unknown> | null>;
    updateMany(args: { where: object; data: object }): Promise<{ count: number }>;
    deleteMany(args: { where: object }): Promise<{ count: number }>;
  };
  return d;
}

function staffActorAudit(actor: StaffActor): AuditActor {
  return { type: "staff", id: actor.staffId };
}

export interface DeleteInput {
  entity: BinEntity;
  id: number;
  /** Companies only: bin the company's live contacts too (restored with it). */
  withContacts?: boolean;
}

/** Moves a record to the bin. Relations stay; the record disappears from lists, pages and search. */
export async function moveToBin(
  db: Db,
  actor: StaffActor,
  input: DeleteInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ contacts: number }>> {
  const where = await deletableWhere(db, actor, input.entity);
  if (!where) return forbidden();
  let contactIds: number[] = [];
  const result = await db.$transaction(async (tx): Promise<ServiceResult<{ contacts: number }>> => {
    const now = new Date();
    const data = { deletedAt: now, deletedById: actor.staffId };
    const moved = await delegate(tx, input.entity).updateMany({ where: { AND: [where, { id: input.id }] }, data });
    if (moved.count === 0) return notFound();
    if (input.entity === "company" && input.withContacts) {
      const contactScope = await recordScopeWhere(tx, actor, "contact", "delete");
      if (contactScope) {
        const rows = await tx.contact.findMany({
          where: { AND: [contactScope, { companyId: input.id }] },
          select: { id: true },
        });
        contactIds = rows.map((r) => r.id);
        // Same timestamp as the company: that is how restore knows which contacts went with it.
        if (contactIds.length > 0) await tx.contact.updateMany({ where: { id: { in: contactIds } }, data });
      }
    }
    await recordAudit(tx, {
      actor: staffActorAudit(actor),
      action: `${input.entity}.binned`,
      entityType: input.entity,
      entityId: input.id,
      after: { deletedAt: now.toISOString(), contacts: contactIds },
      ipAddress: meta.ipAddress,
    });
    await enqueueSearchSync(tx, INDEX[input.entity], [input.id]);
    if (contactIds.length > 0) await enqueueSearchSync(tx, "contacts", contactIds);
    return ok({ contacts: contactIds.length });
  });
  if (result.status === "ok") noteBinChange(input.entity, [input.id], contactIds, true);
  return result;
}

/** Binned records stop being match candidates at once; restored ones are matched again at once. */
function noteBinChange(entity: BinEntity, ids: number[], contactIds: number[], gone: boolean): void {
  if (entity === "company" || entity === "contact") noteRecordsChanged(entity, ids, gone);
  if (contactIds.length > 0) noteRecordsChanged("contact", contactIds, gone);
}

export interface BinRow {
  id: number;
  label: string;
  number: string;
  deletedAt: Date;
  deletedBy: string | null;
  ownerName: string | null;
  mergedIntoId: number | null;
}

export const BIN_PAGE_SIZE = 50;

/** One page of the bin for one type, newest first; null when the actor has no bin permission. */
export async function listBin(
  db: DbOrTx,
  actor: StaffActor,
  entity: BinEntity,
  page = 1,
): Promise<{ rows: BinRow[]; total: number; page: number } | null> {
  const where = binWhere(actor, entity);
  if (!where) return null;
  const skip = (Math.max(1, page) - 1) * BIN_PAGE_SIZE;
  const args = { where, orderBy: [{ deletedAt: "desc" as const }, { id: "desc" as const }], skip, take: BIN_PAGE_SIZE };
  const owner = { select: { name: true } };
  let rows: Array<Omit<BinRow, "deletedBy"> & { deletedById: number | null }>;
  if (entity === "company") {
    const found = await db.company.findMany({
      ...args,
      select: { id: true, name: true, number: true, deletedAt: true, deletedById: true, mergedIntoId: true, owner },
    });
    rows = found.map((r) => ({
      ...r,
      label: r.name,
      deletedAt: r.deletedAt ?? new Date(0),
      ownerName: r.owner?.name ?? null,
    }));
  } else if (entity === "contact") {
    const found = await db.contact.findMany({
      ...args,
      select: { id: true, fullName: true, number: true, deletedAt: true, deletedById: true, mergedIntoId: true, owner },
    });
    rows = found.map((r) => ({
      ...r,
      label: r.fullName,
      deletedAt: r.deletedAt ?? new Date(0),
      ownerName: r.owner?.name ?? null,
    }));
  } else if (entity === "lead") {
    const found = await db.lead.findMany({
      ...args,
      select: {
        id: true,
        contactName: true,
        companyName: true,
        number: true,
        deletedAt: true,
        deletedById: true,
        owner,
      },
    });
    rows = found.map((r) => ({
      ...r,
      label: [r.contactName, r.companyName].filter(Boolean).join(" · ") || r.number,
      deletedAt: r.deletedAt ?? new Date(0),
      ownerName: r.owner.name,
      mergedIntoId: null,
    }));
  } else {
    const found = await db.opportunity.findMany({
      ...args,
      select: { id: true, name: true, number: true, deletedAt: true, deletedById: true, owner },
    });
    rows = found.map((r) => ({
      ...r,
      label: r.name,
      deletedAt: r.deletedAt ?? new Date(0),
      ownerName: r.owner.name,
      mergedIntoId: null,
    }));
  }
  const total = await delegate(db, entity).count({ where });
  const deleterIds = [...new Set(rows.map((r) => r.deletedById).filter((id): id is number => id !== null))];
  const deleters = new Map(
    (await db.staff.findMany({ where: { id: { in: deleterIds } }, select: { id: true, name: true } })).map((s) => [
      s.id,
      s.name,
    ]),
  );
  return {
    total,
    page: Math.max(1, page),
    rows: rows.map(({ deletedById, ...r }) => ({
      ...r,
      deletedBy: deletedById === null ? null : (deleters.get(deletedById) ?? null),
    })),
  };
}

/** Restores a binned record (and, for a company, the contacts binned with it). */
export async function restoreFromBin(
  db: Db,
  actor: StaffActor,
  entity: BinEntity,
  id: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ contacts: number }>> {
  const where = binWhere(actor, entity);
  if (!where) return forbidden();
  let contactIds: number[] = [];
  const result = await db.$transaction(async (tx): Promise<ServiceResult<{ contacts: number }>> => {
    const row = await delegate(tx, entity).findFirst({ where: { AND: [where, { id }] } });
    if (!row) return notFound();
    // A merged record comes back through the merge's undo, which also moves its relations back.
    if (row.mergedIntoId !== undefined && row.mergedIntoId !== null) return conflict("recordAdmin.bin.mergedUseUndo");
    const deletedAt = row.deletedAt as Date;
    const restore = { deletedAt: null, deletedById: null };
    await delegate(tx, entity).updateMany({ where: { id }, data: restore });
    if (entity === "company") {
      const rows = await tx.contact.findMany({
        where: { companyId: id, deletedAt, mergedIntoId: null },
        select: { id: true },
      });
      contactIds = rows.map((r) => r.id);
      if (contactIds.length > 0) await tx.contact.updateMany({ where: { id: { in: contactIds } }, data: restore });
    }
    await recordAudit(tx, {
      actor: staffActorAudit(actor),
      action: `${entity}.restored`,
      entityType: entity,
      entityId: id,
      before: { deletedAt: deletedAt.toISOString() },
      after: { contacts: contactIds },
      ipAddress: meta.ipAddress,
    });
    await enqueueSearchSync(tx, INDEX[entity], [id]);
    if (contactIds.length > 0) await enqueueSearchSync(tx, "contacts", contactIds);
    return ok({ contacts: contactIds.length });
  });
  if (result.status === "ok") noteBinChange(entity, [id], contactIds, false);
  return result;
}

/** Why a binned record must not be purged (history it carries), or null when it may go. */
export async function purgeRefusal(tx: DbOrTx, entity: BinEntity, id: number): Promise<MessageKey | null> {
  if (entity === "opportunity") {
    const won = await tx.opportunity.count({ where: { id, stage: "won" } });
    return won > 0 ? "recordAdmin.bin.refuse.wonOpportunity" : null;
  }
  if (entity === "lead") {
    const lead = await tx.lead.findUnique({ where: { id }, select: { convertedAt: true, campaignId: true } });
    if (lead?.convertedAt) return "recordAdmin.bin.refuse.convertedLead";
    if (lead?.campaignId && (await tx.campaignExpense.count({ where: { campaignId: lead.campaignId } })) > 0) {
      return "recordAdmin.bin.refuse.campaignExpenses";
    }
    return null;
  }
  const link = entity === "company" ? { companyId: id } : { contactId: id };
  if ((await tx.opportunity.count({ where: { ...link, stage: "won" } })) > 0)
    return "recordAdmin.bin.refuse.wonOpportunity";
  if (entity === "company") {
    if ((await tx.serviceContract.count({ where: { companyId: id } })) > 0) return "recordAdmin.bin.refuse.contracts";
    if ((await tx.zone.count({ where: { companyId: id } })) > 0) return "recordAdmin.bin.refuse.zone";
    if ((await tx.asset.count({ where: { companyId: id } })) > 0) return "recordAdmin.bin.refuse.assets";
    if ((await tx.serviceRequest.count({ where: { companyId: id } })) > 0)
      return "recordAdmin.bin.refuse.serviceRequests";
  } else if ((await tx.serviceRequest.count({ where: { contactId: id } })) > 0) {
    return "recordAdmin.bin.refuse.serviceRequests";
  }
  return null;
}

async function purgeRow(tx: Tx, entity: BinEntity, id: number): Promise<void> {
  if (entity === "company" || entity === "contact") {
    // Polymorphic rows have no foreign key to cascade them.
    await tx.recordShare.deleteMany({ where: { entityType: entity, recordId: id } });
    await tx.accessRequest.deleteMany({ where: { entityType: entity, recordId: id } });
    await tx.duplicatePair.deleteMany({ where: { entityType: entity, OR: [{ leftId: id }, { rightId: id }] } });
    await tx.attachment.deleteMany({ where: { ownerType: entity, ownerId: id } });
  }
  await delegate(tx, entity).deleteMany({ where: { id, deletedAt: { not: null } } });
}

/** Deletes a binned record for good, unless history must keep it (then a conflict with the reason). */
export async function purgeFromBin(
  db: Db,
  actor: StaffActor | { system: true },
  entity: BinEntity,
  id: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  const where = "system" in actor ? { deletedAt: { not: null } } : binWhere(actor, entity);
  if (!where) return forbidden();
  const result = await db.$transaction(async (tx): Promise<ServiceResult<{ id: number }>> => {
    const row = await delegate(tx, entity).findFirst({
      where: { AND: [where, { id }] },
      select: { id: true, number: true },
    });
    if (!row) return notFound();
    const refusal = await purgeRefusal(tx, entity, id);
    if (refusal) return conflict(refusal);
    await purgeRow(tx, entity, id);
    await recordAudit(tx, {
      actor: "system" in actor ? { type: "system" } : staffActorAudit(actor),
      action: `${entity}.purged`,
      entityType: entity,
      entityId: id,
      before: { number: String(row.number) } as Prisma.InputJsonValue,
      ipAddress: meta.ipAddress,
    });
    await enqueueSearchSync(tx, INDEX[entity], [id], "delete");
    return ok({ id });
  });
  if (result.status === "ok") noteBinChange(entity, [id], [], true);
  return result;
}

/** What the bin page shows: the types the actor may open, one page of the chosen type, the setting. */
export async function binPage(db: DbOrTx, actor: StaffActor, requested: string | null, page: number) {
  const types = BIN_ENTITIES.filter((e) => recycleBinScope(actor, BIN_MODULE[e]) !== null);
  const type = types.find((t) => t === requested) ?? types[0] ?? null;
  const list = type ? await listBin(db, actor, type, page) : null;
  return {
    types,
    type,
    list,
    retentionDays: await getSetting(db, "recycleBin.retentionDays"),
    canSetRetention: actor.isAdmin,
  };
}

/** The automatic purge's retention (days; 0 = off). Administrators only. */
export async function setBinRetention(
  db: Db,
  actor: StaffActor,
  days: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ days: number }>> {
  if (!actor.isAdmin) return forbidden();
  const before = await getSetting(db, "recycleBin.retentionDays");
  await db.$transaction(async (tx) => {
    await setSetting(tx, "recycleBin.retentionDays", days, actor.staffId);
    await recordAudit(tx, {
      actor: staffActorAudit(actor),
      action: "setting.updated",
      entityType: "setting",
      entityId: "recycleBin.retentionDays",
      before: { days: before },
      after: { days },
      ipAddress: meta.ipAddress,
    });
  });
  return ok({ days });
}
