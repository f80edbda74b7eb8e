import { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import { conflict, forbidden, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import { companyNameKey, contactPhoneKey, emailKey, phoneKey } from "#app/modules/crm/match-keys.ts";
import { noteRecordsChanged } from "#search/fuzzy/contact-index.server.ts";
import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import { MERGE_FIELD_GROUPS, fromSnapshotValue, mergeColumns, toSnapshotValue } from "./merge-fields.ts";
import { MERGE_TARGET, relationsTo, type MergeEntity } from "./merge-relations.ts";

// Merging two or more contacts or companies (seed §2.I, issue #15 item 5). One transaction: lock
// the records in id order (FOR UPDATE), check the actor may modify every one, copy the picked values
// onto the survivor, re-point every relation (merge-relations.ts), move the losers to the bin with
// `mergedIntoId`, and keep what undo needs in a RecordMerge row. A second merge of the same records
// waits on the locks, then finds the losers binned and gets a conflict.

export const MERGE_MAX_RECORDS = 10;
export const MERGE_UNDO_DAYS = 30;
const DAY_MS = 86_400_000;

export interface MergeInput {
  entity: MergeEntity;
  survivorId: number;
  loserIds: number[];
  /** Field group → id of the record whose value the survivor keeps (default: the survivor's). */
  picks?: Record<string, number>;
}

interface MovedRows {
  model: string;
  column: string;
  from: number;
  ids: number[];
}

interface MergeSnapshot {
  survivorBefore: Record<string, string | number | boolean | null>;
  moved: MovedRows[];
  duplicatePairIds: number[];
}

const q = (name: string) => Prisma.raw(`\`${name.replace(/`/g, "")}\``);

async function lockRows(tx: Tx, entity: MergeEntity, ids: number[]) {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  return tx.$queryRaw<Array<{ id: number; deletedAt: Date | null; mergedIntoId: number | null }>>`
    SELECT id, deletedAt, mergedIntoId FROM ${q(MERGE_TARGET[entity])}
    WHERE id IN (${Prisma.join(sorted)}) ORDER BY id FOR UPDATE`;
}

async function idsWhere(tx: Tx, model: string, column: string, value: number, exclude: number[]): Promise<number[]> {
  const rows = await tx.$queryRaw<Array<{ id: number }>>`
    SELECT id FROM ${q(model)} WHERE ${q(column)} = ${value}
    ${exclude.length > 0 ? Prisma.sql`AND id NOT IN (${Prisma.join(exclude)})` : Prisma.empty}`;
  return rows.map((r) => Number(r.id));
}

async function setColumn(tx: Tx, model: string, column: string, value: number, ids: number[], onlyIf?: number) {
  if (ids.length === 0) return;
  await tx.$executeRaw`UPDATE ${q(model)} SET ${q(column)} = ${value}
    WHERE id IN (${Prisma.join(ids)}) ${onlyIf === undefined ? Prisma.empty : Prisma.sql`AND ${q(column)} = ${onlyIf}`}`;
}

async function loadRows(tx: DbOrTx, entity: MergeEntity, ids: number[]): Promise<Array<Record<string, unknown>>> {
  const rows =
    entity === "contact"
      ? await tx.contact.findMany({ where: { id: { in: ids } } })
      : await tx.company.findMany({ where: { id: { in: ids } } });
  return rows as unknown as Array<Record<string, unknown>>;
}

/** The survivor's new values: each group from the record picked for it, keys recomputed. */
function survivorData(
  entity: MergeEntity,
  rows: Map<number, Record<string, unknown>>,
  survivorId: number,
  picks: Record<string, number>,
  mergedIds: Set<number>,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const group of MERGE_FIELD_GROUPS[entity]) {
    const source = rows.get(picks[group.key] ?? survivorId) ?? rows.get(survivorId);
    for (const column of group.columns) data[column] = source?.[column] ?? null;
  }
  // A record cannot report to, or be the subsidiary of, itself.
  const selfColumn = entity === "contact" ? "reportsToId" : "parentId";
  if (typeof data[selfColumn] === "number" && mergedIds.has(data[selfColumn])) data[selfColumn] = null;
  if (entity === "contact") {
    data.emailKey = emailKey(data.email as string | null);
    data.phoneKey = contactPhoneKey({ mobile: data.mobile as string | null, phone: data.phone as string | null });
    if (!data.fullName) data.fullName = `${String(data.familyName ?? "")}${String(data.givenName ?? "")}`;
  } else {
    data.nameKey = companyNameKey(String(data.name ?? ""));
    data.phoneKey = phoneKey(data.phone as string | null);
  }
  return data;
}

