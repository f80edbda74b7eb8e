import { describe, expect, it } from "vitest";
import {
  dateInputValue,
  formatCalendarDate,
  formatCompactDate,
  formatDateTime,
  formatListTime,
  formatMediumDate,
  formatMessageTime,
  formatMoment,
  formatRelative,
} from "./dates.ts";
import { formatCompactMoney, formatMoney } from "./money.ts";
import { formatBytes, formatCount, formatNumber, formatPercent } from "./numbers.ts";

// 2026-11-22 08:05 UTC is 16:05 in Shanghai; 2026-11-21 20:00 UTC is already the 22nd there.
const AT = new Date("2026-11-22T08:05:00Z");

describe("money", () => {
  it("always prints the sign, grouping and two decimals, in both locales", () => {
    expect(formatMoney(228000, "zh-CN")).toBe("¥228,000.00");
    expect(formatMoney("228000.00", "en")).toBe("¥228,000.00");
    expect(formatMoney("1280.5", "zh-CN")).toBe("¥1,280.50");
    expect(formatMoney(null, "zh-CN")).toBe("¥0.00");
  });

  it("keeps every digit of a 14-digit decimal string and accepts a Decimal-like value", () => {
    expect(formatMoney("99999999999999.99", "en")).toBe("¥99,999,999,999,999.99");
    expect(formatMoney({ toFixed: () => "12.30" }, "zh-CN")).toBe("¥12.30");
    expect(formatMoney("1,234.5", "en")).toBe("¥1,234.50");
  });

  it("prints other currencies with their own sign", () => {
    expect(formatMoney(10, "en", "USD")).toBe("$10.00");
  });

  it("abbreviates by locale for compact displays", () => {
    expect(formatCompactMoney(120000, "zh-CN")).toBe("¥12万");
    expect(formatCompactMoney(120000, "en")).toBe("¥120K");
  });
});

describe("numbers", () => {
  it("groups and trims decimals", () => {
    expect(formatNumber(1234.567, "en")).toBe("1,234.57");
    expect(formatNumber("12.50", "zh-CN")).toBe("12.5");
    expect(formatNumber(3, "en", { minimumFractionDigits: 1 })).toBe("3.0");
  });

  it("shows a capped count with a plus", () => {
    expect(formatCount(1340, "zh-CN")).toBe("1,340");
    expect(formatCount(10_000, "en", 10_000)).toBe("10,000+");
    expect(formatCount(9_999, "en", 10_000)).toBe("9,999");
  });

  it("formats percentages and file sizes", () => {
    expect(formatPercent(42, "en")).toBe("42%");
    expect(formatPercent(null, "en")).toBe("—");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(12_800)).toBe("12.5 KB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MB");
  });
});

describe("dates", () => {
  it("prints moments in China Standard Time with the zone", () => {
    expect(formatDateTime(AT, "zh-CN")).toBe("2026年11月22日 16:05 (GMT+8)");
    expect(formatDateTime(AT.toISOString(), "en")).toBe("Nov 22, 2026, 16:05 (GMT+8)");
    expect(formatDateTime(null, "en")).toBe("—");
    expect(formatDateTime("not a date", "en")).toBe("—");
  });

  it("uses the Shanghai day, not the UTC day, for moments", () => {
    const lateUtc = new Date("2026-11-21T20:00:00Z");
    expect(formatCompactDate(lateUtc, "zh-CN")).toBe("2026/11/22");
    expect(formatMediumDate(lateUtc, "en")).toBe("Nov 22, 2026");
    expect(formatMoment(lateUtc, "zh-CN")).toBe("2026年11月22日 04:00");
  });

  it("keeps DATE columns on their stored day", () => {
    const closeDate = new Date("2026-12-31T00:00:00Z");
    expect(formatCalendarDate(closeDate, "zh-CN")).toBe("2026/12/31");
    expect(formatCalendarDate(null, "zh-CN")).toBe("—");
    expect(dateInputValue(closeDate)).toBe("2026-12-31");
    expect(dateInputValue(null)).toBe("");
  });

  it("shortens list times by distance from now", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    expect(formatListTime(AT, "zh-CN", now)).toBe("16:05");
    expect(formatListTime(new Date("2026-11-20T08:00:00Z"), "zh-CN", now)).toBe("11月20日");
    expect(formatListTime(new Date("2025-11-20T08:00:00Z"), "zh-CN", now)).toBe("2025/11/20");
    expect(formatMessageTime(AT, "en")).toBe("Nov 22, 16:05");
  });

  it("says how long ago, against the loader's now", () => {
    const now = AT.getTime() + 3 * 3600_000;
    expect(formatRelative(AT, now, "zh-CN")).toBe("3小时前");
    expect(formatRelative(AT, now, "en")).toBe("3 hours ago");
    expect(formatRelative(AT, AT, "en")).toBe("this minute");
  });
});
