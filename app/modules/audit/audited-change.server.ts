import type { Db, Tx } from "#app/lib/db.server.ts";
import { recordAudit, type AuditEntry } from "./audit-log.server.ts";

/**
 * Runs a change and writes its audit row in the same transaction, so neither exists without the
 * other. `entry` may be built from the change's result (e.g. the id of the session it opened).
 */
export function auditedChange<T>(
  db: Db,
  change: (tx: Tx) => Promise<T>,
  entry: AuditEntry | ((result: T) => AuditEntry),
): Promise<T> {
  return db.$transaction(async (tx) => {
    const result = await change(tx);
    await recordAudit(tx, typeof entry === "function" ? entry(result) : entry);
    return result;
  });
}
