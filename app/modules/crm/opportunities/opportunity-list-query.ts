import { defineListQuery, listFilters, type ListQuery } from "#app/ui/list/list-query.ts";

// The opportunity list's and board's URL (filters, sort, page, view, columns): the board reads the
// same filters, so a filter set on one view carries over to the other.

export const OPPORTUNITY_COLUMNS = [
  "name",
  "company",
  "stage",
  "amount",
  "probability",
  "closeDate",
  "owner",
  "team",
  "updated",
] as const;

export const OPPORTUNITY_SORTS = {
  updated: "desc",
  name: "asc",
  amount: "desc",
  probability: "desc",
  close: "asc",
  stage: "asc",
  owner: "asc",
  team: "asc",
  company: "asc",
} as const;
export type OpportunitySortKey = keyof typeof OPPORTUNITY_SORTS;

export const opportunityList = defineListQuery({
  key: "crm.opportunities",
  filters: {
    method: listFilters.id(),
    stage: listFilters.id(),
    owner: listFilters.id(),
    team: listFilters.id(),
    company: listFilters.id(),
    campaign: listFilters.id(),
    closeFrom: listFilters.day(),
    closeTo: listFilters.day(),
    amountMin: listFilters.text(16),
    amountMax: listFilters.text(16),
  },
  sorts: OPPORTUNITY_SORTS,
  defaultSort: "updated",
  columns: OPPORTUNITY_COLUMNS,
  defaultColumns: OPPORTUNITY_COLUMNS.filter((c) => c !== "updated" && c !== "team"),
});

export type OpportunityListQuery = ListQuery<(typeof opportunityList.definition)["filters"], OpportunitySortKey>;

/** The filter part of the query, as the list and board services take it. */
export type OpportunityFilters = Partial<
  Pick<
    OpportunityListQuery,
    | "q"
    | "method"
    | "stage"
    | "owner"
    | "team"
    | "company"
    | "campaign"
    | "closeFrom"
    | "closeTo"
    | "amountMin"
    | "amountMax"
  >
>;
