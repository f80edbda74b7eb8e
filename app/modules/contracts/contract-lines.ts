import { parseFen, splitTax } from "#app/modules/catalog/pricing.ts";

// A contract line as copied in: every amount in integer fen, the gross (含税) amount what the
// contract amount sums. Prices on contracts are tax-inclusive (含税价, decision 045).

export interface NewLine {
  productId: number | null;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  unitPriceFen: number;
  taxRateBp: number;
  netFen: number;
  taxFen: number;
  grossFen: number;
}

/** A line priced here: quantity × the tax-inclusive unit price, tax split out per line. */
export function pricedLine(
  product: { id: number; sku: string; name: string; unit: string; taxRateBp: number },
  quantity: number,
  unitPriceFen: number,
): NewLine {
  const gross = quantity * unitPriceFen;
  if (!Number.isSafeInteger(gross)) throw new RangeError("line amount too large");
  const split = splitTax(gross, product.taxRateBp, true);
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    unit: product.unit,
    quantity,
    unitPriceFen,
    taxRateBp: product.taxRateBp,
    ...split,
  };
}

/** An opportunity item copied to the fen: its line total (discount included) is the gross amount. */
export function lineFromOpportunityItem(item: {
  productId: number | null;
  sku: string;
  name: string;
  unit: string | null;
  quantity: number;
  unitPrice: { toFixed(digits: number): string };
  lineTotal: { toFixed(digits: number): string };
  product: { taxRateBp: number } | null;
}): NewLine {
  const grossFen = parseFen(item.lineTotal.toFixed(2)) ?? 0;
  const taxRateBp = item.product?.taxRateBp ?? 1300;
  return {
    productId: item.productId,
    sku: item.sku,
    name: item.name,
    unit: item.unit ?? "",
    quantity: item.quantity,
    unitPriceFen: parseFen(item.unitPrice.toFixed(2)) ?? 0,
    taxRateBp,
    ...splitTax(grossFen, taxRateBp, true),
  };
}
