import type { SalesOrderStatus } from "#app/generated/prisma/enums.ts";
import type { Db, Tx } from "#app/lib/db.server.ts";
import { conflict, invalid, ok, refusal, type ServiceResult } from "#app/lib/service-result.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { businessDay } from "#app/modules/service/service-dates.ts";
import type { AdvanceInput, DeliveryInput } from "./order-input.ts";
import { createDeliveryAssets, type DeliveredAsset } from "./order-assets.server.ts";
import { findOrderForChange } from "./order-scope.server.ts";
import { mayAdvance, mayDeliver, STEP_DATE } from "./order-status.ts";

// The fulfilment steps (decision 046). Every change first claims the order's version with an
// `UPDATE … WHERE id AND updatedAt = version AND status = expected`: the row lock makes a second,
// concurrent change wait, then find the version gone and change nothing (409). Deliveries add the
// delivered units to their lines and turn them into customer assets in the same transaction; the
// (line, first unit) key on Asset is unique, so even a path around the claim could not make two.

/** A refusal found inside the transaction: thrown to roll everything back, answered as its result. */
class Refused extends Error {
  constructor(readonly result: ServiceResult<never>) {
    super("refused");
  }
}

async function claim(tx: Tx, id: number, version: Date, expected: SalesOrderStatus[]): Promise<void> {
  const claimed = await tx.salesOrder.updateMany({
    where: { id, updatedAt: version, status: { in: expected } },
    data: { updatedAt: new Date() },
  });
  if (claimed.count === 1) return;
  const now = await tx.salesOrder.findUnique({ where: { id }, select: { status: true } });
  const key: MessageKey = now && !expected.includes(now.status) ? "orders.error.wrongStatus" : "orders.error.conflict";
  throw new Refused(conflict(key));
}

async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<ServiceResult<T>>): Promise<ServiceResult<T>> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

/** One step along the path (shipped, accepted, invoiced, paid) or cancelled before shipping. */
export async function advanceOrder(
  db: Db,
  actor: StaffActor,
  orderId: number,
  input: AdvanceInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ status: SalesOrderStatus }, "to" | "invoiceNumber">> {
  const found = await findOrderForChange(db, actor, orderId, { id: true, status: true, invoiceNumber: true });
  if (found.kind !== "ok") return refusal(found.kind);
  const from = found.order.status;
  if (!mayAdvance(from, input.to)) return conflict("orders.error.wrongStatus");
  if (input.to === "invoiced" && !input.invoiceNumber)
    return invalid({ invoiceNumber: ["orders.error.invoiceNumber"] });
  const to = input.to;
  return inTransaction(db, async (tx) => {
    await claim(tx, orderId, input.version, [from]);
    const at = new Date();
    await tx.salesOrder.update({
      where: { id: orderId },
      data: {
        status: to,
        [STEP_DATE[to]]: at,
        ...(to === "invoiced" ? { invoiceNumber: input.invoiceNumber } : {}),
      },
    });
    await tx.salesOrderEvent.create({
      data: { orderId, fromStatus: from, toStatus: to, kind: "status", staffId: actor.staffId, note: input.note },
    });
    await recordStaffAudit(tx, actor, {
      action: `salesOrder.${to}`,
      entityType: "SalesOrder",
      entityId: orderId,
      before: { status: from },
      after: { status: to, ...(to === "invoiced" ? { invoiceNumber: input.invoiceNumber } : {}) },
      ipAddress: meta.ipAddress,
    });
    return ok({ status: to });
  });
}

export interface DeliveryResult {
  status: SalesOrderStatus;
  assets: DeliveredAsset[];
}

/**
 * Records a (partial) delivery: each line's delivered units (at most what is left), their serial
 * numbers and warranty; the units become the customer's assets. When every line is complete the
 * order is delivered.
 */
export async function deliverOrder(
  db: Db,
  actor: StaffActor,
  orderId: number,
  input: DeliveryInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<DeliveryResult, "lines" | "deliveredOn">> {
  const found = await findOrderForChange(db, actor, orderId, { id: true, status: true });
  if (found.kind !== "ok") return refusal(found.kind);
  if (!mayDeliver(found.order.status)) return conflict("orders.error.wrongStatus");
  const today = businessDay(new Date());
  const deliveredOn = input.deliveredOn ?? today;
  if (deliveredOn.getTime() > today.getTime()) return invalid({ deliveredOn: ["orders.error.futureDate"] });
  const wanted = input.lines.filter((l) => l.quantity > 0);
  if (wanted.length === 0) return invalid({ lines: ["orders.error.nothingToDeliver"] });
  if (new Set(wanted.map((l) => l.lineId)).size !== wanted.length) return invalid({ lines: ["validation.invalid"] });
  return inTransaction(db, async (tx) => {
    await claim(tx, orderId, input.version, ["shipped"]);
    const order = await tx.salesOrder.findUniqueOrThrow({
      where: { id: orderId },
      select: {
        id: true,
        number: true,
        companyId: true,
        contactId: true,
        lines: { orderBy: { position: "asc" } },
      },
    });
    const byId = new Map(order.lines.map((l) => [l.id, l]));
    const made: DeliveredAsset[] = [];
    const delivered: Array<{ lineId: number; quantity: number; assets: string[] }> = [];
    for (const want of wanted) {
      const line = byId.get(want.lineId);
      if (!line) throw new Refused(invalid({ lines: ["orders.error.badLine"] }));
      if (want.quantity > line.quantity - line.deliveredQuantity)
        throw new Refused(invalid({ lines: ["orders.error.tooMany"] }));
      if (want.serials.length > want.quantity || new Set(want.serials).size !== want.serials.length)
        throw new Refused(invalid({ lines: ["orders.error.serials"] }));
      const warrantyMonths = want.warrantyMonths ?? line.warrantyMonths;
      const assets = await createDeliveryAssets(tx, {
        order,
        line: { ...line, warrantyMonths },
        quantity: want.quantity,
        serials: want.serials,
        deliveredOn,
      });
      made.push(...assets);
      await tx.salesOrderLine.update({
        where: { id: line.id },
        data: { deliveredQuantity: { increment: want.quantity }, warrantyMonths },
      });
      delivered.push({ lineId: line.id, quantity: want.quantity, assets: assets.map((a) => a.number) });
    }
    const remaining = await tx.salesOrderLine.count({
      where: { orderId, deliveredQuantity: { lt: tx.salesOrderLine.fields.quantity } },
    });
    const status: SalesOrderStatus = remaining === 0 ? "delivered" : "shipped";
    if (status === "delivered")
      await tx.salesOrder.update({ where: { id: orderId }, data: { status, deliveredAt: new Date() } });
    await tx.salesOrderEvent.create({
      data: {
        orderId,
        fromStatus: "shipped",
        toStatus: status,
        kind: "delivery",
        staffId: actor.staffId,
        note: input.note,
        details: { deliveredOn: deliveredOn.toISOString().slice(0, 10), lines: delivered },
      },
    });
    await recordStaffAudit(tx, actor, {
      action: "salesOrder.delivery",
      entityType: "SalesOrder",
      entityId: orderId,
      after: { status, lines: delivered },
      ipAddress: meta.ipAddress,
    });
    return ok({ status, assets: made });
  });
}