async function updateRecord(tx: Tx, entity: MergeEntity, id: number, data: Record<string, unknown>) {
  if (entity === "contact")
    await tx.contact.update({ where: { id }, data: data as Prisma.ContactUncheckedUpdateInput });
  else await tx.company.update({ where: { id }, data: data as Prisma.CompanyUncheckedUpdateInput });
}

/** Rows of polymorphic tables (entityType + id) that follow the record. */
async function movePolymorphic(tx: Tx, entity: MergeEntity, survivorId: number, loserId: number): Promise<MovedRows[]> {
  const moved: MovedRows[] = [];
  // Shares: skip one the survivor already has for the same colleague/team (unique key).
  const have = await tx.recordShare.findMany({ where: { entityType: entity, recordId: survivorId } });
  const shares = await tx.recordShare.findMany({ where: { entityType: entity, recordId: loserId } });
  const shareIds = shares
    .filter((s) => !have.some((h) => h.staffId === s.staffId && h.teamId === s.teamId))
    .map((s) => s.id);
  const requests = await tx.accessRequest.findMany({
    where: { entityType: entity, recordId: loserId },
    select: { id: true },
  });
  const files = await tx.attachment.findMany({ where: { ownerType: entity, ownerId: loserId }, select: { id: true } });
  const groups: MovedRows[] = [
    { model: "RecordShare", column: "recordId", from: loserId, ids: shareIds },
    { model: "AccessRequest", column: "recordId", from: loserId, ids: requests.map((r) => r.id) },
    { model: "Attachment", column: "ownerId", from: loserId, ids: files.map((f) => f.id) },
  ];
  for (const g of groups) {
    if (g.ids.length === 0) continue;
    await setColumn(tx, g.model, g.column, survivorId, g.ids);
    moved.push(g);
  }
  return moved;
}

export type MergeOutcome = { mergeId: number; survivorId: number; moved: number };

