/**
 * Service-request due times (first response and resolution), PURE: no clock, no database. Rules
 * (decision 019), on the company's business calendar (本公司: time zone, working week, opening time,
 * public holidays and 调休 working days — app/modules/settings/business-calendar.ts; the caller loads
 * it with loadBusinessCalendar, and without one the defaults below apply):
 *
 * Calendar by the covering contract's response mode; an "8-hour" service day is eight hours from the
 * company's opening (never past its closing): 09:00–17:00 by default.
 * - h8x5: the company's working days (holidays off, 调休 days on).
 * - h8x7: every day, holidays included.
 * - h24x7: around the clock.
 *
 * Response time:
 * - remote_immediate: 1 business hour after receipt.
 * - onsite_4h: 4 business hours after receipt.
 * - next_business_day: the close of the first business day after the day of receipt (a request
 *   received on a Friday or over the weekend under 8x5 is due Monday 17:00 — see tests); under 24x7
 *   it is receipt + 24 h.
 * A request received outside business hours starts counting at the next opening.
 * No covering contract: the default is h8x5 + next_business_day.
 */
import type { ResponseMode, ResponseTime } from "#app/generated/prisma/enums.ts";
import {
  addBusinessHours,
  minutesOf,
  nextBusinessDayEnd,
  type BusinessCalendar,
} from "#app/modules/settings/business-calendar.ts";

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
const SERVICE_DAY_MINUTES = 8 * 60;
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

export const DEFAULT_RESPONSE_MODE: ResponseMode = "h8x5";
export const DEFAULT_RESPONSE_TIME: ResponseTime = "next_business_day";

/** The calendar when none is loaded: Monday–Friday from 09:00 in Shanghai, no holidays known. */
export const DEFAULT_SLA_CALENDAR: BusinessCalendar = {
  timeZone: "Asia/Shanghai",
  workdays: [1, 2, 3, 4, 5],
  dayStart: "09:00",
  dayEnd: "17:00",
  exceptions: new Map(),
};

export interface SlaInput {
  receivedAt: Date;
  responseMode?: ResponseMode | null;
  responseTime?: ResponseTime | null;
  /** The company calendar (loadBusinessCalendar); DEFAULT_SLA_CALENDAR when absent. */
  calendar?: BusinessCalendar;
}

