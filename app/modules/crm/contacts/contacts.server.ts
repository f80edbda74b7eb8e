import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { isMessageKey, parseForm } from "#app/lib/forms.server.ts";
import { forbidden, invalid, notFound, ok, type FieldErrors, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere, type OwnedRecordWhere } from "#app/modules/crm/access/record-scope.server.ts";
import { contactPhoneKey, emailKey } from "#app/modules/crm/match-keys.ts";
import {
  regionCodesOf,
  regionPickerOptions,
  resolveRegion,
  type ResolvedRegion,
} from "#app/modules/crm/regions/divisions.server.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import { contactFullName, ContactInputSchema, type ContactField, type ContactInput } from "./contact-input.ts";
import { acceptsLookupCode, loadLookupChoices } from "#app/modules/crm/lookup-choices.server.ts";
import { ADDRESS_COLUMNS } from "../address-columns.ts";

// 联系人 create / edit (seed 000 §2.L.3): every field of the form, the match keys kept in step, the
// number taken in the same transaction, a company move written to the history, every change audited.
// Scope (own/team/all + shares) is applied in the query that loads the record.

type Failure = Exclude<ServiceResult<never, ContactField>, { status: "ok" }>;

export interface ContactChangeMeta {
  ipAddress?: string | null;
}

/** The columns a form writes (everything but number, keys, owner and bookkeeping). */
type ContactColumns = Omit<ContactInput, "companyMode" | "ownerId" | "provinceCode" | "cityCode" | "districtCode"> &
  ResolvedRegion & {
    companyId: number | null;
    reportsToId: number | null;
    noCompany: boolean;
  };

const AUDITED = [
  "familyName",
  "givenName",
  "salutation",
  "title",
  "department",
  "companyId",
  "noCompany",
  "reportsToId",
  ...ADDRESS_COLUMNS,
  "phone",
  "mobile",
  "homePhone",
  "fax",
  "email",
  "email2",
  "birthday",
  "preferredChannel",
  "optOutEmail",
  "optOutSms",
  "optOutCall",
  "ownerId",
] as const;

function errorsOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldErrors<ContactField> {
  const errors: FieldErrors<ContactField> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "familyName") as ContactField;
    const key: MessageKey = isMessageKey(issue.message) ? issue.message : "validation.invalid";
    (errors[field] ??= []).push(key);
  }
  return errors;
}

/**
 * The form as posted (FormData: Conform's coercion — empty → absent, ticked → true) or a plain
 * object (tests, imports: empty strings count as absent). Refusals keep what was typed.
 */
async function readInput(input: unknown): Promise<{ ok: true; value: ContactInput } | { ok: false; failure: Failure }> {
  if (input instanceof FormData) {
    const parsed = await parseForm(input, ContactInputSchema);
    return parsed.status === "ok" ? { ok: true, value: parsed.value } : { ok: false, failure: parsed };
  }
  const cleaned =
    input && typeof input === "object"
      ? Object.fromEntries(Object.entries(input).filter(([, v]) => v !== "" && v !== null))
      : input;
  const parsed = ContactInputSchema.safeParse(cleaned);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, failure: invalid(errorsOf(parsed.error.issues)) };
}

function refuse(field: ContactField, key: MessageKey, values?: Record<string, string>): Failure {
  return invalid({ [field]: [key] } as FieldErrors<ContactField>, [], values);
}

/** Date → "YYYY-MM-DD" for the audit trail, anything else as is. */
function auditValue(value: unknown): Prisma.InputJsonValue | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return (value ?? null) as Prisma.InputJsonValue | null;
}

const REGION_FIELD = { province: "provinceCode", city: "cityCode", district: "districtCode" } as const;

