import { defineListQuery, listFilters } from "#app/ui/list/list-query.ts";
import { SERVICE_KINDS, SERVICE_PRIORITIES, SERVICE_STATUSES } from "./service-constants.ts";

// What the service desk's URL may say (/crm/service): the queue (mine / unassigned / overdue / open /
// all), a zone, status / priority / kind filters, search text and a sort from the columns. Shared by
// the service and the page; no server code here. The queue was `?view=` before saved views took that
// name; the page forwards old links.

export const DESK_QUEUES = ["mine", "unassigned", "overdue", "open", "all"] as const;
export type DeskQueue = (typeof DESK_QUEUES)[number];

export const DESK_COLUMNS = ["request", "customer", "status", "sla", "assignee", "zone", "created"] as const;

export const serviceDeskList = defineListQuery({
  key: "crm.service",
  filters: {
    queue: listFilters.choice(DESK_QUEUES, "mine"),
    zone: listFilters.id(),
    status: listFilters.oneOf(SERVICE_STATUSES),
    priority: listFilters.oneOf(SERVICE_PRIORITIES),
    kind: listFilters.oneOf(SERVICE_KINDS),
  },
  sorts: { due: "asc", created: "desc", priority: "desc", customer: "asc", subject: "asc" },
  defaultSort: "due",
  columns: DESK_COLUMNS,
  defaultColumns: ["request", "customer", "status", "sla", "assignee"],
  // The queue and the zone are where one works, not filters: "clear filters" keeps them.
  sticky: ["queue", "zone"],
});

export type DeskQuery = ReturnType<typeof serviceDeskList.parse>;
export type DeskSort = DeskQuery["sort"];
