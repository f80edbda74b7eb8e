import { defineListQuery, listFilters } from "#app/ui/list/list-query.ts";
import { STAFF_FILTERS } from "./message-input.ts";

// What the staff inbox's URL may say (/crm/messages): the tab (all / unassigned / mine), search text,
// and a sort from the columns. Shared by the service and the page; no server code here.

export const STAFF_INBOX_COLUMNS = ["member", "subject", "activity", "unread", "assignee"] as const;

export const staffInboxList = defineListQuery({
  key: "crm.messages",
  filters: { filter: listFilters.choice(STAFF_FILTERS, "all") },
  sorts: { activity: "desc", unread: "desc", subject: "asc" },
  // Unread threads first (those with more unread first), then the newest activity.
  defaultSort: "unread",
  columns: STAFF_INBOX_COLUMNS,
  // The tab is where one is, not a filter: "clear filters" keeps it.
  sticky: ["filter"],
});

export type StaffInboxQuery = ReturnType<typeof staffInboxList.parse>;
export type StaffInboxSort = StaffInboxQuery["sort"];
