import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { invalid, notFound, ok, type Invalid, type NotFound, type Ok } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere, teamReach } from "#app/modules/crm/access/record-scope.server.ts";
import { companyNameKey, phoneKey } from "#app/modules/crm/match-keys.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import { resolveRegion } from "../regions/divisions.server.ts";
import { acceptsLookupCode } from "../lookup-choices.server.ts";
import { COMPANY_LOOKUP_TABLES, type CompanyLookupField } from "./company-codes.ts";
import { findCompanyDuplicates, type CompanyDuplicate } from "./company-duplicates.server.ts";
import type { CompanyFormField, CompanyFormInput } from "./company-form.ts";
import { ADDRESS_COLUMNS } from "../address-columns.ts";

// Creating and editing a company (单位): number from the configurable counter in the same
// transaction, region codes checked against the divisions, parent checked for scope and cycles,
// match keys kept in step, one audit row per change, search re-indexed.

/** How deep a company tree may go: a guard against a cycle that slipped in some other way. */
export const MAX_TREE_DEPTH = 50;

export interface DuplicatesFound {
  status: "duplicates";
  candidates: CompanyDuplicate[];
}

export type CompanyWriteResult =
  Ok<{ id: number; number: string }> | Invalid<CompanyFormField> | NotFound | DuplicatesFound;

type Refusal = { field: CompanyFormField; key: MessageKey };

function fieldError(refusal: Refusal): Invalid<CompanyFormField> {
  return invalid<CompanyFormField>({ [refusal.field]: [refusal.key] });
}

type LookupValues = Record<CompanyLookupField, string | null>;

/** The stored columns a form gives (without number, owner, team, parent). */
async function columnsOf(db: DbOrTx, input: CompanyFormInput, current: LookupValues | null) {
  const region = resolveRegion({
    provinceCode: input.provinceCode,
    cityCode: input.cityCode,
    districtCode: input.districtCode,
  });
  if (!region.ok) {
    const field = `${region.field}Code` as const;
    return { refusal: { field, key: "companies.validation.region" } satisfies Refusal };
  }
  // An active value of the admin's table, or the (inactive / legacy free-text) value the row already
  // carries, kept as it is.
  for (const field of ["type", "industry", "rating"] as const) {
    if (!(await acceptsLookupCode(db, COMPANY_LOOKUP_TABLES[field], input[field], current?.[field] ?? null))) {
      return { refusal: { field, key: "validation.choose" } satisfies Refusal };
    }
  }
  const columns = {
    name: input.name,
    shortName: input.shortName,
    type: input.type,
    industry: input.industry,
    status: input.status,
    category: input.category,
    rating: input.rating,
    ...region.value,
    address: input.address,
    postcode: input.postcode,
    phone: input.phone,
    phone2: input.phone2,
    fax: input.fax,
    email: input.email,
    website: input.website,
    currency: input.currency,
    salesAmount: input.salesAmount,
    profitAmount: input.profitAmount,
    description: input.description,
    nameKey: companyNameKey(input.name) || input.name.slice(0, 200),
    phoneKey: phoneKey(input.phone) ?? phoneKey(input.phone2),
  };
  return { columns };
}

/**
 * The parent chosen by number for company `selfId` (null for a new company): it must be visible to
 * the actor, and walking up from it must never reach `selfId`. `keep` is the current parent, which
 * stays allowed even when the actor can no longer see it.
 */
export async function resolveParent(
  db: DbOrTx,
  actor: StaffActor,
  selfId: number | null,
  parentNumber: string | null,
  keep: { id: number; number: string } | null = null,
): Promise<{ parentId: number | null } | { refusal: Refusal }> {
  if (parentNumber === null) return { parentId: null };
  if (keep && keep.number === parentNumber) return { parentId: keep.id };
  const scope = await recordScopeWhere(db, actor, "company", "browse");
  const parent = scope
    ? await db.company.findFirst({ where: { AND: [scope, { number: parentNumber }] }, select: { id: true } })
    : null;
  if (!parent) return { refusal: { field: "parentNumber", key: "companies.validation.parentMissing" } };
  if (await reachesInTree(db, parent.id, selfId)) {
    return { refusal: { field: "parentNumber", key: "companies.validation.parentCycle" } };
  }
  return { parentId: parent.id };
}

/** Whether walking up the tree from `start` reaches `target` (or runs deeper than a tree may be). */
export async function reachesInTree(db: DbOrTx, start: number, target: number | null): Promise<boolean> {
  if (target === null) return false;
  let cursor: number | null = start;
  for (let depth = 0; cursor !== null; depth++) {
    if (cursor === target || depth > MAX_TREE_DEPTH) return true;
    const row: { parentId: number | null } | null = await db.company.findUnique({
      where: { id: cursor },
      select: { parentId: true },
    });
    cursor = row?.parentId ?? null;
  }
  return false;
}

