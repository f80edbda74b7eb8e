// 工作日历: business hours and public holidays in the company's time zone, for SLA due times (the
// service desk's 8x5 "next business day" and the like). Pure functions over a loaded calendar; the
// loader lives in business-calendar.server.ts. Holidays with `workday: true` are 调休 days: weekend
// days that are worked instead of a holiday.

export interface BusinessCalendar {
  timeZone: string;
  /** ISO weekdays worked in a normal week: 1 = Monday … 7 = Sunday. */
  workdays: number[];
  /** "HH:MM" local; dayEnd may be "24:00". */
  dayStart: string;
  dayEnd: string;
  /** "YYYY-MM-DD" → true for a 调休 working day, false for a holiday. */
  exceptions: Map<string, boolean>;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return 0;
  return Math.min(24 * 60, Number(m[1]) * 60 + Number(m[2]));
}

/** Offset of `timeZone` from UTC at the instant, in ms (UTC+8 → +8h). */
function offsetAt(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The local wall clock of an instant, as ms on a UTC time line (so getUTC* read local fields). */
function toWall(timeZone: string, instant: number): number {
  return instant + offsetAt(timeZone, instant);
}

function fromWall(timeZone: string, wall: number): number {
  const guess = wall - offsetAt(timeZone, wall);
  return wall - offsetAt(timeZone, guess);
}

export function dayKeyOfWall(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

export function isWorkdayKey(cal: BusinessCalendar, dayKey: string): boolean {
  const exception = cal.exceptions.get(dayKey);
  if (exception !== undefined) return exception;
  const weekday = new Date(`${dayKey}T00:00:00Z`).getUTCDay() || 7;
  return cal.workdays.includes(weekday);
}

export function isBusinessTime(cal: BusinessCalendar, at: Date): boolean {
  const wall = toWall(cal.timeZone, at.getTime());
  if (!isWorkdayKey(cal, dayKeyOfWall(wall))) return false;
  const minute = Math.floor((wall % DAY) / MINUTE);
  return minute >= minutesOf(cal.dayStart) && minute < minutesOf(cal.dayEnd);
}

/** `hours` of business time after `start` (a start outside hours counts from the next opening). */
export function addBusinessHours(cal: BusinessCalendar, start: Date, hours: number): Date {
  let remaining = Math.max(0, Math.round(hours * 60)) * MINUTE;
  const open = minutesOf(cal.dayStart) * MINUTE;
  const close = minutesOf(cal.dayEnd) * MINUTE;
  if (close <= open || (cal.workdays.length === 0 && cal.exceptions.size === 0)) return start;
  let wall = toWall(cal.timeZone, start.getTime());
  // Ten years of days bounds the walk even for a calendar with hardly any working days.
  for (let i = 0; i < 3660; i++) {
    const midnight = wall - (wall % DAY);
    if (isWorkdayKey(cal, dayKeyOfWall(midnight))) {
      const from = Math.max(wall, midnight + open);
      const until = midnight + close;
      if (from < until) {
        if (remaining <= until - from) return new Date(fromWall(cal.timeZone, from + remaining));
        remaining -= until - from;
      }
    }
    wall = midnight + DAY;
  }
  return new Date(fromWall(cal.timeZone, wall));
}

/** The start of the next business day after `at`'s day (e.g. NBD on-site). */
export function nextBusinessDayStart(cal: BusinessCalendar, at: Date): Date {
  let midnight = toWall(cal.timeZone, at.getTime());
  midnight -= midnight % DAY;
  for (let i = 0; i < 3660; i++) {
    midnight += DAY;
    if (isWorkdayKey(cal, dayKeyOfWall(midnight)))
      return new Date(fromWall(cal.timeZone, midnight + minutesOf(cal.dayStart) * MINUTE));
  }
  return at;
}

/** The close of the first business day strictly after `at`'s day (e.g. a next-business-day response). */
export function nextBusinessDayEnd(cal: BusinessCalendar, at: Date): Date {
  const start = nextBusinessDayStart(cal, at);
  if (start === at) return at;
  const span = (minutesOf(cal.dayEnd) - minutesOf(cal.dayStart)) * MINUTE;
  return new Date(fromWall(cal.timeZone, toWall(cal.timeZone, start.getTime()) + span));
}
