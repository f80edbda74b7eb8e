import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { pageWindow } from "#app/lib/page-window.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";
import { notFound, ok, refusal, type ServiceResult } from "#app/lib/service-result.ts";
import { latestApprovalFor } from "#app/modules/approvals/approvals.server.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { countCappedBy } from "#app/modules/views/count-capped.server.ts";
import { businessDay, isoDay } from "#app/modules/service/service-dates.ts";
import type { NewLine } from "./contract-lines.ts";
import type { ContractFilters, ContractSortKey } from "./contract-list-query.ts";
import { instalmentState, isEditable, transitionsFrom } from "./contract-model.ts";
import { contractForChange, contractScopeWhere } from "./contract-scope.server.ts";

// Reading sales contracts: the back-office list (scope, filters, allow-listed sorts, totals), one
// contract with its lines, plan, receipts and document parts, and the shape a sales order copies.

export const CONTRACT_PAGE_SIZE = 25;

function orderOf(sort: { key: ContractSortKey; dir: "asc" | "desc" } | undefined) {
  const dir = sort?.dir ?? "desc";
  const orders: Record<ContractSortKey, Prisma.SalesContractOrderByWithRelationInput> = {
    updated: { updatedAt: dir },
    number: { number: dir },
    name: { name: dir },
    signed: { signedOn: { sort: dir, nulls: "last" } },
    amount: { amountFen: dir },
    received: { receivedFen: dir },
    company: { company: { name: dir } },
    owner: { owner: { name: dir } },
  };
  return [orders[sort?.key ?? "updated"], { id: dir }];
}

function filterWhere(db: DbOrTx, filters: ContractFilters): Prisma.SalesContractWhereInput {
  const and: Prisma.SalesContractWhereInput[] = [];
  const q = filters.q?.trim();
  if (q)
    and.push({ OR: [{ number: { contains: q } }, { name: { contains: q } }, { company: { name: { contains: q } } }] });
  if (filters.status) and.push({ status: filters.status });
  if (filters.type) and.push({ typeCode: filters.type });
  if (filters.owner) and.push({ ownerId: filters.owner });
  if (filters.company) and.push({ companyId: filters.company });
  if (filters.signedFrom) and.push({ signedOn: { gte: new Date(`${filters.signedFrom}T00:00:00.000Z`) } });
  if (filters.signedTo) and.push({ signedOn: { lte: new Date(`${filters.signedTo}T00:00:00.000Z`) } });
  // 逾期: in execution with an instalment past its due date that still owes money.
  if (filters.overdue === "yes")
    and.push({
      status: "in_execution",
      instalments: {
        some: {
          dueDate: { lt: businessDay(new Date()) },
          receivedFen: { lt: db.paymentInstalment.fields.amountFen },
        },
      },
    });
  return { AND: and };
}

export async function listContracts(
  db: DbOrTx,
  actor: StaffActor,
  options: { filters?: ContractFilters; sort?: { key: ContractSortKey; dir: "asc" | "desc" }; page?: number } = {},
) {
  const scope = contractScopeWhere(actor, "browse");
  if (!scope) return { rows: [], total: { count: 0, capped: false }, page: 1, pageCount: 1, sums: ZERO_SUMS };
  const where: Prisma.SalesContractWhereInput = { AND: [scope, filterWhere(db, options.filters ?? {})] };
  const total = await countCappedBy((take) => db.salesContract.count({ where, take }));
  const window = pageWindow(total.count, options.page ?? 1, CONTRACT_PAGE_SIZE);
  const rows = await db.salesContract.findMany({
    where,
    orderBy: orderOf(options.sort),
    skip: window.skip,
    take: window.take,
    select: {
      id: true,
      number: true,
      name: true,
      status: true,
      typeCode: true,
      signedOn: true,
      amountFen: true,
      receivedFen: true,
      publishedAt: true,
      updatedAt: true,
      company: selectIdAndName,
      owner: selectIdAndName,
    },
  });
  const sums = await db.salesContract.aggregate({ where, _sum: { amountFen: true, receivedFen: true } });
  return {
    rows: rows.map((r) => ({ ...r, amountFen: Number(r.amountFen), receivedFen: Number(r.receivedFen) })),
    total,
    page: window.page,
    pageCount: window.pageCount,
    sums: { amountFen: Number(sums._sum.amountFen ?? 0n), receivedFen: Number(sums._sum.receivedFen ?? 0n) },
  };
}
const ZERO_SUMS = { amountFen: 0, receivedFen: 0 };

