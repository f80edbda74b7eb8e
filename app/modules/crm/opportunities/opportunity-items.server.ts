import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { conflict, invalid, notFound, ok, refusal, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { applicableSchemes } from "#app/modules/catalog/price-schemes.server.ts";
import { fenToDecimalString, priceLine } from "#app/modules/catalog/pricing.ts";
import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import type { ItemAddInput, ItemEditInput } from "./opportunity-form.ts";
import { auditJson } from "./audit-json.ts";
import { lineTotal } from "./opportunity-money.ts";
import { findForChange, opportunityScopeWhere } from "./opportunity-scope.server.ts";
import { productLineSelect } from "#app/modules/catalog/product-selects.ts";

// Line items (产品明细) against the catalog's products: quantity, unit price (the product's list
// price unless typed), discount; each line's total is rounded to the fen and the opportunity's
// amount is the exact sum of its lines after every change. Changes check the opportunity's version.

type ItemField = "productId" | "itemId" | "quantity" | "unitPrice" | "discountPercent";

/** Sets amount = Σ line totals (SQL SUM over DECIMAL: exact). */
async function amountFollowsItems(tx: DbOrTx, opportunityId: number) {
  const sum = await tx.opportunityItem.aggregate({ where: { opportunityId }, _sum: { lineTotal: true } });
  const amount = sum._sum.lineTotal?.toFixed(2) ?? "0.00";
  await tx.opportunity.update({ where: { id: opportunityId }, data: { amount } });
  return amount;
}

/** Runs `change` in a transaction after claiming the version (a stale version changes nothing). */
async function withVersion<T>(
  db: Db,
  actor: StaffActor,
  id: number,
  version: Date,
  change: (tx: DbOrTx) => Promise<T | null>,
  meta: AuditMeta & { action: string },
): Promise<ServiceResult<{ amount: string }, ItemField>> {
  const found = await findForChange(db, actor, id, { id: true, amount: true });
  if (found.kind !== "ok") return refusal(found.kind);
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.opportunity.updateMany({
        where: { id, updatedAt: version },
        data: { updatedAt: new Date() },
      });
      if (claimed.count === 0) return conflict("opportunities.error.conflict");
      const detail = await change(tx);
      // Roll the version claim back: nothing changed.
      if (detail === null) throw new ItemMissing();
      const amount = await amountFollowsItems(tx, id);
      await recordStaffAudit(tx, actor, {
        action: meta.action,
        entityType: "Opportunity",
        entityId: id,
        before: { amount: found.opp.amount.toFixed(2) },
        after: { amount, item: auditJson(detail as object) },
        ipAddress: meta.ipAddress,
      });
      await enqueueSearchSync(tx, "opportunities", [id]);
      return ok({ amount });
    });
  } catch (error) {
    if (error instanceof ItemMissing) return notFound();
    throw error;
  }
}

class ItemMissing extends Error {}

export async function addOpportunityItem(
  db: Db,
  actor: StaffActor,
  id: number,
  input: ItemAddInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ amount: string }, ItemField>> {
  const product = await db.product.findFirst({
    where: { id: input.productId, active: true },
    select: productLineSelect,
  });
  if (!product) return invalid<ItemField>({ productId: ["opportunities.error.product"] });
  const priced = input.unitPrice === null ? await schemePrice(db, actor, id, product, input.quantity) : null;
  const unitPrice = input.unitPrice ?? priced?.unitPrice ?? product.unitPrice.toFixed(2);
  // A scheme's line total (tiers, best-price cap) stands unless a further discount is typed.
  const total =
    priced && input.discountPercent === "0"
      ? priced.lineTotal
      : lineTotal(input.quantity, unitPrice, input.discountPercent);
  return withVersion(
    db,
    actor,
    id,
    input.version,
    async (tx) => {
      const item = {
        opportunityId: id,
        productId: product.id,
        sku: product.sku,
        name: product.name,
        unit: product.unit,
        quantity: input.quantity,
        unitPrice,
        discountPercent: input.discountPercent,
        lineTotal: total,
      };
      await tx.opportunityItem.create({ data: item });
      return item;
    },
    { ...meta, action: "opportunity.itemAdded" },
  );
}

export async function editOpportunityItem(
  db: Db,
  actor: StaffActor,
  id: number,
  input: ItemEditInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ amount: string }, ItemField>> {
  const unitPrice = input.unitPrice ?? "0.00";
  const total = lineTotal(input.quantity, unitPrice, input.discountPercent);
  return withVersion(
    db,
    actor,
    id,
    input.version,
    async (tx) => {
      const data = { quantity: input.quantity, unitPrice, discountPercent: input.discountPercent, lineTotal: total };
      const { count } = await tx.opportunityItem.updateMany({ where: { id: input.itemId, opportunityId: id }, data });
      return count === 0 ? null : { itemId: input.itemId, ...data };
    },
    { ...meta, action: "opportunity.itemEdited" },
  );
}

export async function removeOpportunityItem(
  db: Db,
  actor: StaffActor,
  id: number,
  input: { itemId: number; version: Date },
  meta: AuditMeta = {},
): Promise<ServiceResult<{ amount: string }, ItemField>> {
  return withVersion(
    db,
    actor,
    id,
    input.version,
    async (tx) => {
      const { count } = await tx.opportunityItem.deleteMany({ where: { id: input.itemId, opportunityId: id } });
      return count === 0 ? null : { itemId: input.itemId };
    },
    { ...meta, action: "opportunity.itemRemoved" },
  );
}

/**
 * The catalog's price for this quantity (decision 037): the approved scheme that applies to the
 * opportunity's company and this salesperson, through the pure pricing function; null when the
 * opportunity is not visible or the scheme cannot price it (the list price is used then).
 */
async function schemePrice(
  db: Db,
  actor: StaffActor,
  id: number,
  product: Parameters<typeof applicableSchemes>[1][number],
  quantity: number,
): Promise<{ unitPrice: string; lineTotal: string } | null> {
  const browse = opportunityScopeWhere(actor, "browse");
  const opp = browse
    ? await db.opportunity.findFirst({ where: { AND: [browse, { id }] }, select: { companyId: true } })
    : null;
  if (!opp) return null;
  const schemes = await applicableSchemes(db, [product], {
    at: new Date(),
    companyId: opp.companyId,
    staffId: actor.staffId,
  });
  const scheme = schemes.get(product.id);
  if (!scheme) return null;
  try {
    const line = priceLine(scheme, quantity);
    return { unitPrice: fenToDecimalString(line.unitPriceFen), lineTotal: fenToDecimalString(line.amountFen) };
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** Active products for the item picker (id, sku, name, unit, list price). */
export async function productOptions(db: DbOrTx) {
  const rows = await db.product.findMany({
    where: { active: true },
    select: { id: true, sku: true, name: true, unit: true, unitPrice: true },
    orderBy: { sku: "asc" },
    take: 500,
  });
  return rows.map((p) => ({ ...p, unitPrice: p.unitPrice.toFixed(2) }));
}
