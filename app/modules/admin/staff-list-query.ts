import { defineListQuery, listFilters, type ListQuery } from "#app/ui/list/list-query.ts";

// The staff list's URL (filters, sort, page, view, columns), shared by its page and its service.

export const STAFF_STATUSES = ["active", "away", "inactive"] as const;
export const STAFF_COLUMNS = ["name", "team", "roles", "status", "lastSignIn", "created"] as const;

export const staffList = defineListQuery({
  key: "admin.staff",
  filters: {
    status: listFilters.oneOf(STAFF_STATUSES),
    team: listFilters.id(),
    role: listFilters.id(),
  },
  sorts: { name: "asc", team: "asc", lastSignIn: "desc", created: "desc" },
  defaultSort: "name",
  columns: STAFF_COLUMNS,
  defaultColumns: STAFF_COLUMNS.filter((c) => c !== "created"),
});

export type StaffSortKey = "name" | "team" | "lastSignIn" | "created";
export type StaffListQuery = ListQuery<(typeof staffList.definition)["filters"], StaffSortKey>;
