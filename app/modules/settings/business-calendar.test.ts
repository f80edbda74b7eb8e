import { describe, expect, it } from "vitest";
import { addBusinessHours, isBusinessTime, nextBusinessDayStart, type BusinessCalendar } from "./business-calendar.ts";

// 2026-10-01..07 National Day holidays; Sunday 2026-09-27 and Saturday 2026-10-10 are 调休 workdays
// (an example calendar, not the official one).
const cal: BusinessCalendar = {
  timeZone: "Asia/Shanghai",
  workdays: [1, 2, 3, 4, 5],
  dayStart: "09:00",
  dayEnd: "18:00",
  exceptions: new Map([
    ...["01", "02", "03", "04", "05", "06", "07"].map((d) => [`2026-10-${d}`, false] as [string, boolean]),
    ["2026-09-27", true],
    ["2026-10-10", true],
  ]),
};
const cst = (local: string) => new Date(`${local}+08:00`);

describe("business calendar", () => {
  it("knows business time in the company's time zone", () => {
    expect(isBusinessTime(cal, cst("2026-12-07T09:00:00"))).toBe(true); // Monday opening
    expect(isBusinessTime(cal, cst("2026-12-07T08:59:00"))).toBe(false);
    expect(isBusinessTime(cal, cst("2026-12-07T18:00:00"))).toBe(false); // closing is exclusive
    expect(isBusinessTime(cal, new Date("2026-12-07T01:30:00Z"))).toBe(true); // 09:30 in Shanghai
    expect(isBusinessTime(cal, cst("2026-12-06T10:00:00"))).toBe(false); // Sunday
    expect(isBusinessTime(cal, cst("2026-10-02T10:00:00"))).toBe(false); // Friday, holiday
    expect(isBusinessTime(cal, cst("2026-09-27T10:00:00"))).toBe(true); // Sunday, 调休 workday
  });

  it("adds business hours across nights, weekends, holidays and 调休 days", () => {
    expect(addBusinessHours(cal, cst("2026-12-07T10:00:00"), 4)).toEqual(cst("2026-12-07T14:00:00"));
    expect(addBusinessHours(cal, cst("2026-12-07T16:00:00"), 4)).toEqual(cst("2026-12-08T11:00:00"));
    // Friday 16:00 + 4h → Monday 11:00
    expect(addBusinessHours(cal, cst("2026-12-04T16:00:00"), 4)).toEqual(cst("2026-12-07T11:00:00"));
    // From outside hours the clock starts at the next opening.
    expect(addBusinessHours(cal, cst("2026-12-05T22:00:00"), 8)).toEqual(cst("2026-12-07T17:00:00"));
    // Saturday 26 Sep + 4h → Sunday 27 Sep (调休) 13:00
    expect(addBusinessHours(cal, cst("2026-09-26T10:00:00"), 4)).toEqual(cst("2026-09-27T13:00:00"));
    // Wed 30 Sep 17:00 + 2h: 1h that day, then the holiday week is skipped to Thu 8 Oct 10:00
    expect(addBusinessHours(cal, cst("2026-09-30T17:00:00"), 2)).toEqual(cst("2026-10-08T10:00:00"));
    // 9 working hours = one full day
    expect(addBusinessHours(cal, cst("2026-10-09T09:00:00"), 9)).toEqual(cst("2026-10-09T18:00:00"));
    expect(addBusinessHours(cal, cst("2026-10-09T09:00:00"), 10)).toEqual(cst("2026-10-10T10:00:00"));
    expect(nextBusinessDayStart(cal, cst("2026-09-30T15:00:00"))).toEqual(cst("2026-10-08T09:00:00"));
  });

  it("handles 24x7 calendars and zones with daylight saving", () => {
    // 24x7 service ignores holidays: the caller passes a calendar without exceptions.
    const always: BusinessCalendar = {
      ...cal,
      workdays: [1, 2, 3, 4, 5, 6, 7],
      dayStart: "00:00",
      dayEnd: "24:00",
      exceptions: new Map(),
    };
    expect(addBusinessHours(always, cst("2026-10-03T23:00:00"), 4)).toEqual(cst("2026-10-04T03:00:00"));
    const berlin: BusinessCalendar = { ...cal, timeZone: "Europe/Berlin", exceptions: new Map() };
    // Friday 27 March 2026 17:00 CET + 2h → Monday 30 March 10:00 CEST (08:00Z)
    expect(addBusinessHours(berlin, new Date("2026-03-27T16:00:00Z"), 2)).toEqual(new Date("2026-03-30T08:00:00Z"));
  });
});
