import { defineListQuery, listFilters } from "#app/ui/list/list-query.ts";

// What the URL of the price-scheme list may say. Shared by the service and the page.

export const SCHEME_STATUSES = ["draft", "pending", "approved", "rejected", "discarded"] as const;
export const SCHEME_COLUMNS = ["name", "applies", "audience", "period", "tiers", "status"] as const;

export const priceSchemeList = defineListQuery({
  key: "crm.price-schemes",
  filters: { status: listFilters.oneOf(SCHEME_STATUSES), product: listFilters.id() },
  sorts: { updated: "desc", name: "asc" },
  defaultSort: "updated",
  columns: SCHEME_COLUMNS,
  sticky: ["product"],
});
export type PriceSchemeListQuery = ReturnType<typeof priceSchemeList.parse>;
