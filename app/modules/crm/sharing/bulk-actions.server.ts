import { z } from "zod";
import type { Db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { checkbox, IdParam } from "#app/lib/schemas.ts";
import { fail, forbidden, invalid, ok, type ServiceResult } from "#app/lib/service-result.ts";
import type { AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere, type ScopedEntity } from "#app/modules/crm/access/record-scope.server.ts";
import { moveToBin } from "#app/modules/crm/recycle-bin/recycle-bin.server.ts";
import { BULK_MAX, type BulkIntent, type BulkOutcome } from "./bulk-actions.ts";
import { ownershipChoices, shareRecord, transferRecords } from "./sharing.server.ts";

// The server half of the list pages' bulk actions (bulk-actions.ts). Each action works on the rows
// of the selection the actor may act on (the scope is read in the query, per row) and skips the
// rest, counting them; every changed row gets its own audit row (through the single-record services).

const Ids = z
  .string()
  .max(BULK_MAX * 12)
  .transform((s) => [
    ...new Set(
      s
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number),
    ),
  ])
  .pipe(z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(BULK_MAX));

/** `ids` as one comma-separated field or repeated fields: both reach the same parser. */
function idsField(formData: FormData): FormData {
  const copy = new FormData();
  for (const [key, value] of formData) if (key !== "ids") copy.append(key, value);
  copy.set(
    "ids",
    formData
      .getAll("ids")
      .filter((v): v is string => typeof v === "string")
      .join(","),
  );
  return copy;
}

const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), IdParam.optional());

type BulkField = "ids" | "toStaffId" | "staffId";
type BulkResult = ServiceResult<BulkOutcome, BulkField>;

/** Ids of the selection inside the actor's scope for `action` (null: no such grant at all). */
async function inScope(db: Db, actor: StaffActor, entity: ScopedEntity, action: "transfer" | "delete", ids: number[]) {
  const where = await recordScopeWhere(db, actor, entity, action);
  if (!where) return null;
  const args = { where: { AND: [where, { id: { in: ids } }] }, select: { id: true } };
  const rows = entity === "company" ? await db.company.findMany(args) : await db.contact.findMany(args);
  return rows.map((r) => r.id);
}

async function bulkTransfer(db: Db, actor: StaffActor, entity: ScopedEntity, form: FormData, meta: AuditMeta) {
  const parsed = await parseForm(form, z.object({ ids: Ids, toStaffId: IdParam, includeOpen: checkbox() }));
  if (parsed.status !== "ok") return parsed;
  const { ids, toStaffId, includeOpen } = parsed.value;
  const allowed = await inScope(db, actor, entity, "transfer", ids);
  if (!allowed) return forbidden();
  const outcome = (done: number): BulkOutcome => ({ intent: "bulk-transfer", done, skipped: ids.length - done });
  if (allowed.length === 0) return ok(outcome(0));
  const result = await transferRecords(db, actor, { entity, ids: allowed, toStaffId, includeOpen }, meta);
  if (result.status === "invalid") return result;
  // A row that left the scope between the check and the transfer: nothing moved, all counted skipped.
  return ok(outcome(result.status === "ok" ? result.value.records : 0));
}

async function bulkShare(db: Db, actor: StaffActor, entity: ScopedEntity, form: FormData, meta: AuditMeta) {
  const parsed = await parseForm(
    form,
    z.object({ ids: Ids, staffId: optionalId, teamId: optionalId, canEdit: checkbox() }),
  );
  if (parsed.status !== "ok") return parsed;
  const { ids, staffId, teamId, canEdit } = parsed.value;
  if ((staffId === undefined) === (teamId === undefined)) return invalid({ staffId: ["recordAdmin.share.pickOne"] });
  const allowed = await inScope(db, actor, entity, "transfer", ids);
  if (!allowed) return forbidden();
  let done = 0;
  for (const id of allowed) {
    const result = await shareRecord(db, actor, { entity, id, staffId, teamId, canEdit }, meta);
    // A colleague or team that does not exist is the same answer for every row: say so once.
    if (result.status === "invalid") return result;
    if (result.status === "ok") done++;
  }
  return ok({ intent: "bulk-share" as const, done, skipped: ids.length - done });
}

async function bulkDelete(db: Db, actor: StaffActor, entity: ScopedEntity, form: FormData, meta: AuditMeta) {
  const parsed = await parseForm(form, z.object({ ids: Ids, withContacts: checkbox() }));
  if (parsed.status !== "ok") return parsed;
  const { ids, withContacts } = parsed.value;
  const allowed = await inScope(db, actor, entity, "delete", ids);
  if (!allowed) return forbidden();
  let done = 0;
  for (const id of allowed) {
    if ((await moveToBin(db, actor, { entity, id, withContacts }, meta)).status === "ok") done++;
  }
  return ok({ intent: "bulk-delete" as const, done, skipped: ids.length - done });
}

const RUN: Record<
  BulkIntent,
  (db: Db, actor: StaffActor, entity: ScopedEntity, form: FormData, meta: AuditMeta) => Promise<BulkResult>
> = {
  "bulk-transfer": bulkTransfer,
  "bulk-share": bulkShare,
  "bulk-delete": bulkDelete,
};

export async function runBulkRecordAction(
  db: Db,
  actor: StaffActor,
  entity: ScopedEntity,
  formData: FormData,
  meta: AuditMeta = {},
): Promise<BulkResult> {
  const intent = formData.get("intent");
  const run = typeof intent === "string" && Object.hasOwn(RUN, intent) ? RUN[intent as BulkIntent] : null;
  if (!run) return invalid({}, ["recordAdmin.transfer.badSelection"]);
  return run(db, actor, entity, idsField(formData), meta);
}

const MODULE = { company: "companies", contact: "contacts" } as const;

/** Who may post a bulk action on a list at all (each row is checked again in the service). */
export function bulkActionPolicy(entity: ScopedEntity) {
  const module = MODULE[entity];
  return {
    anyOf: [
      { module, action: "transfer" },
      { module, action: "delete" },
    ],
  } as const;
}

/** What a list's bulk toolbar offers this actor, and the colleagues/teams to pick from. */
export async function bulkListOptions(db: Db, actor: StaffActor, entity: ScopedEntity) {
  const rights = { transfer: can(actor, MODULE[entity], "transfer"), delete: can(actor, MODULE[entity], "delete") };
  const choices = rights.transfer ? await ownershipChoices(db) : { staff: [], teams: [] };
  return { rights, choices };
}

/** A list route's action: the bulk post's outcome as action data, or the refusal with its status. */
export async function bulkListAction(
  db: Db,
  actor: StaffActor,
  entity: ScopedEntity,
  formData: FormData,
  meta: AuditMeta = {},
) {
  const result = await runBulkRecordAction(db, actor, entity, formData, meta);
  return result.status === "ok" ? { status: "done" as const, ...result.value } : fail(result);
}
