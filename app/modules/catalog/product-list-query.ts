import { defineListQuery, listFilters } from "#app/ui/list/list-query.ts";

// What the URL of the back office's product list may say. Shared by the service and the page.

export const PRODUCT_COLUMNS = ["name", "category", "line", "unit", "price", "portal", "active"] as const;

export const productList = defineListQuery({
  key: "crm.products",
  filters: {
    category: listFilters.id(),
    active: listFilters.yesNo(),
    portal: listFilters.yesNo(),
  },
  sorts: { name: "asc", sku: "asc", price: "asc", updated: "desc" },
  defaultSort: "name",
  columns: PRODUCT_COLUMNS,
});
export type ProductListQuery = ReturnType<typeof productList.parse>;