export type ContractListRow = Awaited<ReturnType<typeof listContracts>>["rows"][number];

/** What a payment instalment's state is worked out from (and the plan and reminders show). */
export const instalmentSelect = {
  id: true,
  label: true,
  dueDate: true,
  amountFen: true,
  receivedFen: true,
} satisfies Prisma.PaymentInstalmentSelect;

const detailSelect = {
  id: true,
  number: true,
  name: true,
  status: true,
  implementation: true,
  implementationNote: true,
  typeCode: true,
  settlementCode: true,
  deliveryCode: true,
  signedOn: true,
  startDate: true,
  endDate: true,
  currency: true,
  amountFen: true,
  receivedFen: true,
  terms: true,
  terminationReason: true,
  publishedAt: true,
  revision: true,
  quoteId: true,
  createdAt: true,
  updatedAt: true,
  company: selectIdAndName,
  contact: { select: { id: true, fullName: true } },
  opportunity: selectIdAndName,
  owner: selectIdAndName,
  template: selectIdAndName,
  lines: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      sku: true,
      name: true,
      unit: true,
      quantity: true,
      unitPriceFen: true,
      taxRateBp: true,
      netFen: true,
      taxFen: true,
      grossFen: true,
      productId: true,
    },
  },
  parts: { orderBy: { position: "asc" }, select: { id: true, title: true, body: true } },
  instalments: {
    orderBy: { position: "asc" },
    select: {
      ...instalmentSelect,
      receipts: {
        orderBy: { id: "asc" },
        select: { id: true, amountFen: true, receivedOn: true, note: true, recordedBy: selectIdAndName },
      },
    },
  },
} satisfies Prisma.SalesContractSelect;

type DetailRow = Prisma.SalesContractGetPayload<{ select: typeof detailSelect }>;

/** Money as numbers of fen (safe: < 2^53) and dates as days, for pages and the zone. */
function present(row: DetailRow, now: Date) {
  const today = isoDay(businessDay(now));
  const instalments = row.instalments.map((i) => {
    const view = {
      dueDate: isoDay(i.dueDate),
      amountFen: Number(i.amountFen),
      receivedFen: Number(i.receivedFen),
    };
    return {
      id: i.id,
      label: i.label,
      ...view,
      outstandingFen: view.amountFen - view.receivedFen,
      state: instalmentState(view, today),
      receipts: i.receipts.map((r) => ({ ...r, amountFen: Number(r.amountFen), receivedOn: isoDay(r.receivedOn) })),
    };
  });
  const day = (d: Date | null) => (d ? isoDay(d) : null);
  return {
    ...row,
    signedOn: day(row.signedOn),
    startDate: day(row.startDate),
    endDate: day(row.endDate),
    amountFen: Number(row.amountFen),
    receivedFen: Number(row.receivedFen),
    lines: row.lines.map((l) => ({
      ...l,
      unitPriceFen: Number(l.unitPriceFen),
      netFen: Number(l.netFen),
      taxFen: Number(l.taxFen),
      grossFen: Number(l.grossFen),
    })),
    instalments,
    planFen: instalments.reduce((s, i) => s + i.amountFen, 0),
    overdueFen: instalments.filter((i) => i.state === "overdue").reduce((s, i) => s + i.outstandingFen, 0),
  };
}

export type ContractView = ReturnType<typeof present>;

