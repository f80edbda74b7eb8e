import type { DbOrTx } from "#app/lib/db.server.ts";
import { applicableSchemes, type PricingContext } from "./price-schemes.server.ts";
import { fenToDecimalString, priceLine, type PriceScheme } from "./pricing.ts";

// Prices for the portal's order basket: the schemes that apply to the signed-in member (their level,
// their company when staff linked one) or to a visitor, for the browser to price live, and the same
// prices computed again on the server when the basket is submitted — never taken from the form.

/** The pricing context of a member (null: a visitor, who gets the schemes for everyone). */
export async function memberPricingContext(
  db: DbOrTx,
  memberId: number | null,
  at = new Date(),
): Promise<PricingContext> {
  if (!memberId) return { at };
  const member = await db.member.findUnique({ where: { id: memberId }, select: { level: true, companyId: true } });
  return { at, memberLevel: member?.level ?? null, companyId: member?.companyId ?? null };
}

const PRICED_PRODUCT = {
  id: true,
  sku: true,
  categoryId: true,
  unitPrice: true,
  taxRateBp: true,
  priceIncludesTax: true,
} as const;

/** Each SKU's price scheme for this member (list price and tiers; never the cost). */
export async function portalSchemes(
  db: DbOrTx,
  memberId: number | null,
  skus: readonly string[],
): Promise<Record<string, PriceScheme>> {
  const products = await db.product.findMany({ where: { sku: { in: [...skus] } }, select: PRICED_PRODUCT });
  const schemes = await applicableSchemes(db, products, await memberPricingContext(db, memberId));
  return Object.fromEntries(
    products.flatMap((p) => (schemes.has(p.id) ? [[p.sku, schemes.get(p.id) as PriceScheme]] : [])),
  );
}

/**
 * The priced lines of a submitted order, in the order of `items`: unit price and line total as
 * decimal strings, for the lead items (and, on conversion, the opportunity's items).
 */
export async function orderItemPrices(
  db: DbOrTx,
  memberId: number | null,
  items: ReadonlyArray<{ sku: string; quantity: number }>,
): Promise<Array<{ unit: string | null; unitPrice: string; lineTotal: string }>> {
  const schemes = await portalSchemes(db, memberId, [...new Set(items.map((i) => i.sku))]);
  const lower = new Map(Object.entries(schemes).map(([sku, scheme]) => [sku.toLowerCase(), scheme]));
  return items.map((item) => {
    const scheme = lower.get(item.sku.toLowerCase());
    if (!scheme) return { unit: null, unitPrice: "0.00", lineTotal: "0.00" };
    const line = priceLine(scheme, item.quantity);
    return {
      unit: null,
      unitPrice: fenToDecimalString(line.unitPriceFen),
      lineTotal: fenToDecimalString(line.amountFen),
    };
  });
}
