import { defineListQuery, listFilters, type ListQuery } from "#app/ui/list/list-query.ts";

// What the audit-log viewer's URL may say (shared by the page and audit-log-viewer.server.ts): person,
// record type, record id, action, a date range, newest or oldest first, and a keyset cursor.

export const auditList = defineListQuery({
  key: "crm.admin.audit",
  filters: {
    actor: listFilters.id(),
    entityType: listFilters.text(60),
    entityId: listFilters.text(64),
    action: listFilters.text(60),
    from: listFilters.day(),
    to: listFilters.day(),
  },
  sorts: { time: "desc" },
  defaultSort: "time",
});
export type AuditListQuery = ListQuery<(typeof auditList)["definition"]["filters"], "time">;
export type AuditFilters = Pick<AuditListQuery, "actor" | "entityType" | "entityId" | "action" | "from" | "to">;
