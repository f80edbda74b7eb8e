// Exact sums of DECIMAL(…, 2) amounts as strings (integer fen through BigInt): an order's total and a
// portal order's total equal their lines to the fen.

/** "1234.5" / "-3.20" / "7" → fen. Throws on anything else (amounts come from DECIMAL columns). */
export function toFen(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new Error(`not an amount: ${amount}`);
  const fen = BigInt(match[2]!) * 100n + BigInt((match[3] ?? "").padEnd(2, "0"));
  return match[1] === "-" ? -fen : fen;
}

export function fenToAmount(fen: bigint): string {
  const abs = fen < 0n ? -fen : fen;
  return `${fen < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

export function sumMoney(values: readonly string[]): string {
  return fenToAmount(values.reduce((sum, v) => sum + toFen(v), 0n));
}
