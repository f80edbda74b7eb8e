// Opportunity totals at scale (#18 item 4, decision 052): what the list and board say when a filter
// matches more opportunities than are counted row by row.
export const opportunityTotals = {
  "opportunityTotals.capped": "筛选结果超过 {count} 个机会，请缩小筛选范围以查看金额合计。",
  "opportunityTotals.columnCapped": "缩小筛选范围以查看合计",
  "opportunityTotals.seeList": "在列表中查看",
} as const;
