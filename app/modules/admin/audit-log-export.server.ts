import type { Db } from "#app/lib/db.server.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { auditDiff, listAuditLog, type AuditFilters, type AuditRow } from "./audit-log-viewer.server.ts";

// CSV export of the audit log: the viewer's filters, newest first, streamed in keyset batches so a
// large export never sits in memory, and capped (an export of the whole history is a database dump,
// not a CSV). The export itself is audited before the first byte leaves.

export const AUDIT_EXPORT_CAP = 50_000;
const BATCH = 1_000;

export const AUDIT_CSV_HEADER = [
  "id",
  "time",
  "actorType",
  "actorId",
  "actor",
  "action",
  "entityType",
  "entityId",
  "ip",
  "changes",
];

/** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsvLine(row: AuditRow): string {
  const changes = auditDiff(row.before, row.after)
    .map((d) => `${d.field}: ${d.before ?? "∅"} → ${d.after ?? "∅"}`)
    .join("; ");
  return [
    row.id,
    row.createdAt.toISOString(),
    row.actorType,
    row.actorId,
    row.actorName,
    row.action,
    row.entityType,
    row.entityId,
    row.ipAddress,
    changes,
  ]
    .map(csvCell)
    .join(",");
}

/** Records the export, then returns a stream of CSV (UTF-8 with BOM so Excel reads the Chinese). */
export async function exportAuditLogCsv(
  db: Db,
  actor: StaffActor,
  filters: AuditFilters,
  meta: AuditMeta = {},
  cap = AUDIT_EXPORT_CAP,
): Promise<ReadableStream<Uint8Array>> {
  const used = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ""));
  await recordStaffAudit(db, actor, {
    action: "audit.exported",
    entityType: "AuditLog",
    after: { ...used, cap },
    ipAddress: meta.ipAddress,
  });
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let sent = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${AUDIT_CSV_HEADER.join(",")}\r\n`));
        return;
      }
      const size = Math.min(BATCH, cap - sent);
      if (size <= 0) return controller.close();
      const page = await listAuditLog(db, { ...filters, dir: "desc", cursor }, size);
      if (page.rows.length === 0) return controller.close();
      sent += page.rows.length;
      controller.enqueue(encoder.encode(page.rows.map((r) => `${auditCsvLine(r)}\r\n`).join("")));
      cursor = page.next;
      if (!cursor) controller.close();
    },
  });
}
