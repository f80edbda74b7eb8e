import { Prisma } from "#app/generated/prisma/client.ts";
import type { SalesOrderSource } from "#app/generated/prisma/enums.ts";
import type { Db, Tx } from "#app/lib/db.server.ts";
import { invalid, ok, refusal, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { findForChange } from "#app/modules/crm/opportunities/opportunity-scope.server.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import { sumMoney } from "./order-money.ts";

// Making a sales order (销售订单) from what the customer agreed to: an accepted quote, a contract, or a
// converted portal order (the opportunity's items, which conversion copied from the basket). The
// lines are copied as stored — unit price and line total to the fen, never recomputed — and the
// order's total is their exact DECIMAL sum. One order per source (`sourceKey` is unique), so two
// clicks or two tabs make one order; the second is told which one exists.

export interface OrderLineInput {
  productId: number | null;
  sku: string;
  name: string;
  unit: string | null;
  quantity: number;
  /** Decimal strings with two places, as stored on the source. */
  unitPrice: string;
  lineTotal: string;
}

export interface OrderSourceInput {
  source: SalesOrderSource;
  sourceId: number;
  companyId: number;
  contactId: number | null;
  opportunityId: number | null;
  leadId: number | null;
  ownerId: number;
  currency?: string;
  lines: OrderLineInput[];
}

export type CreatedOrder = { id: number; number: string; created: boolean };

export function sourceKeyOf(source: SalesOrderSource, sourceId: number): string {
  return `${source}:${sourceId}`;
}

/**
 * Writes the order in `tx` (the caller has checked the source and the actor's right to it). Returns
 * the existing order instead when the source already has one.
 */
export async function insertOrder(
  tx: Tx,
  actor: StaffActor,
  input: OrderSourceInput,
  meta: AuditMeta = {},
): Promise<CreatedOrder> {
  const sourceKey = sourceKeyOf(input.source, input.sourceId);
  const existing = await tx.salesOrder.findUnique({ where: { sourceKey }, select: { id: true, number: true } });
  if (existing) return { ...existing, created: false };
  const productIds = input.lines.flatMap((l) => (l.productId === null ? [] : [l.productId]));
  const products = await tx.product.findMany({
    where: { id: { in: productIds } },
    select: { id: true, warrantyMonths: true },
  });
  const warranty = new Map(products.map((p) => [p.id, p.warrantyMonths]));
  const number = await nextRecordNumber(tx, "salesOrder");
  const order = await tx.salesOrder.create({
    data: {
      number,
      source: input.source,
      sourceKey,
      quoteId: input.source === "quote" ? input.sourceId : null,
      contractId: input.source === "contract" ? input.sourceId : null,
      opportunityId: input.opportunityId,
      leadId: input.leadId,
      companyId: input.companyId,
      contactId: input.contactId,
      ownerId: input.ownerId,
      currency: input.currency ?? "CNY",
      totalAmount: sumMoney(input.lines.map((l) => l.lineTotal)),
      createdById: actor.staffId,
      lines: {
        create: input.lines.map((line, index) => ({
          position: index + 1,
          productId: line.productId,
          sku: line.sku,
          name: line.name,
          unit: line.unit,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          lineTotal: line.lineTotal,
          warrantyMonths: line.productId === null ? null : (warranty.get(line.productId) ?? null),
        })),
      },
      events: { create: { toStatus: "confirmed", kind: "status", staffId: actor.staffId } },
    },
    select: { id: true, number: true, totalAmount: true },
  });
  await recordStaffAudit(tx, actor, {
    action: "salesOrder.created",
    entityType: "SalesOrder",
    entityId: order.id,
    after: { number, sourceKey, totalAmount: order.totalAmount.toFixed(2), lines: input.lines.length },
    ipAddress: meta.ipAddress,
  });
  return { id: order.id, number, created: true };
}

/** Lines a source may become: at least one, positive quantities, no negative money. */
export function linesProblem(lines: readonly OrderLineInput[]): "orders.error.noLines" | "orders.error.badLine" | null {
  if (lines.length === 0) return "orders.error.noLines";
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) return "orders.error.badLine";
    if (new Prisma.Decimal(line.lineTotal).isNegative() || new Prisma.Decimal(line.unitPrice).isNegative())
      return "orders.error.badLine";
  }
  return null;
}

/**
 * Checks the lines, then runs `create`; a unique-key race lost to a concurrent create of the same
 * source answers with the winner.
 */
export async function onceBySource(
  db: Db,
  sourceKey: string,
  lines: readonly OrderLineInput[],
  create: () => Promise<ServiceResult<CreatedOrder>>,
): Promise<ServiceResult<CreatedOrder>> {
  const problem = linesProblem(lines);
  if (problem) return invalid({}, [problem]);
  try {
    return await create();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await db.salesOrder.findUnique({ where: { sourceKey }, select: { id: true, number: true } });
      if (winner) return ok({ ...winner, created: false });
    }
    throw error;
  }
}

/** An opportunity's items as order lines (as stored: unit price and line total to the fen). */
export function linesOfItems(
  items: ReadonlyArray<{
    productId: number | null;
    sku: string;
    name: string;
    unit: string | null;
    quantity: number;
    unitPrice: Prisma.Decimal;
    lineTotal: Prisma.Decimal;
  }>,
): OrderLineInput[] {
  return items.map(({ productId, sku, name, unit, quantity, unitPrice, lineTotal }) => ({
    productId,
    sku,
    name,
    unit,
    quantity,
    unitPrice: unitPrice.toFixed(2),
    lineTotal: lineTotal.toFixed(2),
  }));
}

/** The order input of an opportunity (with a company) and its lines. */
export function opportunityOrderInput(
  opp: { id: number; companyId: number; contactId: number | null; leadId: number | null; ownerId: number },
  lines: OrderLineInput[],
): OrderSourceInput {
  return {
    source: "opportunity",
    sourceId: opp.id,
    companyId: opp.companyId,
    contactId: opp.contactId,
    opportunityId: opp.id,
    leadId: opp.leadId,
    ownerId: opp.ownerId,
    lines,
  };
}

/**
 * The order of a converted portal order (or any opportunity with items): the opportunity must be the
 * actor's to change and have a company (assets belong to one).
 */
export async function createOrderFromOpportunity(
  db: Db,
  actor: StaffActor,
  opportunityId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<CreatedOrder>> {
  const found = await findForChange(db, actor, opportunityId, {
    id: true,
    companyId: true,
    contactId: true,
    leadId: true,
    ownerId: true,
    items: {
      orderBy: { id: "asc" },
      select: { productId: true, sku: true, name: true, unit: true, quantity: true, unitPrice: true, lineTotal: true },
    },
  });
  if (found.kind !== "ok") return refusal(found.kind);
  const opp = found.opp;
  if (opp.companyId === null) return invalid({}, ["orders.error.noCompany"]);
  const lines = linesOfItems(opp.items);
  const input = opportunityOrderInput({ ...opp, companyId: opp.companyId }, lines);
  return onceBySource(db, sourceKeyOf("opportunity", opp.id), lines, () =>
    db.$transaction(async (tx) => ok(await insertOrder(tx, actor, input, meta))),
  );
}

/** For adapters (quotes, contracts): validate and insert inside the caller's checks, once per source. */
export async function createOrderFromLines(
  db: Db,
  actor: StaffActor,
  input: OrderSourceInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<CreatedOrder>> {
  return onceBySource(db, sourceKeyOf(input.source, input.sourceId), input.lines, () =>
    db.$transaction(async (tx) => ok(await insertOrder(tx, actor, input, meta))),
  );
}
