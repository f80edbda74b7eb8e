import type { Prisma } from "#app/generated/prisma/client.ts";
import type { SalesContractStatus } from "#app/generated/prisma/enums.ts";
import type { Db, Tx } from "#app/lib/db.server.ts";
import { conflict, forbidden, invalid, ok, refusal, type ServiceResult } from "#app/lib/service-result.ts";
import { staffAuditWriter, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { hasOpenApproval, submitForApproval } from "#app/modules/approvals/approvals.server.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import { opportunityScopeWhere } from "#app/modules/crm/opportunities/opportunity-scope.server.ts";
import { acceptsLookupCode } from "#app/modules/crm/lookup-choices.server.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import type {
  ContractCreateField,
  ContractCreateInput,
  ContractEditField,
  ContractEditInput,
} from "./contract-form.ts";
import { lineFromOpportunityItem, type NewLine } from "./contract-lines.ts";
import {
  isEditable,
  planIssues,
  transitionAllowed,
  transitionTarget,
  type ContractTransition,
} from "./contract-model.ts";
import { contractForChange } from "./contract-scope.server.ts";

// 合同 (seed 000 §2.L.8): creating a contract (from a template, optionally with an opportunity's
// items), editing a draft, and moving it through drafting → approval → in execution → completed /
// terminated. Every write is audited and checks the revision the page was rendered with.

export const audit = staffAuditWriter("SalesContract", "contract");

export const LOOKUP_TABLES = {
  typeCode: "contract_type",
  settlementCode: "settlement_method",
  deliveryCode: "delivery_method",
} as const;

type HeaderInput = Pick<
  ContractEditInput,
  "typeCode" | "settlementCode" | "deliveryCode" | "contactId" | "opportunityId"
>;

/** Checks the system-table codes and the linked contact/opportunity against the actor's scope. */
async function checkHeader(
  db: Db | Tx,
  actor: StaffActor,
  companyId: number,
  input: HeaderInput,
  current?: { typeCode: string; settlementCode: string | null; deliveryCode: string | null },
) {
  const errors: Partial<Record<ContractCreateField & ContractEditField, ["validation.choose"]>> = {};
  for (const field of ["typeCode", "settlementCode", "deliveryCode"] as const) {
    if (!(await acceptsLookupCode(db, LOOKUP_TABLES[field], input[field], current?.[field] ?? null)))
      errors[field] = ["validation.choose"];
  }
  if (input.contactId !== null) {
    const scope = await recordScopeWhere(db, actor, "contact", "browse");
    const found = scope ? await db.contact.count({ where: { AND: [scope, { id: input.contactId, companyId }] } }) : 0;
    if (found === 0) errors.contactId = ["validation.choose"];
  }
  if (input.opportunityId !== null) {
    const scope = opportunityScopeWhere(actor, "browse");
    const found = scope
      ? await db.opportunity.count({ where: { AND: [scope, { id: input.opportunityId, companyId }] } })
      : 0;
    if (found === 0) errors.opportunityId = ["validation.choose"];
  }
  return errors;
}

