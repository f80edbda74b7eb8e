import { describe, expect, it } from "vitest";
import {
  computeDueAt,
  computeResolutionDueAt,
  effectiveResolutionDueAt,
  pauseFields,
  resolutionStatus,
  slaStatus,
} from "./service-sla.ts";

/** A Shanghai wall-clock time (UTC+8) as a Date. 2026-11-20 is a Friday. */
function sh(local: string): Date {
  return new Date(`${local}+08:00`);
}

describe("computeDueAt — 8x5 (Mon–Fri 09:00–17:00 Asia/Shanghai)", () => {
  it("onsite_4h received Friday 15:00 runs over the weekend to Monday 11:00", () => {
    const r = computeDueAt({ receivedAt: sh("2026-11-20T15:00:00"), responseMode: "h8x5", responseTime: "onsite_4h" });
    expect(r.dueAt).toEqual(sh("2026-11-23T11:00:00"));
    expect(r.source).toBe("contract");
  });

  it("a request received on Saturday starts counting Monday 09:00", () => {
    expect(
      computeDueAt({ receivedAt: sh("2026-11-21T10:30:00"), responseMode: "h8x5", responseTime: "remote_immediate" })
        .dueAt,
    ).toEqual(sh("2026-11-23T10:00:00"));
    expect(
      computeDueAt({ receivedAt: sh("2026-11-22T23:59:00"), responseMode: "h8x5", responseTime: "onsite_4h" }).dueAt,
    ).toEqual(sh("2026-11-23T13:00:00"));
  });

  it("before opening and after closing on a weekday", () => {
    expect(
      computeDueAt({ receivedAt: sh("2026-11-18T07:10:00"), responseMode: "h8x5", responseTime: "remote_immediate" })
        .dueAt,
    ).toEqual(sh("2026-11-18T10:00:00"));
    expect(
      computeDueAt({ receivedAt: sh("2026-11-18T17:00:00"), responseMode: "h8x5", responseTime: "remote_immediate" })
        .dueAt,
    ).toEqual(sh("2026-11-19T10:00:00"));
    // 16:30 + 1 h = 30 min today + 30 min tomorrow.
    expect(
      computeDueAt({ receivedAt: sh("2026-11-18T16:30:00"), responseMode: "h8x5", responseTime: "remote_immediate" })
        .dueAt,
    ).toEqual(sh("2026-11-19T09:30:00"));
  });

  it("next_business_day: Friday → Monday 17:00, Saturday/Sunday → Monday 17:00, Thursday → Friday 17:00", () => {
    const nbd = (local: string) =>
      computeDueAt({ receivedAt: sh(local), responseMode: "h8x5", responseTime: "next_business_day" }).dueAt;
    expect(nbd("2026-11-20T10:00:00")).toEqual(sh("2026-11-23T17:00:00"));
    expect(nbd("2026-11-21T10:00:00")).toEqual(sh("2026-11-23T17:00:00"));
    expect(nbd("2026-11-22T20:00:00")).toEqual(sh("2026-11-23T17:00:00"));
    expect(nbd("2026-11-19T08:00:00")).toEqual(sh("2026-11-20T17:00:00"));
  });

  it("uses the Shanghai day, not the UTC day (00:30 Monday Shanghai is still Sunday in UTC)", () => {
    expect(
      computeDueAt({ receivedAt: sh("2026-11-23T00:30:00"), responseMode: "h8x5", responseTime: "onsite_4h" }).dueAt,
    ).toEqual(sh("2026-11-23T13:00:00"));
  });
});

