import type { Locale } from "#app/lib/i18n/locales.ts";

// The organisation works on China Standard Time. Formatting with a fixed zone (and printing it)
// keeps e-mails unambiguous and lets server-rendered pages hydrate without a time-zone mismatch.
export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

/** "2026年11月22日 16:05 (GMT+8)" / "Nov 22, 2026, 16:05 (GMT+8)". */
export function formatDateTime(value: Date, locale: Locale, timeZone: string = DISPLAY_TIME_ZONE): string {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(value);
  const time = new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(value);
  const zone =
    new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "shortOffset" })
      .formatToParts(value)
      .find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  return locale === "en" ? `${date}, ${time} (${zone})` : `${date} ${time} (${zone})`;
}