/** The form's columns, or the region level that does not exist / nest. */
function columnsOf(
  v: ContactInput,
): ContactColumns | { regionError: (typeof REGION_FIELD)[keyof typeof REGION_FIELD] } {
  const { companyMode, ownerId: _owner, provinceCode, cityCode, districtCode, ...rest } = v;
  const region = resolveRegion({ provinceCode, cityCode, districtCode });
  if (!region.ok) return { regionError: REGION_FIELD[region.field] };
  const known = companyMode === "known";
  return {
    ...rest,
    ...region.value,
    preferredChannel: v.preferredChannel ?? null,
    companyId: known ? (v.companyId ?? null) : null,
    reportsToId: known ? (v.reportsToId ?? null) : null,
    noCompany: companyMode === "none",
  } as ContactColumns;
}

function keysOf(c: ContactColumns) {
  return {
    fullName: contactFullName(c.familyName, c.givenName),
    emailKey: emailKey(c.email) ?? emailKey(c.email2),
    phoneKey: contactPhoneKey(c),
  };
}

/** The company must exist, be out of the bin and be visible to the actor (no picking by guessed id). */
async function checkCompany(tx: DbOrTx, actor: StaffActor, companyId: number | null): Promise<boolean> {
  if (companyId === null) return true;
  const scope = await recordScopeWhere(tx, actor, "company", "browse");
  if (!scope) return false;
  const found = await tx.company.findFirst({ where: { AND: [scope, { id: companyId }] }, select: { id: true } });
  return found !== null;
}

/**
 * 汇报对象: a visible contact of the same company, not the contact itself, and no loop (A → B → A).
 * Returns the refusal key, or null when fine.
 */
async function checkReportsTo(
  tx: DbOrTx,
  actor: StaffActor,
  contactId: number | null,
  companyId: number | null,
  reportsToId: number | null,
): Promise<MessageKey | null> {
  if (reportsToId === null) return null;
  if (reportsToId === contactId) return "contacts.error.reportsToSelf";
  const scope = await recordScopeWhere(tx, actor, "contact", "browse");
  if (!scope) return "contacts.error.reportsToNotFound";
  const manager = await tx.contact.findFirst({
    where: { AND: [scope, { id: reportsToId }] },
    select: { id: true, companyId: true },
  });
  if (!manager) return "contacts.error.reportsToNotFound";
  if (companyId === null || manager.companyId !== companyId) return "contacts.error.reportsToCompany";
  if (contactId === null) return null;
  // Walk up from the manager; reaching the contact again would close a loop. Bounded: a chain
  // deeper than 50 is treated as a loop too.
  let cursor: number | null = manager.id;
  for (let depth = 0; cursor !== null; depth++) {
    if (cursor === contactId || depth > 50) return "contacts.error.reportsToCycle";
    const next: { reportsToId: number | null } | null = await tx.contact.findUnique({
      where: { id: cursor },
      select: { reportsToId: true },
    });
    cursor = next?.reportsToId ?? null;
  }
  return null;
}

/**
 * Owner: on create the actor, or anyone active when the actor may transfer contacts; on update any
 * change of owner (taking it over included) is a transfer and needs that right.
 */
async function checkOwner(
  tx: DbOrTx,
  actor: StaffActor,
  ownerId: number | undefined,
  isChange = false,
): Promise<number | null> {
  if (!isChange && (ownerId === undefined || ownerId === actor.staffId)) return actor.staffId;
  if (scopeFor(actor, "contacts", "transfer") === null) return null;
  const staff = await tx.staff.findFirst({ where: { id: ownerId, status: "active" }, select: { id: true } });
  return staff?.id ?? null;
}

async function validateRelations(
  tx: DbOrTx,
  actor: StaffActor,
  contactId: number | null,
  c: ContactColumns,
): Promise<Failure | null> {
  if (!(await checkCompany(tx, actor, c.companyId))) return refuse("companyId", "contacts.error.companyNotFound");
  const reportsTo = await checkReportsTo(tx, actor, contactId, c.companyId, c.reportsToId);
  if (reportsTo) return refuse("reportsToId", reportsTo);
  return null;
}

