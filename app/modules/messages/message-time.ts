import type { Locale } from "#app/lib/i18n/locales.ts";

// Compact times for message lists ("16:05" today, "11月20日" this year, "2025/11/20" before),
// in the organisation's time zone. Loaders format them, so server render and hydration agree.

const TIME_ZONE = "Asia/Shanghai";

function dayKey(value: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, dateStyle: "short" }).format(value);
}

export function formatListTime(value: Date, locale: Locale, now: Date = new Date()): string {
  if (dayKey(value) === dayKey(now)) {
    return new Intl.DateTimeFormat(locale, {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: TIME_ZONE,
    }).format(value);
  }
  const sameYear =
    new Intl.DateTimeFormat("en", { timeZone: TIME_ZONE, year: "numeric" }).format(value) ===
    new Intl.DateTimeFormat("en", { timeZone: TIME_ZONE, year: "numeric" }).format(now);
  return new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    ...(sameYear ? { month: "short", day: "numeric" } : { year: "numeric", month: "2-digit", day: "2-digit" }),
  }).format(value);
}

/** "11月22日 16:05" / "Nov 22, 16:05": for each message in a conversation. */
export function formatMessageTime(value: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: TIME_ZONE,
  }).format(value);
}
