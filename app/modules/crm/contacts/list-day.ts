import type { Locale } from "#app/lib/i18n/locales.ts";

// A list cell's day of a moment, as formatCompactDate prints it ("2026/11/22" / "11/22/2026") in
// the display zone (China Standard Time: UTC+8, no daylight saving since 1991), by slicing the
// shifted ISO string. Intl with a time zone costs ~7 µs a call plus the formatter cache's key, and
// the contact list prints 50 of them per render (table and phone cards). list-day.test.ts checks
// it against formatCompactDate.

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export function listDay(value: Date | string, locale: Locale): string {
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return "—";
  const iso = new Date(time + CST_OFFSET_MS).toISOString();
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  return locale === "en" ? `${m}/${d}/${y}` : `${y}/${m}/${d}`;
}