export async function mergeRecords(
  db: Db,
  actor: StaffActor,
  input: MergeInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<MergeOutcome>> {
  const { entity, survivorId } = input;
  const loserIds = [...new Set(input.loserIds)].filter((id) => id !== survivorId);
  if (loserIds.length === 0) return conflict("recordAdmin.merge.needTwo");
  if (loserIds.length + 1 > MERGE_MAX_RECORDS) return conflict("recordAdmin.merge.tooMany");
  const ids = [survivorId, ...loserIds];
  const idSet = new Set(ids);
  const picks = Object.fromEntries(Object.entries(input.picks ?? {}).filter(([, id]) => idSet.has(id)));

  const result = await db.$transaction(
    async (tx): Promise<ServiceResult<MergeOutcome>> => {
      const locked = await lockRows(tx, entity, ids);
      if (locked.length !== ids.length) return notFound();
      if (locked.some((r) => r.deletedAt !== null)) return conflict("recordAdmin.merge.alreadyMerged");
      const scope = await recordScopeWhere(tx, actor, entity, "modify");
      if (!scope) return forbidden();
      const visible =
        entity === "contact"
          ? await tx.contact.count({ where: { AND: [scope, { id: { in: ids } }] } })
          : await tx.company.count({ where: { AND: [scope, { id: { in: ids } }] } });
      if (visible !== ids.length) return notFound();

      const relations = relationsTo(entity);
      for (const rel of relations.filter((r) => r.rule === "single")) {
        const [row] = await tx.$queryRaw<Array<{ n: bigint }>>`
          SELECT COUNT(*) AS n FROM ${q(rel.model)} WHERE ${q(rel.column)} IN (${Prisma.join(ids)})`;
        if (Number(row?.n ?? 0) > 1)
          return conflict(`recordAdmin.merge.conflict${rel.model}` as "recordAdmin.merge.conflictMember");
      }

      const rows = new Map((await loadRows(tx, entity, ids)).map((r) => [r.id as number, r]));
      const survivor = rows.get(survivorId) ?? {};
      const survivorBefore = Object.fromEntries(mergeColumns(entity).map((c) => [c, toSnapshotValue(survivor[c])]));
      await updateRecord(tx, entity, survivorId, survivorData(entity, rows, survivorId, picks, idSet));

      const moved: MovedRows[] = [];
      for (const loserId of loserIds) {
        for (const rel of relations) {
          // The survivor's own self-reference was decided by the picks (and is in survivorBefore).
          const exclude = rel.model === MERGE_TARGET[entity] ? [survivorId] : [];
          const rowIds = await idsWhere(tx, rel.model, rel.column, loserId, exclude);
          if (rowIds.length === 0) continue;
          await setColumn(tx, rel.model, rel.column, survivorId, rowIds);
          moved.push({ model: rel.model, column: rel.column, from: loserId, ids: rowIds });
        }
        moved.push(...(await movePolymorphic(tx, entity, survivorId, loserId)));
      }

      const now = new Date();
      const binData = { deletedAt: now, deletedById: actor.staffId, mergedIntoId: survivorId };
      if (entity === "contact") await tx.contact.updateMany({ where: { id: { in: loserIds } }, data: binData });
      else await tx.company.updateMany({ where: { id: { in: loserIds } }, data: binData });

      const pairs = await tx.duplicatePair.findMany({
        where: { entityType: entity, status: "open", OR: [{ leftId: { in: ids } }, { rightId: { in: ids } }] },
        select: { id: true, leftId: true, rightId: true },
      });
      const pairIds = pairs.filter((p) => loserIds.includes(p.leftId) || loserIds.includes(p.rightId)).map((p) => p.id);
      if (pairIds.length > 0) {
        await tx.duplicatePair.updateMany({
          where: { id: { in: pairIds } },
          data: { status: "merged", reviewedById: actor.staffId, reviewedAt: now },
        });
      }

      const snapshot: MergeSnapshot = { survivorBefore, moved, duplicatePairIds: pairIds };
      const merge = await tx.recordMerge.create({
        data: {
          entityType: entity,
          survivorId,
          mergedIds: loserIds,
          snapshot: snapshot as unknown as Prisma.InputJsonValue,
          mergedById: actor.staffId,
        },
      });
      const movedCount = moved.reduce((n, m) => n + m.ids.length, 0);
      await recordStaffAudit(tx, actor, {
        action: `${entity}.merged`,
        entityType: entity,
        entityId: survivorId,
        before: { survivor: survivorBefore, losers: loserIds },
        after: { mergeId: merge.id, moved: movedCount },
        ipAddress: meta.ipAddress,
      });
      await syncSearch(tx, entity, ids);
      return ok({ mergeId: merge.id, survivorId, moved: movedCount });
    },
    { timeout: 60_000 },
  );
  // The losers are in the bin now: no longer match candidates (the survivor re-syncs at once).
  if (result.status === "ok") noteRecordsChanged(entity, loserIds, true);
  return result;
}

async function syncSearch(tx: Tx, entity: MergeEntity, ids: number[]) {
  await enqueueSearchSync(tx, entity === "contact" ? "contacts" : "companies", ids);
}

function parseSnapshot(value: unknown): MergeSnapshot | null {
  if (!value || typeof value !== "object") return null;
  const s = value as Partial<MergeSnapshot>;
  if (!s.survivorBefore || !Array.isArray(s.moved)) return null;
  return { survivorBefore: s.survivorBefore, moved: s.moved, duplicatePairIds: s.duplicatePairIds ?? [] };
}

export function isUndoable(merge: { createdAt: Date; undoneAt: Date | null }, now = new Date()): boolean {
  return merge.undoneAt === null && now.getTime() - merge.createdAt.getTime() <= MERGE_UNDO_DAYS * DAY_MS;
}

/**
 * Undoes a merge within 30 days: the losers come back from the bin and every row the merge moved
 * points at its old record again (rows re-pointed since are left where they are now).
 */
export async function undoMerge(
  db: Db,
  actor: StaffActor,
  mergeId: number,
  meta: AuditMeta = {},
  now = new Date(),
): Promise<ServiceResult<{ survivorId: number; restored: number[] }>> {
  let undone: MergeEntity | null = null;
  const result = await db.$transaction(
    async (tx): Promise<ServiceResult<{ survivorId: number; restored: number[] }>> => {
      const [lockedMerge] = await tx.$queryRaw<Array<{ id: number }>>`
        SELECT id FROM \`RecordMerge\` WHERE id = ${mergeId} FOR UPDATE`;
      if (!lockedMerge) return notFound();
      const merge = await tx.recordMerge.findUnique({ where: { id: mergeId } });
      if (!merge || (merge.entityType !== "contact" && merge.entityType !== "company")) return notFound();
      const entity: MergeEntity = merge.entityType;
      undone = entity;
      const scope = await recordScopeWhere(tx, actor, entity, "modify");
      if (!scope) return forbidden();
      const visible =
        entity === "contact"
          ? await tx.contact.count({ where: { AND: [scope, { id: merge.survivorId }] } })
          : await tx.company.count({ where: { AND: [scope, { id: merge.survivorId }] } });
      if (visible === 0) return notFound();
      if (merge.undoneAt !== null) return conflict("recordAdmin.merge.alreadyUndone");
      if (!isUndoable(merge, now)) return conflict("recordAdmin.merge.undoExpired");
      const snapshot = parseSnapshot(merge.snapshot);
      const loserIds = Array.isArray(merge.mergedIds) ? merge.mergedIds.map(Number) : [];
      if (!snapshot || loserIds.length === 0) return conflict("recordAdmin.merge.undoUnavailable");

      const locked = await lockRows(tx, entity, [merge.survivorId, ...loserIds]);
      const losers = locked.filter((r) => r.id !== merge.survivorId);
      if (losers.length !== loserIds.length || losers.some((r) => r.mergedIntoId !== merge.survivorId)) {
        return conflict("recordAdmin.merge.losersPurged");
      }

      for (const group of [...snapshot.moved].reverse()) {
        await setColumn(tx, group.model, group.column, group.from, group.ids, merge.survivorId);
      }
      const before = Object.fromEntries(
        Object.entries(snapshot.survivorBefore).map(([c, v]) => [c, fromSnapshotValue(c, v)]),
      );
      if (entity === "contact") {
        before.emailKey = emailKey(before.email as string | null);
        before.phoneKey = contactPhoneKey({
          mobile: before.mobile as string | null,
          phone: before.phone as string | null,
        });
      } else {
        before.nameKey = companyNameKey(String(before.name ?? ""));
        before.phoneKey = phoneKey(before.phone as string | null);
      }
      await updateRecord(tx, entity, merge.survivorId, before);
      const restore = { deletedAt: null, deletedById: null, mergedIntoId: null };
      if (entity === "contact") await tx.contact.updateMany({ where: { id: { in: loserIds } }, data: restore });
      else await tx.company.updateMany({ where: { id: { in: loserIds } }, data: restore });
      if (snapshot.duplicatePairIds.length > 0) {
        await tx.duplicatePair.updateMany({
          where: { id: { in: snapshot.duplicatePairIds }, status: "merged" },
          data: { status: "open", reviewedById: null, reviewedAt: null },
        });
      }
      await tx.recordMerge.update({ where: { id: mergeId }, data: { undoneAt: now } });
      await recordStaffAudit(tx, actor, {
        action: `${entity}.merge-undone`,
        entityType: entity,
        entityId: merge.survivorId,
        after: { mergeId, restored: loserIds },
        ipAddress: meta.ipAddress,
      });
      await syncSearch(tx, entity, [merge.survivorId, ...loserIds]);
      return ok({ survivorId: merge.survivorId, restored: loserIds });
    },
    { timeout: 60_000 },
  );
  if (result.status === "ok" && undone) noteRecordsChanged(undone, result.value.restored, false);
  return result;
}

/** Merges of this record the actor could still undo (newest first), for the record's page. */
export async function undoableMerges(db: DbOrTx, entity: MergeEntity, survivorId: number, now = new Date()) {
  return db.recordMerge.findMany({
    where: {
      entityType: entity,
      survivorId,
      undoneAt: null,
      createdAt: { gte: new Date(now.getTime() - MERGE_UNDO_DAYS * DAY_MS) },
    },
    orderBy: { id: "desc" },
    select: { id: true, mergedIds: true, createdAt: true, mergedById: true },
  });
}