describe("computeDueAt — 8x7 and 24x7", () => {
  it("8x7 counts Saturday and Sunday business hours", () => {
    expect(
      computeDueAt({ receivedAt: sh("2026-11-20T15:00:00"), responseMode: "h8x7", responseTime: "onsite_4h" }).dueAt,
    ).toEqual(sh("2026-11-21T11:00:00"));
    expect(
      computeDueAt({ receivedAt: sh("2026-11-20T18:00:00"), responseMode: "h8x7", responseTime: "next_business_day" })
        .dueAt,
    ).toEqual(sh("2026-11-21T17:00:00"));
  });

  it("24x7 counts every hour, nights and weekends included", () => {
    expect(
      computeDueAt({ receivedAt: sh("2026-11-21T23:30:00"), responseMode: "h24x7", responseTime: "onsite_4h" }).dueAt,
    ).toEqual(sh("2026-11-22T03:30:00"));
    expect(
      computeDueAt({ receivedAt: sh("2026-11-20T16:45:00"), responseMode: "h24x7", responseTime: "remote_immediate" })
        .dueAt,
    ).toEqual(sh("2026-11-20T17:45:00"));
    expect(
      computeDueAt({ receivedAt: sh("2026-11-20T16:45:00"), responseMode: "h24x7", responseTime: "next_business_day" })
        .dueAt,
    ).toEqual(sh("2026-11-21T16:45:00"));
  });
});

describe("computeDueAt — no covering contract", () => {
  it("defaults to 8x5 next business day and says so", () => {
    const r = computeDueAt({ receivedAt: sh("2026-11-20T10:00:00") });
    expect(r).toEqual({
      dueAt: sh("2026-11-23T17:00:00"),
      responseMode: "h8x5",
      responseTime: "next_business_day",
      source: "default",
    });
  });
});

describe("slaStatus", () => {
  const due = sh("2026-11-23T11:00:00");
  it("overdue, due soon, on track, met and none", () => {
    const open = { dueAt: due, firstResponseAt: null, status: "new" };
    expect(slaStatus(open, sh("2026-11-23T11:30:00"))).toEqual({ state: "overdue", minutesLeft: -30 });
    expect(slaStatus(open, sh("2026-11-23T10:00:00"))).toEqual({ state: "due-soon", minutesLeft: 60 });
    expect(slaStatus(open, sh("2026-11-23T08:00:00"))).toEqual({ state: "on-track", minutesLeft: 180 });
    expect(slaStatus({ ...open, firstResponseAt: sh("2026-11-23T10:30:00") }, sh("2026-11-24T00:00:00")).state).toBe(
      "met",
    );
    expect(slaStatus({ ...open, status: "closed" }, sh("2026-11-24T00:00:00")).state).toBe("none");
  });

  it("keeps a late first response on record as breached, by how much, long after the reply", () => {
    const answered = { dueAt: due, firstResponseAt: sh("2026-12-10T06:00:00"), status: "in_progress" };
    // 403 hours late: the old badge turned green "已响应" here.
    expect(slaStatus(answered, sh("2026-12-20T00:00:00"))).toEqual({ state: "breached", minutesLeft: 403 * 60 });
    expect(slaStatus({ ...answered, status: "closed" }, sh("2026-12-20T00:00:00")).state).toBe("breached");
  });
});

describe("resolution SLA", () => {
  it("counts the resolution target in business time on the contract's calendar", () => {
    // remote_immediate: one working day (8 business hours) from Friday 15:00 → Monday 15:00.
    expect(
      computeResolutionDueAt({
        receivedAt: sh("2026-11-20T15:00:00"),
        responseMode: "h8x5",
        responseTime: "remote_immediate",
      }),
    ).toEqual(sh("2026-11-23T15:00:00"));
    // Around the clock, next-business-day level: 24 hours.
    expect(
      computeResolutionDueAt({
        receivedAt: sh("2026-11-20T15:00:00"),
        responseMode: "h24x7",
        responseTime: "next_business_day",
      }),
    ).toEqual(sh("2026-11-21T15:00:00"));
  });

  it("pauses while waiting for the customer and moves the due time by the pause", () => {
    const resolutionDueAt = sh("2026-11-23T15:00:00");
    const start = pauseFields({ status: "in_progress", pausedAt: null }, "waiting_customer", sh("2026-11-23T10:00:00"));
    expect(start).toEqual({ pausedAt: sh("2026-11-23T10:00:00") });
    const waiting = {
      resolutionDueAt,
      pausedAt: sh("2026-11-23T10:00:00"),
      pausedMinutes: 0,
      resolvedAt: null,
      status: "waiting_customer",
    };
    expect(resolutionStatus(waiting, sh("2026-11-23T18:00:00"))).toEqual({ state: "paused", minutesLeft: null });

    const end = pauseFields(waiting, "in_progress", sh("2026-11-23T13:00:00"));
    expect(end).toEqual({ pausedAt: null, pausedMinutes: { increment: 180 } });
    const resumed = { ...waiting, pausedAt: null, pausedMinutes: 180, status: "in_progress" };
    expect(effectiveResolutionDueAt(resumed, sh("2026-11-23T13:00:00"))).toEqual(sh("2026-11-23T18:00:00"));
    expect(resolutionStatus(resumed, sh("2026-11-23T17:00:00"))).toEqual({ state: "due-soon", minutesLeft: 60 });
    // Resolved after the extended due time: breached by 30 minutes, and it stays so.
    const late = { ...resumed, status: "resolved", resolvedAt: sh("2026-11-23T18:30:00") };
    expect(resolutionStatus(late, sh("2026-12-30T00:00:00"))).toEqual({ state: "breached", minutesLeft: 30 });
    expect(resolutionStatus({ ...late, resolvedAt: sh("2026-11-23T17:59:00") }, sh("2026-12-30T00:00:00")).state).toBe(
      "met",
    );
  });

  it("a status change that neither starts nor ends a pause changes nothing", () => {
    expect(pauseFields({ status: "new", pausedAt: null }, "accepted", new Date())).toEqual({});
    expect(pauseFields({ status: "waiting_customer", pausedAt: new Date() }, "waiting_customer", new Date())).toEqual(
      {},
    );
  });
});

