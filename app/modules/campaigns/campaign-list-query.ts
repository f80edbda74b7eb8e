import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from "#app/modules/crm/sales-constants.ts";
import { defineListQuery, listFilters, type ListQuery } from "#app/ui/list/list-query.ts";

// The campaign list's URL (filters, sort, page, view, columns), shared by its page and its service.

export const CAMPAIGN_COLUMNS = [
  "name",
  "type",
  "status",
  "owner",
  "period",
  "sales",
  "leads",
  "cost",
  "workload",
] as const;

export const campaignList = defineListQuery({
  key: "crm.campaigns",
  filters: {
    status: listFilters.oneOf(CAMPAIGN_STATUSES),
    type: listFilters.oneOf(CAMPAIGN_TYPES),
  },
  sorts: { start: "desc", name: "asc", end: "desc" },
  defaultSort: "start",
  columns: CAMPAIGN_COLUMNS,
  defaultColumns: CAMPAIGN_COLUMNS.filter((c) => c !== "cost" && c !== "workload"),
});

export type CampaignSortKey = "start" | "name" | "end";
export type CampaignListQuery = ListQuery<(typeof campaignList.definition)["filters"], CampaignSortKey>;
