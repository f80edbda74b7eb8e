import { defineListQuery, listFilters } from "#app/ui/list/list-query.ts";

// What the notifications page's URL may say (/crm/notifications): unread only or all, newest or
// oldest first, and a keyset cursor. Shared by the service and the page; no server code here.

export const notificationList = defineListQuery({
  key: "crm.notifications",
  filters: { state: listFilters.oneOf(["unread"]) },
  sorts: { time: "desc" },
  defaultSort: "time",
  columns: ["notification", "time"],
});

export type NotificationListQuery = ReturnType<typeof notificationList.parse>;
