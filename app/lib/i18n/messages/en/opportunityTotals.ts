import type { opportunityTotals as zh } from "../zh-CN/opportunityTotals.ts";

export const opportunityTotals: Record<keyof typeof zh, string> = {
  "opportunityTotals.capped": "More than {count} opportunities match: narrow the filter to see the amount totals.",
  "opportunityTotals.columnCapped": "Narrow the filter to see totals",
  "opportunityTotals.seeList": "See them in the list",
};
