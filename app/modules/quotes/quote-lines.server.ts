import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import { conflict, invalid, refusal, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { applicableSchemes } from "#app/modules/catalog/price-schemes.server.ts";
import { resolvePackagings, type Packaging } from "#app/modules/catalog/pricing.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { isEditable, type QuoteLineAddInput, type QuoteLineEditInput } from "./quote-input.ts";
import { priceCatalogLine, priceFreeLine, quoteTotals, type LineMoney } from "./quote-pricing.ts";
import { findQuoteForChange } from "./quote-scope.server.ts";
import { productLineSelect } from "#app/modules/catalog/product-selects.ts";

// 产品清单 of a quote: add, edit and remove lines while the quote is a draft (or a rejected draft),
// each change priced to the fen and the quote's totals recomputed from its lines in the same
// transaction, under the page's version (two editors: the second gets a conflict, nothing changes).

type LineField = "productId" | "name" | "unit" | "quantity" | "unitPrice" | "discountPercent" | "taxRate" | "lineId";

const PRODUCT_SELECT = {
  ...productLineSelect,
  active: true,
  packagings: { select: { unit: true, contains: true, ofUnit: true }, orderBy: { position: "asc" } },
} as const;

export class QuoteChangeAborted extends Error {
  constructor(readonly result: ServiceResult<never>) {
    super("quote change aborted");
  }
}

/** Sets the quote's totals to the sums of its lines (integer fen, tax per line). */
export async function recomputeTotals(tx: Tx, quoteId: number): Promise<void> {
  const lines = await tx.quoteLine.findMany({
    where: { quoteId },
    select: { netFen: true, taxFen: true, grossFen: true },
  });
  const totals = quoteTotals(
    lines.map((l) => ({ netFen: Number(l.netFen), taxFen: Number(l.taxFen), grossFen: Number(l.grossFen) })),
  );
  await tx.quote.update({
    where: { id: quoteId },
    data: { netFen: BigInt(totals.netFen), taxFen: BigInt(totals.taxFen), totalFen: BigInt(totals.totalFen) },
  });
}

/**
 * Runs `change` on an editable quote the actor may modify, after claiming the page's version; the
 * totals follow the lines. A stale version or a quote no longer editable changes nothing (409).
 */
export async function withEditableQuote<T>(
  db: Db,
  actor: StaffActor,
  id: number,
  version: Date,
  action: string,
  change: (tx: Tx, quote: { id: number; companyId: number }) => Promise<T>,
  meta: AuditMeta = {},
): Promise<ServiceResult<T>> {
  const found = await findQuoteForChange(db, actor, id, { id: true, companyId: true, status: true });
  if (found.kind !== "ok") return refusal(found.kind);
  if (!isEditable(found.quote.status)) return conflict("quotes.error.readOnly");
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.quote.updateMany({
        where: { id, updatedAt: version, status: { in: ["draft", "rejected"] } },
        data: { updatedAt: new Date() },
      });
      if (claimed.count === 0) return conflict("quotes.error.conflict");
      const value = await change(tx, found.quote);
      await recomputeTotals(tx, id);
      await recordStaffAudit(tx, actor, {
        action,
        entityType: "Quote",
        entityId: id,
        after: JSON.parse(JSON.stringify(value ?? {}, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v))),
        ipAddress: meta.ipAddress,
      });
      return ok(value);
    });
  } catch (error) {
    if (error instanceof QuoteChangeAborted) return error.result;
    throw error;
  }
}

function lineData(money: LineMoney) {
  return {
    unit: money.unit,
    unitFactor: money.unitFactor,
    quantity: money.quantity,
    listPriceFen: BigInt(money.listPriceFen),
    unitPriceFen: BigInt(money.unitPriceFen),
    discountBp: money.discountBp,
    taxRateBp: money.taxRateBp,
    priceIncludesTax: money.priceIncludesTax,
    netFen: BigInt(money.netFen),
    taxFen: BigInt(money.taxFen),
    grossFen: BigInt(money.grossFen),
    lineTotalFen: BigInt(money.lineTotalFen),
  };
}

function refuse(field: LineField, key: MessageKey): never {
  throw new QuoteChangeAborted(invalid<LineField>({ [field]: [key] }) as ServiceResult<never>);
}

type Product = NonNullable<Awaited<ReturnType<typeof loadProduct>>>;

function loadProduct(db: DbOrTx, productId: number) {
  return db.product.findFirst({ where: { id: productId, active: true }, select: PRODUCT_SELECT });
}

function packagingOf(product: Product, unit: string | null): Packaging | null | "unknown" {
  let packagings: Packaging[];
  try {
    packagings = resolvePackagings(
      product.unit,
      product.packagings.map((p) => ({ unit: p.unit, contains: p.contains, of: p.ofUnit })),
    );
  } catch {
    packagings = [{ unit: product.unit, baseQuantity: 1 }];
  }
  if (!unit || unit === product.unit) return null;
  return packagings.find((p) => p.unit === unit) ?? "unknown";
}

