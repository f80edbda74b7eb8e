/**
 * Service-request due times (first response and resolution), PURE: no clock, no database. Rules
 * (decision 019):
 *
 * Calendar by the covering contract's response mode, in Asia/Shanghai time (UTC+8, no DST):
 * - h8x5: Monday–Friday 09:00–17:00 (8 business hours a day).
 * - h8x7: every day 09:00–17:00.
 * - h24x7: around the clock.
 * Public holidays are not modelled (no holiday calendar yet).
 *
 * Response time:
 * - remote_immediate: 1 business hour after receipt.
 * - onsite_4h: 4 business hours after receipt.
 * - next_business_day: 17:00 on the first business day after the day of receipt (a request received on a
 *   Friday or over the weekend under 8x5 is due Monday / Tuesday 17:00 respectively — see tests);
 *   under 24x7 it is receipt + 24 h.
 * A request received outside business hours starts counting at the next opening (09:00).
 * No covering contract: the default is h8x5 + next_business_day.
 */
import type { ResponseMode, ResponseTime } from "#app/generated/prisma/enums.ts";

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const OPEN_MINUTE = 9 * 60;
const CLOSE_MINUTE = 17 * 60;
const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

export const DEFAULT_RESPONSE_MODE: ResponseMode = "h8x5";
export const DEFAULT_RESPONSE_TIME: ResponseTime = "next_business_day";

export interface SlaInput {
  receivedAt: Date;
  responseMode?: ResponseMode | null;
  responseTime?: ResponseTime | null;
}

export interface SlaResult {
  dueAt: Date;
  responseMode: ResponseMode;
  responseTime: ResponseTime;
  /** "contract" when mode and time came from a covering contract, "default" otherwise. */
  source: "contract" | "default";
}

/** Minutes since the Unix epoch on the Shanghai wall clock (so UTC getters read local fields). */
function toLocalMinutes(d: Date): number {
  return Math.floor(d.getTime() / MINUTE) + SHANGHAI_OFFSET_MINUTES;
}

function fromLocalMinutes(m: number): Date {
  return new Date((m - SHANGHAI_OFFSET_MINUTES) * MINUTE);
}

/** 0 = Sunday … 6 = Saturday, for the local day containing `localMinutes`. */
function weekday(localMinutes: number): number {
  // 1970-01-01 was a Thursday (4).
  return (Math.floor(localMinutes / DAY_MINUTES) + 4) % 7;
}

function isBusinessDay(mode: ResponseMode, localMinutes: number): boolean {
  if (mode !== "h8x5") return true;
  const wd = weekday(localMinutes);
  return wd !== 0 && wd !== 6;
}

function startOfDay(localMinutes: number): number {
  return Math.floor(localMinutes / DAY_MINUTES) * DAY_MINUTES;
}

/** Adds business minutes on the mode's calendar, starting at `from` (local minutes). */
export function addBusinessMinutes(mode: ResponseMode, from: number, minutes: number): number {
  if (mode === "h24x7") return from + minutes;
  let cursor = from;
  let left = minutes;
  for (let guard = 0; guard < 3660; guard++) {
    const day = startOfDay(cursor);
    const open = day + OPEN_MINUTE;
    const close = day + CLOSE_MINUTE;
    if (!isBusinessDay(mode, day) || cursor >= close) {
      cursor = day + DAY_MINUTES + OPEN_MINUTE;
      continue;
    }
    if (cursor < open) cursor = open;
    const available = close - cursor;
    if (left <= available) return cursor + left;
    left -= available;
    cursor = day + DAY_MINUTES + OPEN_MINUTE;
  }
  throw new Error("business calendar overflow");
}

/** 17:00 on the first business day strictly after the local day of `from`. */
function endOfNextBusinessDay(mode: ResponseMode, from: number): number {
  let day = startOfDay(from) + DAY_MINUTES;
  while (!isBusinessDay(mode, day)) day += DAY_MINUTES;
  return day + CLOSE_MINUTE;
}

export function computeDueAt(input: SlaInput): SlaResult {
  const source = input.responseMode && input.responseTime ? "contract" : "default";
  const responseMode = input.responseMode ?? DEFAULT_RESPONSE_MODE;
  const responseTime = input.responseTime ?? DEFAULT_RESPONSE_TIME;
  const from = toLocalMinutes(input.receivedAt);
  let due: number;
  switch (responseTime) {
    case "remote_immediate":
      due = addBusinessMinutes(responseMode, from, 60);
      break;
    case "onsite_4h":
      due = addBusinessMinutes(responseMode, from, 4 * 60);
      break;
    case "next_business_day":
      due = responseMode === "h24x7" ? from + DAY_MINUTES : endOfNextBusinessDay(responseMode, from);
      break;
  }
  // Around the clock the due time keeps the receipt's seconds; business calendars count whole minutes.
  const dueAt =
    responseMode === "h24x7" ? new Date(input.receivedAt.getTime() + (due - from) * MINUTE) : fromLocalMinutes(due);
  return { dueAt, responseMode, responseTime, source };
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
  const from = toLocalMinutes(input.receivedAt);
  const minutes = RESOLUTION_MINUTES[responseTime];
  if (responseMode === "h24x7") return new Date(input.receivedAt.getTime() + minutes * MINUTE);
  return fromLocalMinutes(addBusinessMinutes(responseMode, from, minutes));
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