describe("computeDueAt — on the company's business calendar", () => {
  // 2026 National Day: 1–7 Oct off, Sunday 20 Sep and Saturday 10 Oct worked (the official 调休).
  const calendar = {
    timeZone: "Asia/Shanghai",
    workdays: [1, 2, 3, 4, 5],
    dayStart: "08:30",
    dayEnd: "18:00",
    exceptions: new Map<string, boolean>([
      ...[1, 2, 3, 4, 5, 6, 7].map((d) => [`2026-10-0${d}`, false] as [string, boolean]),
      ["2026-09-20", true],
      ["2026-10-10", true],
    ]),
  };
  const due = (local: string, responseMode: "h8x5" | "h8x7", responseTime: "onsite_4h" | "next_business_day") =>
    computeDueAt({ receivedAt: sh(local), responseMode, responseTime, calendar }).dueAt;

  it("8x5 skips holidays, works 调休 days, and its 8-hour day starts at the company's opening", () => {
    // Wed 30 Sep 15:00 + 4h: 1.5 h that day (to 16:30), then the holiday week, Thu 8 Oct 11:00.
    expect(due("2026-09-30T15:00:00", "h8x5", "onsite_4h")).toEqual(sh("2026-10-08T11:00:00"));
    // Saturday 19 Sep → the 调休 Sunday 20 Sep opens at 08:30.
    expect(due("2026-09-19T10:00:00", "h8x5", "onsite_4h")).toEqual(sh("2026-09-20T12:30:00"));
    // Friday 9 Oct → next business day is the 调休 Saturday 10 Oct, closing 16:30.
    expect(due("2026-10-09T10:00:00", "h8x5", "next_business_day")).toEqual(sh("2026-10-10T16:30:00"));
    expect(due("2026-09-30T10:00:00", "h8x5", "next_business_day")).toEqual(sh("2026-10-08T16:30:00"));
    expect(
      computeResolutionDueAt({ receivedAt: sh("2026-09-30T08:30:00"), responseTime: "remote_immediate", calendar }),
    ).toEqual(sh("2026-09-30T16:30:00"));
  });

  it("8x7 serves holidays too; a short company day caps the service day", () => {
    expect(due("2026-10-02T09:00:00", "h8x7", "onsite_4h")).toEqual(sh("2026-10-02T13:00:00"));
    const shortDay = { ...calendar, dayStart: "09:00", dayEnd: "12:00" };
    expect(
      computeDueAt({
        receivedAt: sh("2026-12-07T11:00:00"),
        responseMode: "h8x5",
        responseTime: "onsite_4h",
        calendar: shortDay,
      }).dueAt,
    ).toEqual(sh("2026-12-08T12:00:00"));
  });
});