/** Prices a catalog line for the quote's customer and this salesperson (their authorised schemes). */
async function priceProductLine(
  db: DbOrTx,
  actor: StaffActor,
  companyId: number,
  product: Product,
  input: { unit: string | null; quantity: number; typedPriceFen: Fen | null; discountBp: number },
): Promise<LineMoney> {
  const packaging = packagingOf(product, input.unit);
  if (packaging === "unknown") refuse("unit", "quotes.error.unit");
  const schemes = await applicableSchemes(db, [product], { at: new Date(), companyId, staffId: actor.staffId });
  const scheme = schemes.get(product.id);
  if (!scheme) refuse("productId", "quotes.error.product");
  try {
    return priceCatalogLine({
      scheme,
      packaging,
      baseUnit: product.unit,
      quantity: input.quantity,
      typedPriceFen: input.typedPriceFen,
      discountBp: input.discountBp,
    });
  } catch (error) {
    if (error instanceof RangeError) refuse("quantity", "quotes.error.tooLarge");
    throw error;
  }
}

type Fen = number;

export async function addQuoteLine(
  db: Db,
  actor: StaffActor,
  id: number,
  input: QuoteLineAddInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ lineId: number }>> {
  if (input.productId === null && (!input.name || input.unitPrice === null)) {
    return invalid<LineField>({
      ...(input.name ? {} : { name: ["quotes.error.lineName"] }),
      ...(input.unitPrice === null ? { unitPrice: ["quotes.error.price"] } : {}),
    });
  }
  const product = input.productId === null ? null : await loadProduct(db, input.productId);
  if (input.productId !== null && !product) return invalid<LineField>({ productId: ["quotes.error.product"] });
  return withEditableQuote(
    db,
    actor,
    id,
    input.version,
    "quote.lineAdded",
    async (tx, quote) => {
      const money = product
        ? await priceProductLine(tx, actor, quote.companyId, product, {
            unit: input.unit,
            quantity: input.quantity,
            typedPriceFen: input.unitPrice,
            discountBp: input.discountPercent,
          })
        : freeLine(input);
      const last = await tx.quoteLine.aggregate({ where: { quoteId: id }, _max: { position: true } });
      const line = await tx.quoteLine.create({
        data: {
          quoteId: id,
          position: (last._max.position ?? -1) + 1,
          productId: product?.id ?? null,
          sku: product?.sku ?? "",
          name: product?.name ?? input.name ?? "",
          ...lineData(money),
        },
        select: { id: true },
      });
      return { lineId: line.id };
    },
    meta,
  );
}

function freeLine(input: QuoteLineAddInput): LineMoney {
  try {
    return priceFreeLine({
      unit: input.unit ?? "项",
      quantity: input.quantity,
      priceFen: input.unitPrice ?? 0,
      discountBp: input.discountPercent,
      taxRateBp: input.taxRate ?? 1300,
    });
  } catch (error) {
    if (error instanceof RangeError) refuse("quantity", "quotes.error.tooLarge");
    throw error;
  }
}

export async function editQuoteLine(
  db: Db,
  actor: StaffActor,
  id: number,
  input: QuoteLineEditInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ lineId: number }>> {
  return withEditableQuote(
    db,
    actor,
    id,
    input.version,
    "quote.lineEdited",
    async (tx, quote) => {
      const line = await tx.quoteLine.findFirst({ where: { id: input.lineId, quoteId: id } });
      if (!line) refuse("lineId", "quotes.error.lineMissing");
      const product = line.productId === null ? null : await loadProduct(tx, line.productId);
      const money = product
        ? await priceProductLine(tx, actor, quote.companyId, product, {
            unit: line.unit,
            quantity: input.quantity,
            typedPriceFen: input.unitPrice,
            discountBp: input.discountPercent,
          })
        : freeLine({
            version: input.version,
            productId: null,
            name: line.name,
            unit: line.unit,
            quantity: input.quantity,
            unitPrice: input.unitPrice ?? Number(line.listPriceFen),
            discountPercent: input.discountPercent,
            taxRate: line.taxRateBp,
          });
      await tx.quoteLine.update({ where: { id: line.id }, data: lineData(money) });
      return { lineId: line.id };
    },
    meta,
  );
}

export async function removeQuoteLine(
  db: Db,
  actor: StaffActor,
  id: number,
  input: { version: Date; lineId: number },
  meta: AuditMeta = {},
): Promise<ServiceResult<{ lineId: number }>> {
  return withEditableQuote(
    db,
    actor,
    id,
    input.version,
    "quote.lineRemoved",
    async (tx) => {
      const { count } = await tx.quoteLine.deleteMany({ where: { id: input.lineId, quoteId: id } });
      if (count === 0) refuse("lineId", "quotes.error.lineMissing");
      return { lineId: input.lineId };
    },
    meta,
  );
}
