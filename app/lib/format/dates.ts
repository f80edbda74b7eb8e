import { differenceInSeconds, isValid } from "date-fns";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { dateFormat, relativeFormat } from "./intl-cache.ts";

// Dates and times for every surface and e-mail. The organisation works on China Standard Time:
// formatting in that fixed zone (never the server's or the browser's) keeps e-mails unambiguous and
// lets server-rendered pages hydrate without a time-zone mismatch. Loaders may pass Date or the ISO
// string it serialises to; a missing or invalid value prints "—".

export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

export type DateValue = Date | string | number;

const DASH = "—";

function toDate(value: DateValue | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return isValid(date) ? date : null;
}

/** "2026年11月22日 16:05 (GMT+8)" / "Nov 22, 2026, 16:05 (GMT+8)": e-mails and audit trails. */
export function formatDateTime(
  value: DateValue | null | undefined,
  locale: Locale,
  timeZone: string = DISPLAY_TIME_ZONE,
): string {
  const date = toDate(value);
  if (!date) return DASH;
  const day = dateFormat(locale, { dateStyle: "medium", timeZone }).format(date);
  const time = dateFormat(locale, { ...CLOCK, timeZone }).format(date);
  const zone =
    dateFormat("en", { timeZone, timeZoneName: "shortOffset" })
      .formatToParts(date)
      .find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  return locale === "en" ? `${day}, ${time} (${zone})` : `${day} ${time} (${zone})`;
}

/** `value` with these Intl options in the display zone (unless the options name another), or "—". */
function formatWith(value: DateValue | null | undefined, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  const date = toDate(value);
  return date ? dateFormat(locale, { timeZone: DISPLAY_TIME_ZONE, ...options }).format(date) : DASH;
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
const NUMERIC_DAY: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };

/** "2026年11月22日 16:05" / "Nov 22, 2026, 16:05": a moment without the zone suffix. */
export function formatMoment(value: DateValue | null | undefined, locale: Locale): string {
  return formatWith(value, locale, { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" });
}

/** "2026年11月22日" / "Nov 22, 2026". */
export function formatMediumDate(value: DateValue | null | undefined, locale: Locale): string {
  return formatWith(value, locale, { dateStyle: "medium" });
}

/** "2026/11/22" / "11/22/2026": table cells, where the full date-time is too wide. */
export function formatCompactDate(value: DateValue | null | undefined, locale: Locale): string {
  return formatWith(value, locale, NUMERIC_DAY);
}

/**
 * A calendar day held in a SQL DATE column (Prisma hands it over as UTC midnight), e.g. a close date
 * or a contract end: formatted in UTC so the stored day never shifts by the zone offset.
 */
export function formatCalendarDate(value: DateValue | null | undefined, locale: Locale): string {
  return formatWith(value, locale, { ...NUMERIC_DAY, timeZone: "UTC" });
}

/** "YYYY-MM-DD" of a DATE column value, for `<input type="date">`; "" when there is none. */
export function dateInputValue(value: DateValue | null | undefined): string {
  const date = toDate(value);
  return date ? date.toISOString().slice(0, 10) : "";
}

/** "11月22日 16:05" / "Nov 22, 16:05": each message of a conversation. */
export function formatMessageTime(value: DateValue, locale: Locale): string {
  return formatWith(value, locale, { month: "short", day: "numeric", ...CLOCK });
}

function dayKey(value: Date): string {
  return dateFormat("en-CA", { timeZone: DISPLAY_TIME_ZONE, dateStyle: "short" }).format(value);
}

function yearOf(value: Date): string {
  return dateFormat("en", { timeZone: DISPLAY_TIME_ZONE, year: "numeric" }).format(value);
}

/** Compact times for lists: "16:05" today, "11月20日" this year, "2025/11/20" before. */
export function formatListTime(value: DateValue, locale: Locale, now: DateValue = new Date()): string {
  const date = toDate(value);
  const reference = toDate(now) ?? new Date();
  if (!date) return DASH;
  if (dayKey(date) === dayKey(reference)) return formatWith(date, locale, CLOCK);
  const sameYear = yearOf(date) === yearOf(reference);
  return formatWith(date, locale, sameYear ? { month: "short", day: "numeric" } : NUMERIC_DAY);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/**
 * "3 小时前" / "3 hours ago", measured against `now` from the loader so the server render and the
 * browser's hydration print the same text.
 */
export function formatRelative(value: DateValue, now: DateValue, locale: Locale): string {
  const date = toDate(value);
  const reference = toDate(now);
  if (!date || !reference) return DASH;
  const seconds = differenceInSeconds(date, reference);
  const rtf = relativeFormat(locale);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(0, "minute");
}
