import { defineListQuery, listFilters } from "#app/ui/list/list-query.ts";

// What the URL of the quote list (/crm/quotes) may say. Shared by the service and the page.

export const QUOTE_STATUSES = [
  "draft",
  "pending_approval",
  "approved",
  "sent",
  "accepted",
  "changes_requested",
  "rejected",
  "expired",
  "superseded",
] as const;
export const QUOTE_COLUMNS = ["title", "company", "status", "total", "validUntil", "owner"] as const;

export const quoteList = defineListQuery({
  key: "crm.quotes",
  filters: {
    status: listFilters.oneOf(QUOTE_STATUSES),
    company: listFilters.id(),
    contact: listFilters.id(),
    opportunity: listFilters.id(),
  },
  sorts: { updated: "desc", validUntil: "asc" },
  defaultSort: "updated",
  columns: QUOTE_COLUMNS,
  sticky: ["company", "contact", "opportunity"],
});
export type QuoteListQuery = ReturnType<typeof quoteList.parse>;
