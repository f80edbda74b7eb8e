import { defineListQuery } from "#app/ui/list/list-query.ts";

// What the URL of the back office's zone list (/crm/zones) may say: search, a sort from the columns,
// the page, saved view and columns. Shared by the service and the page; no server code here.

export const ZONE_COLUMNS = ["zone", "csrs", "members", "pending"] as const;

export const zoneList = defineListQuery({
  key: "crm.zones",
  filters: {},
  sorts: { created: "asc", name: "asc", company: "asc" },
  defaultSort: "created",
  columns: ZONE_COLUMNS,
});
export type ZoneListQuery = ReturnType<typeof zoneList.parse>;