export interface SlaResult {
  dueAt: Date;
  responseMode: ResponseMode;
  responseTime: ResponseTime;
  /** "contract" when mode and time came from a covering contract, "default" otherwise. */
  source: "contract" | "default";
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The service calendar of an 8-hour mode: eight hours from the opening; 8x7 works every day. */
function serviceCalendar(mode: ResponseMode, calendar: BusinessCalendar): BusinessCalendar {
  const open = minutesOf(calendar.dayStart);
  const close = Math.min(minutesOf(calendar.dayEnd), open + SERVICE_DAY_MINUTES);
  const hours = { dayStart: hhmm(open), dayEnd: hhmm(close) };
  return mode === "h8x7"
    ? { ...calendar, ...hours, workdays: EVERY_DAY, exceptions: new Map() }
    : { ...calendar, ...hours };
}

/** Business calendars count whole minutes: the receipt's seconds are dropped. */
function wholeMinute(d: Date): Date {
  return new Date(Math.floor(d.getTime() / MINUTE) * MINUTE);
}

export function computeDueAt(input: SlaInput): SlaResult {
  const source = input.responseMode && input.responseTime ? "contract" : "default";
  const responseMode = input.responseMode ?? DEFAULT_RESPONSE_MODE;
  const responseTime = input.responseTime ?? DEFAULT_RESPONSE_TIME;
  const result = (dueAt: Date): SlaResult => ({ dueAt, responseMode, responseTime, source });
  if (responseMode === "h24x7") {
    const minutes = { remote_immediate: 60, onsite_4h: 4 * 60, next_business_day: DAY_MINUTES }[responseTime];
    return result(new Date(input.receivedAt.getTime() + minutes * MINUTE));
  }
  const calendar = serviceCalendar(responseMode, input.calendar ?? DEFAULT_SLA_CALENDAR);
  const from = wholeMinute(input.receivedAt);
  switch (responseTime) {
    case "remote_immediate":
      return result(addBusinessHours(calendar, from, 1));
    case "onsite_4h":
      return result(addBusinessHours(calendar, from, 4));
    case "next_business_day":
      return result(nextBusinessDayEnd(calendar, from));
  }
}

/**
 * Resolution targets in business minutes on the same calendar (decision 019, #14 item 16): a
 * remote answer within a working day, on-site help within two, the next-business-day level within
 * three. Time spent waiting for the customer does not count (see `pauseFields`).
 */
const RESOLUTION_MINUTES: Record<ResponseTime, number> = {
  remote_immediate: 8 * 60,
  onsite_4h: 16 * 60,
  next_business_day: 24 * 60,
};

/** When the request should be resolved, counted from receipt, before any pause. */
export function computeResolutionDueAt(input: SlaInput): Date {
  const responseMode = input.responseMode ?? DEFAULT_RESPONSE_MODE;
  const responseTime = input.responseTime ?? DEFAULT_RESPONSE_TIME;
  const minutes = RESOLUTION_MINUTES[responseTime];
  if (responseMode === "h24x7") return new Date(input.receivedAt.getTime() + minutes * MINUTE);
  const calendar = serviceCalendar(responseMode, input.calendar ?? DEFAULT_SLA_CALENDAR);
  return addBusinessHours(calendar, wholeMinute(input.receivedAt), minutes / 60);
}

/**
 * The pause bookkeeping of a status change: entering 等待客户 starts the pause, leaving it adds the
 * paused minutes. Merged into the request's update by every place that changes the status.
 */
export function pauseFields(
  request: { status: string; pausedAt: Date | null },
  to: string,
  now: Date,
): { pausedAt?: Date | null; pausedMinutes?: { increment: number } } {
  if (to === request.status) return {};
  if (to === "waiting_customer") return { pausedAt: now };
  if (request.pausedAt) {
    const minutes = Math.max(0, Math.round((now.getTime() - request.pausedAt.getTime()) / MINUTE));
    return { pausedAt: null, pausedMinutes: { increment: minutes } };
  }
  return {};
}

export type SlaState = "met" | "breached" | "overdue" | "due-soon" | "on-track" | "paused" | "none";

export interface SlaStatus {
  state: SlaState;
  /**
   * Minutes until due (negative when overdue); for "breached", how late the response or resolution
   * came (positive); null when met, paused or without a due time.
   */
  minutesLeft: number | null;
}

function openState(dueAt: Date, now: Date): SlaStatus {
  const minutesLeft = Math.floor((dueAt.getTime() - now.getTime()) / MINUTE);
  if (minutesLeft < 0) return { state: "overdue", minutesLeft };
  return { state: minutesLeft < 120 ? "due-soon" : "on-track", minutesLeft };
}

function outcome(dueAt: Date, doneAt: Date): SlaStatus {
  const late = Math.floor((doneAt.getTime() - dueAt.getTime()) / MINUTE);
  return late > 0 ? { state: "breached", minutesLeft: late } : { state: "met", minutesLeft: null };
}

/**
 * The first-response SLA at `now`. A breach stays on record: a request answered 403 hours late
 * reads "breached by 403 h", never green. "due-soon" = under 2 hours left.
 */
export function slaStatus(
  request: { dueAt: Date | null; firstResponseAt: Date | null; status: string },
  now: Date,
): SlaStatus {
  if (request.firstResponseAt) {
    return request.dueAt ? outcome(request.dueAt, request.firstResponseAt) : { state: "met", minutesLeft: null };
  }
  if (!request.dueAt || request.status === "resolved" || request.status === "closed") {
    return { state: "none", minutesLeft: null };
  }
  return openState(request.dueAt, now);
}

/** The resolution due time with the pauses so far (and the running one) added. */
export function effectiveResolutionDueAt(
  request: { resolutionDueAt: Date | null; pausedAt: Date | null; pausedMinutes: number },
  now: Date,
): Date | null {
  if (!request.resolutionDueAt) return null;
  const running = request.pausedAt ? Math.max(0, now.getTime() - request.pausedAt.getTime()) : 0;
  return new Date(request.resolutionDueAt.getTime() + request.pausedMinutes * MINUTE + running);
}

/** The resolution SLA at `now`: met or breached once resolved, paused while waiting for the customer. */
export function resolutionStatus(
  request: {
    resolutionDueAt: Date | null;
    pausedAt: Date | null;
    pausedMinutes: number;
    resolvedAt: Date | null;
    status: string;
  },
  now: Date,
): SlaStatus {
  const due = effectiveResolutionDueAt(request, request.resolvedAt ?? now);
  if (!due) return { state: "none", minutesLeft: null };
  if (request.resolvedAt) return outcome(due, request.resolvedAt);
  if (request.status === "closed") return { state: "none", minutesLeft: null };
  if (request.pausedAt) return { state: "paused", minutesLeft: null };
  return openState(due, now);
}
