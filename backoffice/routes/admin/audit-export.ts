import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { exportAuditLogCsv } from "#app/modules/admin/audit-log-export.server.ts";
import { auditList } from "#app/modules/admin/audit-log-viewer.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";

// CSV export of the audit log (/crm/admin/audit/export?<the viewer's filters>): streamed, capped,
// and itself audited. Exporting needs the admin module's export grant as well as browse.

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, {
    name: "admin.browse+export",
    allows: (a) => can(a, "admin", "browse") && can(a, "admin", "export"),
  });
  const q = auditList.parse(new URL(request.url).searchParams);
  const filters = {
    actor: q.actor,
    entityType: q.entityType,
    entityId: q.entityId,
    action: q.action,
    from: q.from,
    to: q.to,
  };
  const stream = await exportAuditLogCsv(db, actor, filters, { ipAddress: clientIp(context) });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
