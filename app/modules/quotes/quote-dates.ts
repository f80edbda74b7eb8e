// Calendar days as the business sees them (Asia/Shanghai), as the UTC-midnight Date a DATE column
// holds: a quote valid until 2026-12-31 may be accepted all of that day in China.

export function businessDay(now: Date, timeZone = "Asia/Shanghai"): Date {
  const ymd = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    now,
  );
  return new Date(`${ymd}T00:00:00.000Z`);
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * 86_400_000);
}

/** "2026-12-31" */
export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** Has the quote's validity run out (the day after validUntil has begun in China)? */
export function isPastValidity(validUntil: Date, now: Date): boolean {
  return businessDay(now).getTime() > validUntil.getTime();
}
