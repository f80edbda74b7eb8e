import type { Db } from "#app/lib/db.server.ts";
import {
  conflict,
  forbidden,
  invalid,
  ok,
  refusal,
  type Invalid,
  type ServiceResult,
} from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import type {
  OpportunityCreateField,
  OpportunityCreateInput,
  OpportunityEditField,
  OpportunityEditInput,
} from "./opportunity-form.ts";
import { assignableOwners, checkTeam, resolveLinks, type LinkRefusal } from "./opportunity-links.server.ts";
import { findForChange } from "./opportunity-scope.server.ts";
import { salesMethodOrDefault } from "./sales-stages.server.ts";

// Creating an opportunity directly (from the list, a company or a contact), editing its fields and
// handing it to another owner. Every write is audited; edits check the version the page was
// rendered with (optimistic concurrency: a stale page gets a conflict, nothing changes).

function fieldError<F extends string>(r: LinkRefusal): Invalid<F> {
  return invalid<F>({ [r.field]: [r.key] } as Partial<Record<F, [typeof r.key]>>);
}

export async function createOpportunity(
  db: Db,
  actor: StaffActor,
  input: OpportunityCreateInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, OpportunityCreateField>> {
  if (scopeFor(actor, "opportunities", "add") === null) return forbidden();
  const links = await resolveLinks(db, actor, input);
  if ("refusal" in links) return fieldError(links.refusal);
  const owners = await assignableOwners(db, actor, "add");
  const owner = owners.find((o) => o.id === (input.ownerId ?? actor.staffId));
  if (!owner) return invalid<OpportunityCreateField>({ ownerId: ["opportunities.error.owner"] });
  if (!(await checkTeam(db, input.teamId))) return invalid<OpportunityCreateField>({ teamId: ["validation.choose"] });
  const method = await salesMethodOrDefault(db, input.salesMethodId);
  const stage =
    method.stages.find((s) => s.id === input.stageId && s.active) ??
    method.stages.find((s) => s.kind === "open" && s.active);
  if (!stage) return invalid<OpportunityCreateField>({ stageId: ["validation.choose"] });
  const closing = stage.kind !== "open";
  const created = await db.$transaction(async (tx) => {
    const number = await nextRecordNumber(tx, "opportunity");
    const data = {
      number,
      name: input.name,
      description: input.description,
      companyId: links.companyId,
      contactId: links.contactId,
      ownerId: owner.id,
      teamId: input.teamId ?? owner.teamId,
      salesMethodId: method.id,
      stageId: stage.id,
      stage: stage.legacyStage,
      probability: stage.probability,
      amount: input.amount ?? "0",
      expectedCloseDate: input.expectedCloseDate,
      forecast: input.forecast,
      forecastValue: input.forecastValue,
      closedAt: closing ? new Date() : null,
    };
    const row = await tx.opportunity.create({ data, select: { id: true } });
    await tx.opportunityStageChange.create({
      data: { opportunityId: row.id, toStageId: stage.id, probability: stage.probability, changedById: actor.staffId },
    });
    await recordStaffAudit(tx, actor, {
      action: "opportunity.created",
      entityType: "Opportunity",
      entityId: row.id,
      after: { ...data, expectedCloseDate: input.expectedCloseDate?.toISOString().slice(0, 10) ?? null },
      ipAddress: meta.ipAddress,
    });
    await enqueueSearchSync(tx, "opportunities", [row.id]);
    return row;
  });
  return ok(created);
}

const EDITED = [
  "name",
  "description",
  "companyId",
  "contactId",
  "teamId",
  "amount",
  "expectedCloseDate",
  "forecast",
  "forecastValue",
] as const;

function comparable(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "toFixed" in value) return (value as { toFixed: (n: number) => string }).toFixed(2);
  if (typeof value === "string" && /^\d+\.\d{2}$/.test(value)) return value;
  return String(value);
}

/** Edits every field but stage and owner (their own services). With line items the amount follows them. */
export async function editOpportunity(
  db: Db,
  actor: StaffActor,
  id: number,
  input: OpportunityEditInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<undefined, OpportunityEditField>> {
  const found = await findForChange(db, actor, id, {
    name: true,
    description: true,
    companyId: true,
    contactId: true,
    teamId: true,
    amount: true,
    expectedCloseDate: true,
    forecast: true,
    forecastValue: true,
    _count: { select: { items: true } },
  });
  if (found.kind !== "ok") return refusal(found.kind);
  const links = await resolveLinks(db, actor, input);
  if ("refusal" in links) return fieldError(links.refusal);
  if (!(await checkTeam(db, input.teamId))) return invalid<OpportunityEditField>({ teamId: ["validation.choose"] });
  const { opp } = found;
  const next = {
    name: input.name,
    description: input.description,
    companyId: links.companyId,
    contactId: links.contactId,
    teamId: input.teamId,
    // The items' sum is the amount while there are items; typed amounts apply only without them.
    amount: opp._count.items > 0 ? opp.amount.toFixed(2) : (input.amount ?? "0.00"),
    expectedCloseDate: input.expectedCloseDate,
    forecast: input.forecast,
    forecastValue: input.forecastValue,
  };
  const before: Record<string, string | null> = {};
  const after: Record<string, string | null> = {};
  for (const key of EDITED) {
    const was = comparable(opp[key]);
    const now = comparable(next[key]);
    if (was !== now) [before[key], after[key]] = [was, now];
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.opportunity.updateMany({ where: { id, updatedAt: input.version }, data: next });
    if (count === 0) return conflict("opportunities.error.conflict");
    if (Object.keys(after).length > 0) {
      await recordStaffAudit(tx, actor, {
        action: "opportunity.updated",
        entityType: "Opportunity",
        entityId: id,
        before,
        after,
        ipAddress: meta.ipAddress,
      });
    }
    await enqueueSearchSync(tx, "opportunities", [id]);
    return ok();
  });
}

/** Hands the opportunity to another owner the actor may assign (transfer scope, else modify). */
export async function changeOpportunityOwner(
  db: Db,
  actor: StaffActor,
  id: number,
  input: { ownerId: number; version: Date },
  meta: AuditMeta = {},
): Promise<ServiceResult<undefined, "ownerId">> {
  const found = await findForChange(db, actor, id, { ownerId: true });
  if (found.kind !== "ok") return refusal(found.kind);
  const action = scopeFor(actor, "opportunities", "transfer") ? "transfer" : "modify";
  const owners = await assignableOwners(db, actor, action);
  const owner = owners.find((o) => o.id === input.ownerId);
  if (!owner) return invalid<"ownerId">({ ownerId: ["opportunities.error.owner"] });
  if (owner.id === found.opp.ownerId) return ok();
  return db.$transaction(async (tx) => {
    const { count } = await tx.opportunity.updateMany({
      where: { id, updatedAt: input.version },
      data: { ownerId: owner.id },
    });
    if (count === 0) return conflict("opportunities.error.conflict");
    await recordStaffAudit(tx, actor, {
      action: "opportunity.ownerChanged",
      entityType: "Opportunity",
      entityId: id,
      before: { ownerId: found.opp.ownerId },
      after: { ownerId: owner.id },
      ipAddress: meta.ipAddress,
    });
    await enqueueSearchSync(tx, "opportunities", [id]);
    return ok();
  });
}
