import { defineListQuery, listFilters, type ListQuery } from "#app/ui/list/list-query.ts";
import { OPPORTUNITY_STAGES } from "./sales-constants.ts";

// The opportunity list's URL (filters, sort, page, view, columns), shared by its page and its service.

export const OPPORTUNITY_COLUMNS = [
  "name",
  "company",
  "stage",
  "amount",
  "probability",
  "closeDate",
  "owner",
  "updated",
] as const;

export const opportunityList = defineListQuery({
  key: "crm.opportunities",
  filters: {
    stage: listFilters.oneOf(OPPORTUNITY_STAGES),
    owner: listFilters.id(),
    campaign: listFilters.id(),
  },
  sorts: { updated: "desc", name: "asc", amount: "desc", probability: "desc", close: "asc" },
  defaultSort: "updated",
  columns: OPPORTUNITY_COLUMNS,
  defaultColumns: OPPORTUNITY_COLUMNS.filter((c) => c !== "updated"),
});

export type OpportunitySortKey = "updated" | "name" | "amount" | "probability" | "close";
export type OpportunityListQuery = ListQuery<(typeof opportunityList.definition)["filters"], OpportunitySortKey>;
