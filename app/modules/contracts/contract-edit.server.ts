import type { Db, Tx } from "#app/lib/db.server.ts";
import { conflict, invalid, ok, refusal, type ServiceResult } from "#app/lib/service-result.ts";
import type { AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { parseFen, splitTax } from "#app/modules/catalog/pricing.ts";
import { businessDay } from "#app/modules/service/service-dates.ts";
import type { EvenPlanInput, LineAddInput, PartInput, PlanInput, ReceiptInput } from "./contract-form.ts";
import { pricedLine } from "./contract-lines.ts";
import { MAX_AMOUNT_FEN, planIssues, splitEvenly } from "./contract-model.ts";
import { contractForChange } from "./contract-scope.server.ts";
import { audit, refreshAmount, toLineRow, withDraft, type DraftRow } from "./contracts.server.ts";
import { productLineSelect } from "#app/modules/catalog/product-selects.ts";

// A draft's product list, payment plan (收款计划) and document parts, and money received against the
// plan once the contract is in execution. The plan is part of what is approved: it changes only on a
// draft and must sum to the contract amount to the fen before the draft may be submitted.

type LineField = "productId" | "unitPrice" | "quantity";

export async function addLine(
  db: Db,
  actor: StaffActor,
  contractId: number,
  input: LineAddInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, LineField>> {
  return withDraft<{ id: number }, LineField>(db, actor, contractId, input.revision, async (tx) => {
    const product = await tx.product.findFirst({
      where: { id: input.productId, active: true },
      select: productLineSelect,
    });
    if (!product) return invalid<LineField>({ productId: ["validation.choose"] });
    const listFen = parseFen(product.unitPrice.toFixed(2)) ?? 0;
    const unitPriceFen = input.unitPrice ?? splitTax(listFen, product.taxRateBp, product.priceIncludesTax).grossFen;
    if (input.quantity * unitPriceFen > MAX_AMOUNT_FEN)
      return invalid<LineField>({ quantity: ["contracts.error.tooLarge"] });
    const line = pricedLine(product, input.quantity, unitPriceFen);
    const position = await tx.salesContractLine.count({ where: { contractId } });
    const row = await tx.salesContractLine.create({ data: { contractId, ...toLineRow(line, position) } });
    const amountFen = await refreshAmount(tx, contractId);
    await audit(tx, actor, meta, "line-added", contractId, null, {
      sku: line.sku,
      quantity: line.quantity,
      grossFen: line.grossFen,
      amountFen: Number(amountFen),
    });
    return ok({ id: row.id });
  });
}

export async function removeLine(
  db: Db,
  actor: StaffActor,
  contractId: number,
  input: { lineId: number; revision: number },
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  return withDraft(db, actor, contractId, input.revision, async (tx) => {
    const removed = await tx.salesContractLine.deleteMany({ where: { id: input.lineId, contractId } });
    if (removed.count === 0) return refusal("not-found");
    const amountFen = await refreshAmount(tx, contractId);
    await audit(
      tx,
      actor,
      meta,
      "line-removed",
      contractId,
      { lineId: input.lineId },
      { amountFen: Number(amountFen) },
    );
    return ok({ id: contractId });
  });
}

type PlanField = "instalments" | "count";
type PlanRow = { dueDate: Date; amountFen: number; label: string };

/** Replaces the draft's plan inside withDraft; it must sum to the contract amount exactly. */
async function replacePlan(
  tx: Tx,
  actor: StaffActor,
  meta: AuditMeta,
  row: DraftRow,
  instalments: PlanRow[],
): Promise<ServiceResult<{ id: number }, PlanField>> {
  const plan = instalments.map((i) => ({ ...i, dueDate: i.dueDate.toISOString().slice(0, 10) }));
  const issues = planIssues(Number(row.amountFen), plan);
  if (issues.length > 0) {
    const sum = issues.some((i) => i.code === "sum");
    const order = issues.some((i) => i.code === "order");
    return invalid<PlanField>({
      instalments: [sum ? "contracts.error.planSum" : order ? "contracts.error.planOrder" : "validation.invalid"],
    });
  }
  await tx.paymentInstalment.deleteMany({ where: { contractId: row.id } });
  await tx.paymentInstalment.createMany({
    data: instalments.map((p, position) => ({
      contractId: row.id,
      position,
      label: p.label,
      dueDate: p.dueDate,
      amountFen: BigInt(p.amountFen),
    })),
  });
  await audit(tx, actor, meta, "plan-saved", row.id, null, { instalments: plan });
  return ok({ id: row.id });
}

/** Replaces the draft's plan; it must sum to the contract amount exactly (checked again on submit). */
export function savePlan(
  db: Db,
  actor: StaffActor,
  contractId: number,
  input: PlanInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, PlanField>> {
  return withDraft<{ id: number }, PlanField>(db, actor, contractId, input.revision, (tx, row) =>
    replacePlan(
      tx,
      actor,
      meta,
      row,
      input.instalments.map((i) => ({ label: i.label, dueDate: i.dueDate, amountFen: i.amount })),
    ),
  );
}

/** Adds `months` calendar months to a DATE (the 31st clamps to the month's last day). */
export function addMonths(day: Date, months: number): Date {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day.getUTCDate(), last)));
}

