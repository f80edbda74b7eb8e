// The one pricing function of the catalog: scheme + quantity + packaging → unit price, discount,
// tax and line total, and a basket total. Pure (no database, no clock), so the portal basket, the
// back office and the opportunity line items all compute the same figures (decision 037).
//
// Money is integer fen (分) everywhere in here; products of two money-sized integers go through
// BigInt so that nothing is ever a binary fraction. Rounding is half-up (四舍五入) on the fen.
//
// Tax convention, stated explicitly per scheme: `priceIncludesTax` true means every price in the
// scheme is 含税价 (tax-inclusive, the Chinese B2B norm): the line amount is the gross, the net is
// gross ÷ (1 + rate) rounded, and the tax is the difference. False means prices are 不含税: the line
// amount is the net, tax = net × rate rounded, gross = net + tax. Tax is computed per line and the
// basket sums the lines, as a 增值税发票 does.

/** Integer fen (1 元 = 100 fen). */
export type Fen = number;

/** One sellable unit of a product: its name and how many base units it holds (支 = 1, 包 = 100). */
export interface Packaging {
  unit: string;
  baseQuantity: number;
}

/** One packaging step as people state it: "100 支/包" is `{ unit: "包", contains: 100, of: "支" }`. */
export interface PackagingStep {
  unit: string;
  contains: number;
  of: string;
}

/**
 * A quantity tier: from `minQuantity` base units on, either a fixed unit price per base unit or a
 * discount off the base price in basis points (1000 = 10 % off = 九折). Exactly one of the two.
 */
export interface PriceTier {
  minQuantity: number;
  unitPriceFen?: Fen | null;
  discountBp?: number | null;
}

export interface PriceScheme {
  /** Price of one base unit before any tier (the list price, or the scheme's own base price). */
  basePriceFen: Fen;
  /** 1300 = 13 %. */
  taxRateBp: number;
  priceIncludesTax: boolean;
  tiers: readonly PriceTier[];
  currency?: string;
}

export interface NextTierHint {
  /** How many more of the line's unit to add to reach the tier ("再买 6 件"). */
  moreQuantity: number;
  /** The unit price (per the line's unit) from then on. */
  unitPriceFen: Fen;
  /** The tier's discount off the list price, in basis points (1000 → "9 折"). */
  discountBp: number;
  /** Whether the tier was stated as a discount (show "9 折") or as a price (show the price). */
  kind: "discount" | "price";
  /** What reaching the tier adds to the line total (0: "多买几件，总价不变"). */
  extraFen: Fen;
}

export interface PricedLine {
  quantity: number;
  unit: string | null;
  baseQuantity: number;
  /** List price of one unit of the line's packaging, in the scheme's tax convention. */
  listUnitPriceFen: Fen;
  /** The price charged per unit of the line's packaging, in the scheme's tax convention. */
  unitPriceFen: Fen;
  /** Effective discount of the amount off the list amount, in basis points (rounded). */
  discountBp: number;
  /** Index into `scheme.tiers` of the tier applied, or null for the base price. */
  tierIndex: number | null;
  priceIncludesTax: boolean;
  taxRateBp: number;
  /** listUnitPriceFen × quantity. */
  listAmountFen: Fen;
  /** The line total in the scheme's convention (含税 or 不含税): unitPriceFen × quantity − capFen. */
  amountFen: Fen;
  /** listAmountFen − amountFen. */
  discountFen: Fen;
  /** What the best-price cap took off unitPriceFen × quantity (0 unless a later tier is cheaper). */
  capFen: Fen;
  netFen: Fen;
  taxFen: Fen;
  grossFen: Fen;
  nextTier: NextTierHint | null;
}

export interface BasketTotals {
  currency: string;
  lineCount: number;
  /** Gross (含税) value of all lines at list price. */
  listGrossFen: Fen;
  /** listGrossFen − grossFen: what the tiers saved, tax included. */
  discountFen: Fen;
  netFen: Fen;
  taxFen: Fen;
  grossFen: Fen;
}

export interface PricedBasket {
  lines: PricedLine[];
  totals: BasketTotals;
}

export interface BasketLineInput {
  scheme: PriceScheme;
  quantity: number;
  packaging?: Packaging | null;
}

export const DEFAULT_CURRENCY = "CNY";
const BP = 10_000n;

// ---------------------------------------------------------------------------------------------
// Integer helpers