/** Creates a contact. `ok(id)`; invalid input, an unknown company or a bad reports-to line refuse. */
export async function createContact(
  db: Db,
  actor: StaffActor,
  input: unknown,
  meta: ContactChangeMeta = {},
): Promise<ServiceResult<{ id: number; number: string }, ContactField>> {
  if (scopeFor(actor, "contacts", "add") === null) return forbidden();
  const parsed = await readInput(input);
  if (!parsed.ok) return parsed.failure;
  const columns = columnsOf(parsed.value);
  if ("regionError" in columns) return refuse(columns.regionError, "validation.choose");
  return db.$transaction(async (tx) => {
    const refused = await validateRelations(tx, actor, null, columns);
    if (refused) return refused;
    if (!(await acceptsLookupCode(tx, "salutation", columns.salutation, null))) {
      return refuse("salutation", "validation.choose");
    }
    const ownerId = await checkOwner(tx, actor, parsed.value.ownerId);
    if (ownerId === null) return refuse("ownerId", "contacts.error.ownerNotAllowed");
    const number = await nextRecordNumber(tx, "contact");
    const created = await tx.contact.create({
      data: { ...columns, ...keysOf(columns), number, ownerId },
      select: { id: true, number: true },
    });
    await afterChange(tx, created.id);
    await recordStaffAudit(tx, actor, {
      action: "contact.created",
      entityType: "Contact",
      entityId: created.id,
      after: Object.fromEntries(AUDITED.map((k) => [k, auditValue({ ...columns, ownerId }[k])])),
      ipAddress: meta.ipAddress,
    });
    return ok(created);
  });
}

async function afterChange(tx: Tx, contactId: number) {
  await enqueueSearchSync(tx, "contacts", [contactId]);
}

/**
 * Updates a contact the actor may modify (scope in the query; outside it → not found, visible but
 * read-only → forbidden). A company change ends the old employment in ContactCompanyHistory.
 */
export async function updateContact(
  db: Db,
  actor: StaffActor,
  contactId: number,
  input: unknown,
  meta: ContactChangeMeta = {},
): Promise<ServiceResult<{ changed: boolean }, ContactField>> {
  const parsed = await readInput(input);
  if (!parsed.ok) return parsed.failure;
  const resolved = columnsOf(parsed.value);
  if ("regionError" in resolved) return refuse(resolved.regionError, "validation.choose");
  return db.$transaction(async (tx) => {
    const loaded = await loadForModify(tx, actor, contactId);
    if (loaded === "not-found") return notFound();
    if (loaded === "forbidden") return forbidden();
    const before = loaded;
    // Rows from before the picker hold region names without a code: an empty picker keeps them.
    const columns =
      resolved.regionCode === null && before.regionCode === null
        ? { ...resolved, province: before.province, city: before.city, district: before.district }
        : resolved;
    const refused = await validateRelations(tx, actor, contactId, columns);
    if (refused) return refused;
    // 称呼 is a system-table value; one the contact already carries (inactive, older free text) stays.
    if (!(await acceptsLookupCode(tx, "salutation", columns.salutation, before.salutation))) {
      return refuse("salutation", "validation.choose");
    }
    // Owner changes are transfers (the sharing/transfer flow, audited there); here it may only stay.
    let ownerId = before.ownerId;
    if (parsed.value.ownerId !== undefined && parsed.value.ownerId !== before.ownerId) {
      const allowed = await checkOwner(tx, actor, parsed.value.ownerId, true);
      if (allowed === null) return refuse("ownerId", "contacts.error.ownerNotAllowed");
      ownerId = allowed;
    }
    const after = { ...columns, ownerId };
    const changedKeys = AUDITED.filter(
      (k) => JSON.stringify(auditValue(before[k])) !== JSON.stringify(auditValue(after[k])),
    );
    if (changedKeys.length === 0) return ok({ changed: false });

    if (before.companyId !== columns.companyId && before.companyId !== null) {
      await endEmployment(tx, actor, before);
    }
    await tx.contact.update({ where: { id: contactId }, data: { ...after, ...keysOf(columns) } });
    await afterChange(tx, contactId);
    await recordStaffAudit(tx, actor, {
      action: "contact.updated",
      entityType: "Contact",
      entityId: contactId,
      before: Object.fromEntries(changedKeys.map((k) => [k, auditValue(before[k])])),
      after: Object.fromEntries(changedKeys.map((k) => [k, auditValue(after[k])])),
      ipAddress: meta.ipAddress,
    });
    return ok({ changed: true });
  });
}