/** The quick plan: `count` equal instalments (the odd fen on the last), `monthsApart` apart. */
export function saveEvenPlan(
  db: Db,
  actor: StaffActor,
  contractId: number,
  input: EvenPlanInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, PlanField>> {
  return withDraft<{ id: number }, PlanField>(db, actor, contractId, input.revision, async (tx, row) => {
    if (row.amountFen <= 0n) return conflict("contracts.error.noLines");
    const shares = splitEvenly(Number(row.amountFen), input.count);
    const instalments = shares.map((fen, i) => ({
      label: `第 ${i + 1} 期`,
      dueDate: addMonths(input.firstDue, i * input.monthsApart),
      amountFen: fen,
    }));
    return replacePlan(tx, actor, meta, row, instalments);
  });
}

/**
 * 收款: records money received against one instalment (partial payments allowed, never more than is
 * still owed), under the contract's row lock so two clerks cannot over-collect together.
 */
export async function recordReceipt(
  db: Db,
  actor: StaffActor,
  contractId: number,
  input: ReceiptInput,
  meta: AuditMeta = {},
  now: Date = new Date(),
): Promise<ServiceResult<{ id: number }, "amount" | "receivedOn" | "instalmentId">> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM \`SalesContract\` WHERE id = ${contractId} FOR UPDATE`;
    const found = await contractForChange(tx, actor, contractId, { id: true, status: true });
    if (found.kind !== "ok") return refusal(found.kind);
    if (found.row.status !== "in_execution") return conflict("contracts.error.notExecuting");
    const instalment = await tx.paymentInstalment.findFirst({
      where: { id: input.instalmentId, contractId },
      select: { id: true, amountFen: true, receivedFen: true },
    });
    if (!instalment) return invalid({ instalmentId: ["validation.choose"] });
    const owed = instalment.amountFen - instalment.receivedFen;
    if (BigInt(input.amount) > owed) return invalid({ amount: ["contracts.error.overpaid"] });
    if (input.receivedOn.getTime() > businessDay(now).getTime())
      return invalid({ receivedOn: ["contracts.error.futureDate"] });
    const receipt = await tx.paymentReceipt.create({
      data: {
        instalmentId: instalment.id,
        amountFen: BigInt(input.amount),
        receivedOn: input.receivedOn,
        note: input.note,
        recordedById: actor.staffId,
      },
    });
    await tx.paymentInstalment.update({
      where: { id: instalment.id },
      data: { receivedFen: { increment: BigInt(input.amount) } },
    });
    await tx.salesContract.update({
      where: { id: contractId },
      data: { receivedFen: { increment: BigInt(input.amount) } },
    });
    await audit(tx, actor, meta, "payment-received", contractId, null, {
      instalmentId: instalment.id,
      amountFen: input.amount,
      receivedOn: input.receivedOn.toISOString().slice(0, 10),
    });
    return ok({ id: receipt.id });
  });
}

/** Adds a document part at the end, or edits one (merge fields stay as typed; filled when rendered). */
export async function savePart(
  db: Db,
  actor: StaffActor,
  contractId: number,
  input: PartInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  return withDraft(db, actor, contractId, input.revision, async (tx) => {
    if (input.partId !== null) {
      const changed = await tx.salesContractPart.updateMany({
        where: { id: input.partId, contractId },
        data: { title: input.title, body: input.body },
      });
      if (changed.count === 0) return refusal("not-found");
      await audit(tx, actor, meta, "part-edited", contractId, null, { partId: input.partId, title: input.title });
      return ok({ id: input.partId });
    }
    const last = await tx.salesContractPart.aggregate({ where: { contractId }, _max: { position: true } });
    const part = await tx.salesContractPart.create({
      data: { contractId, position: (last._max.position ?? -1) + 1, title: input.title, body: input.body },
    });
    await audit(tx, actor, meta, "part-added", contractId, null, { partId: part.id, title: input.title });
    return ok({ id: part.id });
  });
}

export async function removePart(
  db: Db,
  actor: StaffActor,
  contractId: number,
  input: { partId: number; revision: number },
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  return withDraft(db, actor, contractId, input.revision, async (tx) => {
    const removed = await tx.salesContractPart.deleteMany({ where: { id: input.partId, contractId } });
    if (removed.count === 0) return refusal("not-found");
    await audit(tx, actor, meta, "part-removed", contractId, { partId: input.partId });
    return ok({ id: contractId });
  });
}