export async function createContract(
  db: Db,
  actor: StaffActor,
  input: ContractCreateInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number; number: string }, ContractCreateField>> {
  if (scopeFor(actor, "opportunities", "add") === null) return forbidden();
  const companyScope = await recordScopeWhere(db, actor, "company", "browse");
  const company = companyScope
    ? await db.company.findFirst({ where: { AND: [companyScope, { id: input.companyId }] }, select: { id: true } })
    : null;
  if (!company) return invalid<ContractCreateField>({ companyId: ["validation.choose"] });
  const errors = await checkHeader(db, actor, company.id, input);
  if (input.fromOpportunity && input.opportunityId === null) errors.opportunityId = ["validation.choose"];
  const template = input.templateId
    ? await db.documentTemplate.findFirst({
        where: { id: input.templateId, kind: "contract", active: true },
        select: { id: true, parts: { orderBy: { position: "asc" }, select: { title: true, body: true } } },
      })
    : null;
  if (input.templateId && !template)
    (errors as Record<string, ["validation.choose"]>).templateId = ["validation.choose"];
  if (Object.keys(errors).length > 0) return invalid<ContractCreateField>(errors);

  const lines: NewLine[] =
    input.fromOpportunity && input.opportunityId
      ? (
          await db.opportunityItem.findMany({
            where: { opportunityId: input.opportunityId },
            orderBy: { id: "asc" },
            include: { product: { select: { taxRateBp: true } } },
          })
        ).map(lineFromOpportunityItem)
      : [];

  const created = await db.$transaction(async (tx) => {
    const number = await nextRecordNumber(tx, "contract");
    const row = await tx.salesContract.create({
      data: {
        number,
        name: input.name,
        companyId: company.id,
        contactId: input.contactId,
        opportunityId: input.opportunityId,
        templateId: template?.id ?? null,
        ownerId: actor.staffId,
        typeCode: input.typeCode,
        settlementCode: input.settlementCode,
        deliveryCode: input.deliveryCode,
        signedOn: input.signedOn,
        startDate: input.startDate,
        endDate: input.endDate,
        terms: input.terms,
        amountFen: BigInt(lines.reduce((s, l) => s + l.grossFen, 0)),
        lines: { create: lines.map((l, position) => toLineRow(l, position)) },
        parts: { create: (template?.parts ?? []).map((p, position) => ({ ...p, position })) },
      },
      select: { id: true, number: true },
    });
    await audit(tx, actor, meta, "created", row.id, null, {
      number,
      name: input.name,
      companyId: company.id,
      templateId: template?.id ?? null,
      lines: lines.length,
    });
    return row;
  });
  return ok(created);
}

export function toLineRow(l: NewLine, position: number) {
  return {
    position,
    productId: l.productId,
    sku: l.sku,
    name: l.name,
    unit: l.unit,
    quantity: l.quantity,
    unitPriceFen: BigInt(l.unitPriceFen),
    taxRateBp: l.taxRateBp,
    netFen: BigInt(l.netFen),
    taxFen: BigInt(l.taxFen),
    grossFen: BigInt(l.grossFen),
  };
}

const draftSelect = {
  id: true,
  status: true,
  revision: true,
  companyId: true,
  typeCode: true,
  settlementCode: true,
  deliveryCode: true,
  amountFen: true,
} as const;
export type DraftRow = Prisma.SalesContractGetPayload<{ select: typeof draftSelect }>;

/**
 * Runs `change` on a draft the actor may modify, under the contract's row lock, when the page's
 * revision is current; bumps the revision. Not a draft → conflict (the approved contract is fixed).
 */
export async function withDraft<T, F extends string = string>(
  db: Db,
  actor: StaffActor,
  contractId: number,
  revision: number,
  change: (tx: Tx, row: DraftRow) => Promise<ServiceResult<T, F>>,
): Promise<ServiceResult<T, F>> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM \`SalesContract\` WHERE id = ${contractId} FOR UPDATE`;
    const found = await contractForChange(tx, actor, contractId, draftSelect);
    if (found.kind !== "ok") return refusal(found.kind);
    const row = found.row;
    if (!isEditable(row.status)) return conflict("contracts.error.notDraft");
    if (row.revision !== revision) return conflict("contracts.error.stale");
    const result = await change(tx, row);
    if (result.status === "ok")
      await tx.salesContract.update({ where: { id: contractId }, data: { revision: { increment: 1 } } });
    return result;
  });
}

