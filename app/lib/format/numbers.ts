import type { Locale } from "#app/lib/i18n/locales.ts";
import { numberFormat } from "./intl-cache.ts";

// Plain numbers, counts and sizes. Decimal columns arrive as strings (Prisma Decimal → toFixed) and
// are formatted from the string, so 14-digit amounts keep every digit.

export type NumericValue = number | string | bigint | { toFixed(digits?: number): string };

/** A Decimal-like, number or string as a value Intl formats exactly; NaN for junk. */
export function numericOf(value: NumericValue | null | undefined): number | string | bigint {
  if (value === null || value === undefined || value === "") return 0;
  if (typeof value === "number" || typeof value === "bigint") return value;
  const text = typeof value === "string" ? value.trim().replace(/,/g, "") : value.toFixed(2);
  return /^-?\d+(\.\d+)?$/.test(text) ? text : Number.NaN;
}

/** "1,234.5" / "1,234.5": at most `maximumFractionDigits` (2) decimals. */
export function formatNumber(
  value: NumericValue | null | undefined,
  locale: Locale,
  options: { maximumFractionDigits?: number; minimumFractionDigits?: number } = {},
): string {
  const format = numberFormat(locale, {
    maximumFractionDigits: options.maximumFractionDigits ?? 2,
    minimumFractionDigits: options.minimumFractionDigits ?? 0,
  });
  // Intl formats decimal strings exactly (ES2023 Intl.NumberFormat v3); the lib typing lags behind.
  return format.format(numericOf(value) as number);
}

/** "42%" / "42%": a whole percentage (0–100, not a fraction). */
export function formatPercent(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value / 100);
}

/** A count that may be capped: "1,340" exactly, or "10,000+" when the count stopped at `cap`. */
export function formatCount(value: number, locale: Locale, cap?: number): string {
  const format = numberFormat(locale, { maximumFractionDigits: 0 });
  return cap !== undefined && value >= cap ? `${format.format(cap)}+` : format.format(value);
}

/** "512 B", "12.5 KB", "3.2 MB": file sizes (binary units, one decimal). */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  if (size < 1024 * 1024 * 1024) return `${(size / 1024 / 1024).toFixed(1)} MB`;
  return `${(size / 1024 / 1024 / 1024).toFixed(1)} GB`;
}
