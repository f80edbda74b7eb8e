import type { Locale } from "#app/lib/i18n/locales.ts";
import { numberFormat } from "./intl-cache.ts";
import { numericOf, type NumericValue } from "./numbers.ts";

// Money is always shown with its currency sign, grouping and two decimals: ¥228,000.00, never
// 228000.00 or ¥228,000 (a missing ".00" reads as a rounded figure on a quote).

export const DEFAULT_CURRENCY = "CNY";

/** "¥228,000.00" in both locales (the narrow sign, so English does not print "CN¥"). */
export function formatMoney(
  value: NumericValue | null | undefined,
  locale: Locale,
  currency: string = DEFAULT_CURRENCY,
): string {
  const format = numberFormat(locale, {
    style: "currency",
    currency,
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  // Intl formats decimal strings exactly (ES2023 Intl.NumberFormat v3); the lib typing lags behind.
  return format.format(numericOf(value) as number);
}

/** "¥1.2万" / "¥12K": short amounts for chart axes and dense summaries, never for figures to act on. */
export function formatCompactMoney(
  value: NumericValue | null | undefined,
  locale: Locale,
  currency: string = DEFAULT_CURRENCY,
): string {
  return numberFormat(locale, {
    style: "currency",
    currency,
    currencyDisplay: "narrowSymbol",
    notation: "compact",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(Number(numericOf(value)));
}
