// Calendar days for contracts, warranties and maintenance dates. The columns are SQL DATEs, which
// Prisma hands over as UTC midnight; the business day is the one in China (Asia/Shanghai, UTC+8,
// no daylight saving).

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar day of `at`, as the UTC-midnight Date a DATE column holds. */
export function businessDay(at: Date): Date {
  const shifted = at.getTime() + SHANGHAI_OFFSET_MS;
  return new Date(shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS));
}

/** Whole days from `from`'s business day to the DATE `to` (negative when `to` is past). */
export function daysUntil(to: Date, from: Date): number {
  return Math.round((to.getTime() - businessDay(from).getTime()) / DAY_MS);
}

/** "YYYY-MM-DD" of a DATE column value (UTC midnight). */
export function isoDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** Parses "YYYY-MM-DD" into the UTC-midnight Date a DATE column takes; null when malformed. */
export function parseIsoDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || isoDay(date) !== value ? null : date;
}
