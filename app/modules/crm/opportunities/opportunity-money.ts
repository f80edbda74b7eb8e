import { priceLine } from "#app/modules/catalog/pricing.ts";

// Money for opportunity line items in whole fen (integers), so sums never drift; line totals come
// from the catalog's pure pricing function (decision 038). No server code: pages may import it.

const MONEY = /^(-?)(\d{1,14})(?:\.(\d{1,2}))?$/;
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** "1234.5" → 123450n fen; null when not a money amount. */
export function toFen(value: string): bigint | null {
  const m = MONEY.exec(value.trim());
  if (!m) return null;
  const fen = BigInt(m[2]!) * 100n + BigInt((m[3] ?? "").padEnd(2, "0") || "0");
  return m[1] ? -fen : fen;
}

/** 123450n → "1234.50". */
export function fromFen(fen: bigint): string {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** "12.5" → 1250 basis points; null when outside 0–100 or malformed. */
function toBasisPoints(percent: string): number | null {
  const m = PERCENT.exec(percent.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0") || "0");
  return bp > 10000 ? null : bp;
}

/**
 * quantity × unitPrice less discount%, through the catalog's pricing function (decision 037): the
 * discounted unit price is rounded half-up to the fen, then multiplied, so a line reads the same on
 * the opportunity, the quote and the invoice. "1234.56".
 */
export function lineTotal(quantity: number, unitPrice: string, discountPercent: string = "0"): string {
  const fen = toFen(unitPrice);
  const bp = toBasisPoints(discountPercent);
  if (fen === null || fen < 0n || bp === null || !Number.isSafeInteger(quantity)) throw new RangeError("bad line item");
  const scheme = {
    basePriceFen: Number(fen),
    taxRateBp: 0,
    priceIncludesTax: true,
    tiers: bp > 0 ? [{ minQuantity: 1, discountBp: bp }] : [],
  };
  return quantity === 0 ? "0.00" : fromFen(BigInt(priceLine(scheme, quantity).amountFen));
}

/** The sum of amounts ("1.10" + "2.20" = "3.30" exactly). */
export function sumMoney(values: readonly string[]): string {
  return fromFen(values.reduce((sum, v) => sum + (toFen(v) ?? 0n), 0n));
}

/** amount × probability %, half-up to the fen: the weighted forecast of one opportunity. */
export function weighted(amount: string, probability: number): string {
  const fen = toFen(amount) ?? 0n;
  return fromFen((fen * BigInt(Math.round(probability)) + 50n) / 100n);
}
