/**
 * Service-request due times (first response), PURE: no clock, no database. Rules (decision 019):
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

export type SlaState = "met" | "overdue" | "due-soon" | "on-track" | "none";

export interface SlaStatus {
  state: SlaState;
  /** Minutes until due (negative when overdue); null when met or without a due time. */
  minutesLeft: number | null;
}

/** Badge state of a request's first-response SLA at `now`. "due-soon" = under 2 hours left. */
export function slaStatus(
  request: { dueAt: Date | null; firstResponseAt: Date | null; status: string },
  now: Date,
): SlaStatus {
  if (request.firstResponseAt) return { state: "met", minutesLeft: null };
  if (!request.dueAt || request.status === "resolved" || request.status === "closed") {
    return { state: "none", minutesLeft: null };
  }
  const minutesLeft = Math.floor((request.dueAt.getTime() - now.getTime()) / MINUTE);
  if (minutesLeft < 0) return { state: "overdue", minutesLeft };
  return { state: minutesLeft < 120 ? "due-soon" : "on-track", minutesLeft };
}