type LoadedContact = Prisma.ContactGetPayload<{ include: { company: { select: { name: true } } } }>;

async function loadForModify(
  tx: DbOrTx,
  actor: StaffActor,
  contactId: number,
): Promise<LoadedContact | "not-found" | "forbidden"> {
  const browse = await recordScopeWhere(tx, actor, "contact", "browse");
  if (!browse) return "not-found";
  const visible = await tx.contact.findFirst({
    where: { AND: [browse, { id: contactId }] },
    include: { company: { select: { name: true } } },
  });
  if (!visible) return "not-found";
  const modify = await recordScopeWhere(tx, actor, "contact", "modify");
  if (!modify) return "forbidden";
  const editable = await tx.contact.count({ where: { AND: [modify, { id: contactId }] } });
  return editable > 0 ? visible : "forbidden";
}

/** Closes the contact's time at its current company: name and title as they were, and the period. */
async function endEmployment(tx: Tx, actor: StaffActor, contact: LoadedContact) {
  const previous = await tx.contactCompanyHistory.findFirst({
    where: { contactId: contact.id },
    orderBy: { endedAt: "desc" },
    select: { endedAt: true },
  });
  await tx.contactCompanyHistory.create({
    data: {
      contactId: contact.id,
      companyId: contact.companyId,
      companyName: contact.company?.name ?? null,
      title: contact.title,
      startedAt: previous?.endedAt ?? contact.createdAt,
      endedAt: new Date(),
      changedById: actor.staffId,
    },
  });
}

/**
 * True when the actor may modify this contact (for showing the edit form). `visible` is the contact
 * as the caller just loaded it under the browse scope (live, not in the bin): then an "all" modify
 * scope, or the actor's own contact under any modify scope, is known without asking the database.
 */
export async function canModifyContact(
  db: DbOrTx,
  actor: StaffActor,
  contactId: number,
  visible?: { ownerId: number | null },
): Promise<boolean> {
  const scope = scopeFor(actor, "contacts", "modify");
  if (scope === null) return false;
  if (visible && (scope === "all" || visible.ownerId === actor.staffId)) return true;
  const modify = await recordScopeWhere(db, actor, "contact", "modify");
  if (!modify) return false;
  return (await db.contact.count({ where: { AND: [modify, { id: contactId }] } })) > 0;
}

/** 汇报对象 choices: visible contacts of the company (not the contact itself), by name. */
export async function reportsToOptions(
  db: DbOrTx,
  actor: StaffActor,
  companyId: number | null,
  excludeId?: number,
  browseScope?: OwnedRecordWhere,
): Promise<Array<{ id: number; fullName: string; title: string | null }>> {
  if (companyId === null) return [];
  const scope = browseScope ?? (await recordScopeWhere(db, actor, "contact", "browse"));
  if (!scope) return [];
  return db.contact.findMany({
    where: { AND: [scope, { companyId }, ...(excludeId ? [{ id: { not: excludeId } }] : [])] },
    select: { id: true, fullName: true, title: true },
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
    take: 300,
  });
}

/** 称呼 values of the admin's system table (the form's picker, the page's label). */
export async function salutationChoices(db: DbOrTx) {
  return (await loadLookupChoices(db, { salutation: "salutation" })).salutation;
}

/** The region picker's start value and server-rendered options for a stored region code. */
export function contactRegionPicker(regionCode: string | null) {
  const value = regionCodesOf(regionCode);
  return { value, options: regionPickerOptions(value) };
}