export async function updateContract(
  db: Db,
  actor: StaffActor,
  contractId: number,
  input: ContractEditInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, ContractEditField>> {
  return withDraft<{ id: number }, ContractEditField>(db, actor, contractId, input.revision, async (tx, row) => {
    const errors = await checkHeader(tx, actor, row.companyId, input, row);
    if (Object.keys(errors).length > 0) return invalid<ContractEditField>(errors);
    const { revision: _revision, ...data } = input;
    await tx.salesContract.update({ where: { id: contractId }, data });
    await audit(tx, actor, meta, "updated", contractId, { typeCode: row.typeCode }, { ...data });
    return ok({ id: contractId });
  });
}

/** Recomputes the contract amount from its lines (inside the caller's transaction). */
export async function refreshAmount(tx: Tx, contractId: number): Promise<bigint> {
  const sum = await tx.salesContractLine.aggregate({ where: { contractId }, _sum: { grossFen: true } });
  const amountFen = sum._sum.grossFen ?? 0n;
  await tx.salesContract.update({ where: { id: contractId }, data: { amountFen } });
  return amountFen;
}

export interface TransitionOptions {
  reason?: string | null;
}

/**
 * One guarded status change. submit: a draft with lines and a plan summing to the amount goes to
 * approval (to the flow's approvers when 审核管理 has a contract flow; otherwise a holder of the
 * opportunities "approve" grant decides with approve/reject). complete: in execution only. terminate:
 * a draft or a contract in execution, with a reason.
 */
export async function transitionContract(
  db: Db,
  actor: StaffActor,
  contractId: number,
  transition: ContractTransition,
  options: TransitionOptions = {},
  meta: AuditMeta = {},
): Promise<ServiceResult<{ status: SalesContractStatus }>> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM \`SalesContract\` WHERE id = ${contractId} FOR UPDATE`;
    const found = await contractForChange(tx, actor, contractId, {
      id: true,
      status: true,
      amountFen: true,
      instalments: { select: { label: true, dueDate: true, amountFen: true }, orderBy: { position: "asc" } },
      _count: { select: { lines: true } },
    });
    if (found.kind !== "ok") return refusal(found.kind);
    const row = found.row;
    if (!transitionAllowed(row.status, transition)) return conflict("contracts.error.transition");
    const deciding = transition === "approve" || transition === "reject";
    if (deciding) {
      if (scopeFor(actor, "opportunities", "approve") === null) return forbidden();
      // Under an approval flow its approvers decide, in the approval panel or the queue.
      if (await hasOpenApproval(tx, "contract", row.id)) return conflict("contracts.error.flowDecides");
    }
    if (transition === "submit") {
      if (row._count.lines === 0 || row.amountFen <= 0n) return conflict("contracts.error.noLines");
      const plan = row.instalments.map((i) => ({
        label: i.label,
        dueDate: i.dueDate.toISOString().slice(0, 10),
        amountFen: Number(i.amountFen),
      }));
      if (planIssues(Number(row.amountFen), plan).length > 0) return conflict("contracts.error.planSum");
    }
    const reason = options.reason?.trim() ?? "";
    if (transition === "terminate" && reason === "") return invalid({ reason: ["validation.required"] });
    const status = transitionTarget(transition);
    await tx.salesContract.update({
      where: { id: row.id },
      data: {
        status,
        revision: { increment: 1 },
        ...(transition === "terminate" ? { terminationReason: reason.slice(0, 500) } : {}),
      },
    });
    if (transition === "submit") {
      const submitted = await submitForApproval(tx, actor, { itemType: "contract", itemId: row.id });
      if (submitted.status !== "ok") return submitted;
    }
    await audit(tx, actor, meta, transition, row.id, { status: row.status }, { status, reason: reason || undefined });
    return ok({ status });
  });
}

/** 实施情况: while the contract is in execution (or completed, to record the final acceptance). */
export async function setImplementation(
  db: Db,
  actor: StaffActor,
  contractId: number,
  input: {
    implementation: "not_started" | "in_progress" | "delivered" | "accepted";
    implementationNote: string | null;
  },
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  return db.$transaction(async (tx) => {
    const found = await contractForChange(tx, actor, contractId, { id: true, status: true, implementation: true });
    if (found.kind !== "ok") return refusal(found.kind);
    if (found.row.status !== "in_execution" && found.row.status !== "completed")
      return conflict("contracts.error.notExecuting");
    await tx.salesContract.update({ where: { id: contractId }, data: input });
    await audit(tx, actor, meta, "implementation", contractId, { implementation: found.row.implementation }, input);
    return ok({ id: contractId });
  });
}

/** Shows (or hides) the contract and its payment plan in the customer's zone; approved contracts only. */
export async function setPublished(
  db: Db,
  actor: StaffActor,
  contractId: number,
  published: boolean,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  return db.$transaction(async (tx) => {
    const found = await contractForChange(tx, actor, contractId, { id: true, status: true, publishedAt: true });
    if (found.kind !== "ok") return refusal(found.kind);
    const approved = ["in_execution", "completed"].includes(found.row.status);
    if (published && !approved) return conflict("contracts.error.publishUnapproved");
    if (published === (found.row.publishedAt !== null)) return ok({ id: contractId });
    await tx.salesContract.update({ where: { id: contractId }, data: { publishedAt: published ? new Date() : null } });
    await audit(tx, actor, meta, published ? "published" : "unpublished", contractId);
    return ok({ id: contractId });
  });
}
