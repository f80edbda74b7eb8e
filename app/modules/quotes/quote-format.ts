import { formatMoney } from "#app/lib/format/money.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { fenToDecimalString, zheOf } from "#app/modules/catalog/pricing.ts";

// How a quote's figures read on every surface (editor, zone, PDF, e-mail): money from integer fen
// as ¥228,000.00, discounts as "9 折" in Chinese and "10% off" in English, tax rates as "13%".

export function fenMoney(fen: number, locale: Locale, currency = "CNY"): string {
  return formatMoney(fenToDecimalString(fen), locale, currency);
}

export function discountLabel(discountBp: number, locale: Locale): string {
  if (discountBp <= 0) return "—";
  const zhe = zheOf(discountBp);
  const percent = `${(discountBp / 100).toFixed(discountBp % 100 === 0 ? 0 : 2)}%`;
  if (locale === "zh-CN") return zhe ? `${zhe} 折` : `减 ${percent}`;
  return `${percent} off`;
}

export function taxRateLabel(taxRateBp: number): string {
  return `${(taxRateBp / 100).toFixed(taxRateBp % 100 === 0 ? 0 : 2)}%`;
}

/** Yuan as typed in an input ("1280.50") from fen. */
export function fenInput(fen: number): string {
  return fenToDecimalString(fen);
}

export const QUOTE_STATUS_KEYS = {
  draft: "quotes.status.draft",
  pending_approval: "quotes.status.pending_approval",
  approved: "quotes.status.approved",
  sent: "quotes.status.sent",
  accepted: "quotes.status.accepted",
  changes_requested: "quotes.status.changes_requested",
  rejected: "quotes.status.rejected",
  expired: "quotes.status.expired",
  superseded: "quotes.status.superseded",
} as const satisfies Record<string, MessageKey>;
export type QuoteStatusName = keyof typeof QUOTE_STATUS_KEYS;
