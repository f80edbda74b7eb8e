import { priceLine, splitTax, type Fen, type Packaging, type PriceScheme } from "#app/modules/catalog/pricing.ts";

// A quote line's money, to the fen, on top of the catalog's one pricing function (decision 037):
// the scheme prices the quantity (tiers, packaging, best-price cap); a typed unit price replaces the
// scheme's; a typed discount comes off the unit price, rounded half-up once, and the line total is
// that unit price × quantity (on a capped line, the capped amount less the same discount). Tax is
// split per line in the line's own convention (含税 or 不含税). Pure: tests price without a database.

export interface LineMoney {
  unit: string;
  unitFactor: number;
  quantity: number;
  listPriceFen: Fen;
  unitPriceFen: Fen;
  discountBp: number;
  taxRateBp: number;
  priceIncludesTax: boolean;
  netFen: Fen;
  taxFen: Fen;
  grossFen: Fen;
  lineTotalFen: Fen;
}

const BP = 10_000n;

function discounted(fen: Fen, discountBp: number): Fen {
  // round-half-up(fen × (1 − d)) in integers
  const keep = BP - BigInt(discountBp);
  return Number((BigInt(fen) * keep * 2n + BP) / (2n * BP));
}

function effectiveDiscountBp(listAmount: Fen, amount: Fen): number {
  if (listAmount <= 0 || amount >= listAmount) return 0;
  return Number((BigInt(listAmount - amount) * BP * 2n + BigInt(listAmount)) / (2n * BigInt(listAmount)));
}

function finish(
  base: Omit<LineMoney, "netFen" | "taxFen" | "grossFen" | "lineTotalFen" | "discountBp">,
  amountFen: Fen,
): LineMoney {
  if (!Number.isSafeInteger(amountFen) || amountFen > 9_999_999_999_999) throw new RangeError("amount is too large");
  const { netFen, taxFen, grossFen } = splitTax(amountFen, base.taxRateBp, base.priceIncludesTax);
  return {
    ...base,
    discountBp: effectiveDiscountBp(base.listPriceFen * base.quantity, amountFen),
    netFen,
    taxFen,
    grossFen,
    lineTotalFen: amountFen,
  };
}

/** A catalog line: the scheme's price for the quantity, or `typedPriceFen`; then the typed discount. */
export function priceCatalogLine(input: {
  scheme: PriceScheme;
  packaging: Packaging | null;
  baseUnit: string;
  quantity: number;
  typedPriceFen: Fen | null;
  discountBp: number;
}): LineMoney {
  const priced = priceLine(input.scheme, input.quantity, input.packaging);
  const base = {
    unit: input.packaging?.unit ?? input.baseUnit,
    unitFactor: input.packaging?.baseQuantity ?? 1,
    quantity: input.quantity,
    listPriceFen: priced.listUnitPriceFen,
    taxRateBp: input.scheme.taxRateBp,
    priceIncludesTax: input.scheme.priceIncludesTax,
  };
  if (input.typedPriceFen !== null) {
    const unitPriceFen = discounted(input.typedPriceFen, input.discountBp);
    return finish({ ...base, unitPriceFen }, unitPriceFen * input.quantity);
  }
  const unitPriceFen = discounted(priced.unitPriceFen, input.discountBp);
  const amount = priced.capFen > 0 ? discounted(priced.amountFen, input.discountBp) : unitPriceFen * input.quantity;
  return finish({ ...base, unitPriceFen }, amount);
}

/** A free line typed during a call (no catalog product): price, discount and tax as typed. */
export function priceFreeLine(input: {
  unit: string;
  quantity: number;
  priceFen: Fen;
  discountBp: number;
  taxRateBp: number;
}): LineMoney {
  const unitPriceFen = discounted(input.priceFen, input.discountBp);
  return finish(
    {
      unit: input.unit,
      unitFactor: 1,
      quantity: input.quantity,
      listPriceFen: input.priceFen,
      unitPriceFen,
      taxRateBp: input.taxRateBp,
      priceIncludesTax: true,
    },
    unitPriceFen * input.quantity,
  );
}

/** Quote totals: the lines' sums (tax per line, as on a 增值税发票). */
export function quoteTotals(lines: ReadonlyArray<Pick<LineMoney, "netFen" | "taxFen" | "grossFen">>) {
  return lines.reduce(
    (sum, l) => ({ netFen: sum.netFen + l.netFen, taxFen: sum.taxFen + l.taxFen, totalFen: sum.totalFen + l.grossFen }),
    { netFen: 0, taxFen: 0, totalFen: 0 },
  );
}