/** One contract the actor may browse, with what the actor may do to it. */
export async function getContract(db: DbOrTx, actor: StaffActor, contractId: number, now: Date = new Date()) {
  const scope = contractScopeWhere(actor, "browse");
  const row = scope
    ? await db.salesContract.findFirst({ where: { AND: [scope, { id: contractId }] }, select: detailSelect })
    : null;
  if (!row) return null;
  const canModify = (await contractForChange(db, actor, contractId, { id: true })).kind === "ok";
  const approval = await latestApprovalFor(db, actor, "contract", contractId);
  const canDecide = scopeFor(actor, "opportunities", "approve") !== null && approval?.status !== "pending";
  const transitions = canModify
    ? transitionsFrom(row.status).filter((t) => (t === "approve" || t === "reject" ? canDecide : true))
    : [];
  return {
    contract: present(row, now),
    approval,
    canModify,
    editable: canModify && isEditable(row.status),
    transitions,
  };
}

export type ContractPage = NonNullable<Awaited<ReturnType<typeof getContract>>>;

/**
 * For sales orders (helper G): a contract the actor may modify, in execution or completed, with its
 * lines to copy to the fen. Anything else is not-found / forbidden / a conflict.
 */
export async function contractForOrder(
  db: DbOrTx,
  actor: StaffActor,
  contractId: number,
): Promise<
  ServiceResult<{
    id: number;
    number: string;
    companyId: number;
    contactId: number | null;
    opportunityId: number | null;
    amountFen: number;
    lines: NewLine[];
  }>
> {
  const found = await contractForChange(db, actor, contractId, {
    id: true,
    number: true,
    status: true,
    companyId: true,
    contactId: true,
    opportunityId: true,
    amountFen: true,
    lines: { orderBy: { position: "asc" } },
  });
  if (found.kind !== "ok") return refusal(found.kind);
  const c = found.row;
  if (c.status !== "in_execution" && c.status !== "completed") return notFound("contracts.error.notExecuting");
  return ok({
    id: c.id,
    number: c.number,
    companyId: c.companyId,
    contactId: c.contactId,
    opportunityId: c.opportunityId,
    amountFen: Number(c.amountFen),
    lines: c.lines.map((l) => ({
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      unit: l.unit,
      quantity: l.quantity,
      unitPriceFen: Number(l.unitPriceFen),
      taxRateBp: l.taxRateBp,
      netFen: Number(l.netFen),
      taxFen: Number(l.taxFen),
      grossFen: Number(l.grossFen),
    })),
  });
}

// ───────────── the customer's zone ─────────────

/** The contracts a company's zone may read: published, in execution or completed (also for proposals). */
export function zoneSalesContractWhere(companyId: number) {
  return { companyId, publishedAt: { not: null }, status: { in: ["in_execution" as const, "completed" as const] } };
}

/** Contracts published to a company's zone (read-only), newest first. */
export async function listZoneSalesContracts(db: DbOrTx, companyId: number) {
  const rows = await db.salesContract.findMany({
    where: zoneSalesContractWhere(companyId),
    orderBy: [{ signedOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: 200,
    select: { id: true, number: true, name: true, status: true, signedOn: true, amountFen: true, receivedFen: true },
  });
  return rows.map((r) => ({
    ...r,
    signedOn: r.signedOn ? isoDay(r.signedOn) : null,
    amountFen: Number(r.amountFen),
    receivedFen: Number(r.receivedFen),
  }));
}

/** One published contract of the company, with its lines and plan; null for anything else. */
export async function getZoneSalesContract(db: DbOrTx, companyId: number, contractId: number, now: Date = new Date()) {
  const row = await db.salesContract.findFirst({
    where: { ...zoneSalesContractWhere(companyId), id: contractId },
    select: detailSelect,
  });
  if (!row) return null;
  const view = present(row, now);
  // The zone sees the contract, its products and plan; not who recorded receipts, nor internal notes.
  return {
    id: view.id,
    number: view.number,
    name: view.name,
    status: view.status,
    implementation: view.implementation,
    typeCode: view.typeCode,
    settlementCode: view.settlementCode,
    deliveryCode: view.deliveryCode,
    signedOn: view.signedOn,
    startDate: view.startDate,
    endDate: view.endDate,
    amountFen: view.amountFen,
    receivedFen: view.receivedFen,
    terms: view.terms,
    owner: { name: view.owner.name },
    lines: view.lines,
    instalments: view.instalments.map(({ receipts: _receipts, ...i }) => i),
  };
}