/** Staff the actor may make owner of a new company: themself, their team reach, or anyone ("all"). */
export async function assignableOwners(db: DbOrTx, actor: StaffActor) {
  const scope = scopeFor(actor, "companies", "add");
  const where: Prisma.StaffWhereInput =
    scope === "all"
      ? { status: { not: "inactive" } }
      : scope === "team" && teamReach(actor).length > 0
        ? { status: { not: "inactive" }, teamId: { in: teamReach(actor) } }
        : { id: actor.staffId };
  return db.staff.findMany({ where, select: { id: true, name: true, teamId: true }, orderBy: { name: "asc" } });
}

export async function createCompany(
  db: Db,
  actor: StaffActor,
  input: CompanyFormInput,
  meta: AuditMeta = {},
): Promise<CompanyWriteResult> {
  if (scopeFor(actor, "companies", "add") === null) return notFound();
  const built = await columnsOf(db, input, null);
  if ("refusal" in built) return fieldError(built.refusal!);
  const parent = await resolveParent(db, actor, null, input.parentNumber);
  if ("refusal" in parent) return fieldError(parent.refusal);
  const owners = await assignableOwners(db, actor);
  const owner = owners.find((o) => o.id === (input.ownerId ?? actor.staffId));
  if (!owner) return fieldError({ field: "ownerId", key: "companies.validation.owner" });
  if (!input.confirmDuplicate) {
    const candidates = await findCompanyDuplicates(db, actor, {
      name: input.name,
      phone: input.phone,
      province: built.columns.province,
      city: built.columns.city,
    });
    if (candidates.length > 0) return { status: "duplicates", candidates };
  }
  const created = await db.$transaction(async (tx) => {
    const number = await nextRecordNumber(tx, "company");
    const row = await tx.company.create({
      data: { ...built.columns, number, parentId: parent.parentId, ownerId: owner.id, teamId: owner.teamId },
      select: { id: true, number: true },
    });
    await recordStaffAudit(tx, actor, {
      action: "company.created",
      entityType: "company",
      entityId: row.id,
      after: { ...built.columns, number, parentId: parent.parentId, ownerId: owner.id },
      ipAddress: meta.ipAddress,
    });
    await enqueueSearchSync(tx, "companies", [row.id]);
    return row;
  });
  return ok(created);
}

const COMPARED = [
  "name",
  "shortName",
  "type",
  "industry",
  "status",
  "category",
  "rating",
  ...ADDRESS_COLUMNS,
  "phone",
  "phone2",
  "fax",
  "email",
  "website",
  "currency",
  "salesAmount",
  "profitAmount",
  "description",
  "parentId",
] as const;

function comparable(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && "toFixed" in value) return (value as { toFixed: (n: number) => string }).toFixed(2);
  return String(value);
}

/** Edits a company the actor may modify (scope in the query: otherwise not found). */
export async function updateCompany(
  db: Db,
  actor: StaffActor,
  companyId: number,
  input: CompanyFormInput,
  meta: AuditMeta = {},
): Promise<CompanyWriteResult> {
  const scope = await recordScopeWhere(db, actor, "company", "modify");
  if (!scope) return notFound();
  const current = await db.company.findFirst({
    where: { AND: [scope, { id: companyId }] },
    include: { parent: { select: { id: true, number: true } } },
  });
  if (!current) return notFound();
  const built = await columnsOf(db, input, current);
  if ("refusal" in built) return fieldError(built.refusal!);
  const parent = await resolveParent(db, actor, companyId, input.parentNumber, current.parent);
  if ("refusal" in parent) return fieldError(parent.refusal);
  if (!input.confirmDuplicate && built.columns.nameKey !== current.nameKey) {
    const candidates = (
      await findCompanyDuplicates(db, actor, { name: input.name, phone: input.phone, city: built.columns.city })
    ).filter((c) => c.id !== companyId);
    if (candidates.length > 0) return { status: "duplicates", candidates };
  }
  const next: Record<string, unknown> = { ...built.columns, parentId: parent.parentId };
  const before: Record<string, string | null> = {};
  const after: Record<string, string | null> = {};
  for (const key of COMPARED) {
    const was = comparable(current[key]);
    const now = comparable(next[key]);
    if (was !== now) {
      before[key] = was;
      after[key] = now;
    }
  }
  if (Object.keys(after).length === 0) return ok({ id: current.id, number: current.number });
  await db.$transaction(async (tx) => {
    await tx.company.update({ where: { id: companyId }, data: { ...built.columns, parentId: parent.parentId } });
    await recordStaffAudit(tx, actor, {
      action: "company.updated",
      entityType: "company",
      entityId: companyId,
      before,
      after,
      ipAddress: meta.ipAddress,
    });
    // The company's own document, and the contacts/opportunities that show its name.
    await enqueueSearchSync(tx, "companies", [companyId]);
  });
  return ok({ id: current.id, number: current.number });
}
