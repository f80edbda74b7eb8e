import { z } from "zod";
import type { Db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { checkbox, IdParam } from "#app/lib/schemas.ts";
import { forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import type { AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere, type ScopedEntity } from "#app/modules/crm/access/record-scope.server.ts";
import { moveToBin } from "#app/modules/crm/recycle-bin/recycle-bin.server.ts";
import { BULK_MAX } from "./bulk-actions.ts";
import { transferRecords } from "./sharing.server.ts";

// The server half of the list pages' bulk actions (bulk-actions.ts): transfer is all-or-nothing
// (every selected row in the transfer scope); delete bins every selected row the actor may delete.

const Ids = z
  .string()
  .max(BULK_MAX * 12)
  .transform((s) => [
    ...new Set(
      s
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number),
    ),
  ])
  .pipe(z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(BULK_MAX));

export async function runBulkRecordAction(
  db: Db,
  actor: StaffActor,
  entity: ScopedEntity,
  formData: FormData,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ count: number }>> {
  const intent = formData.get("intent");
  if (intent === "bulk-transfer") {
    const parsed = await parseForm(formData, z.object({ ids: Ids, toStaffId: IdParam, includeOpen: checkbox() }));
    if (parsed.status !== "ok") return parsed;
    const result = await transferRecords(db, actor, { entity, ...parsed.value, ids: parsed.value.ids }, meta);
    return result.status === "ok" ? ok({ count: result.value.records }) : result;
  }
  if (intent === "bulk-delete") {
    const parsed = await parseForm(formData, z.object({ ids: Ids }));
    if (parsed.status !== "ok") return parsed;
    const where = await recordScopeWhere(db, actor, entity, "delete");
    if (!where) return forbidden();
    let count = 0;
    for (const id of parsed.value.ids) {
      if ((await moveToBin(db, actor, { entity, id }, meta)).status === "ok") count++;
    }
    return count === 0 ? notFound() : ok({ count });
  }
  return invalid({}, ["recordAdmin.transfer.badSelection"]);
}