function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer`);
}

function toSafe(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${what} is too large`);
  return Number(value);
}

/** round-half-up(a × b ÷ c) for non-negative integers. */
function mulDivRound(a: bigint, b: bigint, c: bigint): bigint {
  return (a * b * 2n + c) / (2n * c);
}

/** ceil(a ÷ b) for non-negative integers. */
function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

// ---------------------------------------------------------------------------------------------
// Money as text (database DECIMAL(14,2) columns and form fields)

/** "1234.5" / "1,234.56" / "¥12" → 123450 / 123456 / 1200 fen; null when it is not an amount. */
export function parseFen(text: string): Fen | null {
  const cleaned = text
    .trim()
    .replace(/^[¥￥]/, "")
    .replaceAll(",", "");
  const match = /^(\d{1,13})(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = (match[2] ?? "").padEnd(2, "0");
  return Number(match[1]) * 100 + Number(fraction);
}

/** 123456 → "1234.56" (for DECIMAL columns; display goes through app/lib/format/money.ts). */
export function fenToDecimalString(fen: Fen): string {
  assertCount(Math.abs(fen), "amount");
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// Packaging

/**
 * Resolve "100 支/包, 50 包/箱" into base-unit counts: [支 × 1, 包 × 100, 箱 × 5000]. Steps may come
 * in any order; a step that names an unknown unit, repeats a unit or contains less than 1 is refused.
 */
export function resolvePackagings(baseUnit: string, steps: readonly PackagingStep[]): Packaging[] {
  const known = new Map<string, number>([[baseUnit, 1]]);
  let pending = [...steps];
  while (pending.length > 0) {
    const waiting: PackagingStep[] = [];
    for (const step of pending) {
      const inner = known.get(step.of);
      if (inner === undefined) {
        waiting.push(step);
        continue;
      }
      if (known.has(step.unit)) throw new RangeError(`packaging unit ${step.unit} appears twice`);
      if (!Number.isSafeInteger(step.contains) || step.contains < 1) {
        throw new RangeError(`packaging ${step.unit} must contain at least 1 ${step.of}`);
      }
      known.set(step.unit, toSafe(BigInt(inner) * BigInt(step.contains), "packaging"));
    }
    if (waiting.length === pending.length) throw new RangeError(`unknown packaging unit ${waiting[0]?.of}`);
    pending = waiting;
  }
  return [...known].map(([unit, baseQuantity]) => ({ unit, baseQuantity }));
}

/** How many base units `quantity` of this packaging is (3 箱 → 15000 支). */
export function toBaseQuantity(quantity: number, packaging?: Packaging | null): number {
  assertCount(quantity, "quantity");
  const factor = packaging?.baseQuantity ?? 1;
  if (!Number.isSafeInteger(factor) || factor < 1) throw new RangeError("packaging must hold at least 1 base unit");
  return toSafe(BigInt(quantity) * BigInt(factor), "quantity");
}

// ---------------------------------------------------------------------------------------------
// Schemes

export type SchemeIssue =
  | { code: "tier-shape"; tierIndex: number }
  | { code: "tier-order"; tierIndex: number }
  | { code: "tier-above-base"; tierIndex: number }
  | { code: "tier-dominated"; tierIndex: number }
  | { code: "base-price" }
  | { code: "tax-rate" };

/**
 * What is wrong with a scheme, for the price-scheme form. A tier is "dominated" when its smallest
 * order costs less in total than the previous tier's smallest order (10 × ¥90 = ¥900, then
 * 11 × ¥50 = ¥550): the earlier tier could never be charged at its own threshold.
 */
export function schemeIssues(scheme: PriceScheme): SchemeIssue[] {
  const issues: SchemeIssue[] = [];
  if (!Number.isSafeInteger(scheme.basePriceFen) || scheme.basePriceFen < 0) issues.push({ code: "base-price" });
  if (!Number.isSafeInteger(scheme.taxRateBp) || scheme.taxRateBp < 0 || scheme.taxRateBp > 10_000) {
    issues.push({ code: "tax-rate" });
  }
  if (issues.length > 0) return issues;
  let previousMin = 0;
  let previousTotal = 0n;
  for (const [tierIndex, tier] of scheme.tiers.entries()) {
    if (!tierShapeOk(tier)) {
      issues.push({ code: "tier-shape", tierIndex });
      continue;
    }
    if (tier.minQuantity <= previousMin) issues.push({ code: "tier-order", tierIndex });
    const price = rawTierPrice(scheme.basePriceFen, tier, 1n);
    const total = price * BigInt(tier.minQuantity);
    if (price > BigInt(scheme.basePriceFen)) issues.push({ code: "tier-above-base", tierIndex });
    else if (total < previousTotal) issues.push({ code: "tier-dominated", tierIndex });
    previousMin = Math.max(previousMin, tier.minQuantity);
    previousTotal = total > previousTotal ? total : previousTotal;
  }
  return issues;
}

function tierShapeOk(tier: PriceTier): boolean {
  const hasPrice = tier.unitPriceFen !== undefined && tier.unitPriceFen !== null;
  const hasDiscount = tier.discountBp !== undefined && tier.discountBp !== null;
  if (hasPrice === hasDiscount) return false;
  if (!Number.isSafeInteger(tier.minQuantity) || tier.minQuantity < 1) return false;
  if (hasPrice) return Number.isSafeInteger(tier.unitPriceFen) && (tier.unitPriceFen as number) >= 0;
  return (
    Number.isSafeInteger(tier.discountBp) && (tier.discountBp as number) >= 0 && (tier.discountBp as number) <= 10_000
  );
}

/** Price of `factor` base units at this tier, rounded to the fen once (per unit of the packaging). */
function rawTierPrice(basePriceFen: Fen, tier: PriceTier, factor: bigint): bigint {
  if (tier.unitPriceFen !== undefined && tier.unitPriceFen !== null) return BigInt(tier.unitPriceFen) * factor;
  return mulDivRound(BigInt(basePriceFen) * factor, BP - BigInt(tier.discountBp ?? 0), BP);
}

interface EffectiveTier {
  /** Smallest quantity of the packaging this tier applies to. */
  minUnits: bigint;
  price: bigint;
  tierIndex: number | null;
  kind: "discount" | "price";
}

/**
 * The scheme's tiers as seen from one packaging: thresholds in units of the packaging (a tier at
 * 150 支 starts at 2 包) and prices per unit of the packaging; of several tiers that land on the same
 * unit count the one with the highest threshold wins (it is the one the base quantity reaches).
 */
function effectiveTiers(scheme: PriceScheme, factor: bigint): EffectiveTier[] {
  const result: EffectiveTier[] = [
    { minUnits: 0n, price: BigInt(scheme.basePriceFen) * factor, tierIndex: null, kind: "price" },
  ];
  const ordered = scheme.tiers
    .map((tier, tierIndex) => ({ tier, tierIndex }))
    .filter(({ tier }) => tierShapeOk(tier))
    .sort((a, b) => a.tier.minQuantity - b.tier.minQuantity || a.tierIndex - b.tierIndex);
  for (const { tier, tierIndex } of ordered) {
    const minUnits = ceilDiv(BigInt(tier.minQuantity), factor);
    if (result[result.length - 1]?.minUnits === minUnits) result.pop();
    const kind = tier.unitPriceFen !== undefined && tier.unitPriceFen !== null ? "price" : "discount";
    result.push({ minUnits, price: rawTierPrice(scheme.basePriceFen, tier, factor), tierIndex, kind });
  }
  return result;
}

function discountBpOf(listFen: bigint, priceFen: bigint): number {
  if (listFen === 0n || priceFen >= listFen) return 0;
  return Number(mulDivRound(listFen - priceFen, BP, listFen));
}

/** Net, tax and gross of one line amount under the scheme's tax convention. */
export function splitTax(
  amountFen: Fen,
  taxRateBp: number,
  priceIncludesTax: boolean,
): {
  netFen: Fen;
  taxFen: Fen;
  grossFen: Fen;
} {
  assertCount(amountFen, "amount");
  assertCount(taxRateBp, "tax rate");
  const amount = BigInt(amountFen);
  const rate = BigInt(taxRateBp);
  if (priceIncludesTax) {
    const net = mulDivRound(amount, BP, BP + rate);
    return { netFen: Number(net), taxFen: Number(amount - net), grossFen: amountFen };
  }
  const tax = mulDivRound(amount, rate, BP);
  return { netFen: amountFen, taxFen: Number(tax), grossFen: toSafe(amount + tax, "amount") };
}

// ---------------------------------------------------------------------------------------------
// The pricing function

/**
 * Price `quantity` units of `packaging` (default: the base unit) under `scheme`. The tier is chosen
 * by the base quantity (3 箱 = 15000 支 counts against tiers stated in 支); the unit price is per unit
 * of the packaging, rounded to the fen once. The amount is unit price × quantity, except that it never
 * exceeds what the smallest order of a later tier costs (49 × ¥90 = ¥4,410 but 50 × ¥80 = ¥4,000:
 * 49 cost ¥4,000) — the "best price" cap that keeps the total non-decreasing in the quantity while
 * every tier still applies exactly from its threshold; `capFen` states what the cap took off.
 */
export function priceLine(scheme: PriceScheme, quantity: number, packaging?: Packaging | null): PricedLine {
  const issues = schemeIssues(scheme).filter((i) => i.code === "base-price" || i.code === "tax-rate");
  if (issues.length > 0) throw new RangeError(`invalid scheme: ${issues.map((i) => i.code).join(", ")}`);
  const baseQuantity = toBaseQuantity(quantity, packaging);
  const tiers = effectiveTiers(scheme, BigInt(packaging?.baseQuantity ?? 1));
  const units = BigInt(quantity);
  const position = tiers.findLastIndex((tier) => tier.minUnits <= units);
  const applied = tiers[position] as EffectiveTier;
  const later = tiers.slice(position + 1);
  const uncapped = applied.price * units;
  const amount = later.reduce((best, tier) => minOf(best, tier.price * tier.minUnits), uncapped);
  const list = (tiers[0] as EffectiveTier).price;
  const amountFen = toSafe(amount, "amount");
  const listAmountFen = toSafe(list * units, "amount");
  const { netFen, taxFen, grossFen } = splitTax(amountFen, scheme.taxRateBp, scheme.priceIncludesTax);
  const upcoming = later.find((tier) => tier.price < applied.price) ?? null;
  return {
    quantity,
    unit: packaging?.unit ?? null,
    baseQuantity,
    listUnitPriceFen: toSafe(list, "price"),
    unitPriceFen: toSafe(applied.price, "price"),
    tierIndex: applied.tierIndex,
    priceIncludesTax: scheme.priceIncludesTax,
    taxRateBp: scheme.taxRateBp,
    listAmountFen,
    amountFen,
    discountFen: listAmountFen - amountFen,
    discountBp: discountBpOf(list * units, amount),
    capFen: toSafe(uncapped - amount, "amount"),
    netFen,
    taxFen,
    grossFen,
    nextTier: upcoming && {
      moreQuantity: toSafe(upcoming.minUnits - units, "quantity"),
      unitPriceFen: toSafe(upcoming.price, "price"),
      discountBp: discountBpOf(list, upcoming.price),
      kind: upcoming.kind,
      extraFen: toSafe(upcoming.price * upcoming.minUnits - amount, "amount"),
    },
  };
}

function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** Price every line and total the basket (one currency; tax per line, summed). */
export function priceBasket(lines: readonly BasketLineInput[]): PricedBasket {
  const currencies = new Set(lines.map((line) => line.scheme.currency ?? DEFAULT_CURRENCY));
  if (currencies.size > 1) throw new RangeError("a basket holds one currency");
  const priced = lines.map((line) => priceLine(line.scheme, line.quantity, line.packaging));
  let listGross = 0n;
  let net = 0n;
  let tax = 0n;
  let gross = 0n;
  priced.forEach((line) => {
    listGross += BigInt(splitTax(line.listAmountFen, line.taxRateBp, line.priceIncludesTax).grossFen);
    net += BigInt(line.netFen);
    tax += BigInt(line.taxFen);
    gross += BigInt(line.grossFen);
  });
  return {
    lines: priced,
    totals: {
      currency: [...currencies][0] ?? DEFAULT_CURRENCY,
      lineCount: priced.length,
      listGrossFen: toSafe(listGross, "total"),
      discountFen: toSafe(listGross - gross, "total"),
      netFen: toSafe(net, "total"),
      taxFen: toSafe(tax, "total"),
      grossFen: toSafe(gross, "total"),
    },
  };
}

/** "9" for 1000 bp off, "8.5" for 1500 bp off: the number before 折; null when it is not a tenth or half. */
export function zheOf(discountBp: number): string | null {
  const remaining = 10_000 - discountBp;
  if (discountBp <= 0 || remaining <= 0 || remaining % 500 !== 0) return null;
  return String(remaining / 1000);
}
