import { defineListQuery, listFilters } from "#app/ui/list/list-query.ts";
import { ORDER_SOURCES, ORDER_STATUSES } from "./order-status.ts";

// What the URL of the back office's sales-order list may say (shared by the service and the page).

export const ORDER_COLUMNS = ["number", "company", "status", "source", "total", "owner", "created"] as const;

export const orderList = defineListQuery({
  key: "crm.sales-orders",
  filters: {
    status: listFilters.oneOf(ORDER_STATUSES),
    source: listFilters.oneOf(ORDER_SOURCES),
    companyId: listFilters.id(),
  },
  sorts: { created: "desc", number: "desc", company: "asc", total: "desc", status: "asc" },
  defaultSort: "created",
  columns: ORDER_COLUMNS,
  sticky: ["companyId"],
});
export type OrderListQuery = ReturnType<typeof orderList.parse>;
