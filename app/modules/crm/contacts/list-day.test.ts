import { describe, expect, it } from "vitest";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { LOCALES } from "#app/lib/i18n/locales.ts";
import { listDay } from "./list-day.ts";

describe("listDay", () => {
  it("prints what formatCompactDate prints, across day boundaries in the display zone", () => {
    const start = Date.UTC(2024, 0, 1);
    // Every 7 h 13 min over two years: each hour of the day, month and year ends, a leap day.
    for (let t = start; t < start + 2 * 366 * 86_400_000; t += 26_000_000) {
      for (const locale of LOCALES) {
        const date = new Date(t);
        expect(listDay(date, locale)).toBe(formatCompactDate(date, locale));
        expect(listDay(date.toISOString(), locale)).toBe(formatCompactDate(date, locale));
      }
    }
  });

  it("prints a dash for a value that is not a date", () => {
    expect(listDay("not a date", "zh-CN")).toBe("—");
  });
});
