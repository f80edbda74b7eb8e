import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { IdParam, msg } from "#app/lib/schemas.ts";
import { invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { ACTIONS, MODULES, SCOPES } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// Per-user overrides (decision 031): one staff member × module × action gets a scope that replaces
// whatever their roles give, or is denied outright. The principal load folds them in on every request.

export const OverrideForm = z.object({
  staffId: IdParam,
  module: z.enum(MODULES, msg("validation.choose")),
  action: z.enum(ACTIONS, msg("validation.choose")),
  /** own / team / all grants that scope; deny refuses the action whatever the roles say. */
  effect: z.enum([...SCOPES, "deny"], msg("validation.choose")),
});
export type OverrideInput = z.output<typeof OverrideForm>;

export async function listOverrides(db: DbOrTx) {
  return db.staffPermissionOverride.findMany({
    select: {
      id: true,
      module: true,
      action: true,
      scope: true,
      updatedAt: true,
      staff: { select: { id: true, name: true, email: true } },
    },
    orderBy: [{ staff: { name: "asc" } }, { module: "asc" }, { action: "asc" }],
  });
}

/** Active staff an override can be given to. */
export async function overrideStaffOptions(db: DbOrTx) {
  return db.staff.findMany({
    where: { status: { not: "inactive" } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}

function effectOf(scope: string | null): string {
  return scope ?? "deny";
}

export async function setOverride(
  db: Db,
  actor: StaffActor,
  input: OverrideInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, "staffId">> {
  return db.$transaction(async (tx) => {
    const staff = await tx.staff.findUnique({ where: { id: input.staffId }, select: { id: true, name: true } });
    if (!staff) return invalid({ staffId: [msg("adminRoles.error.noSuchStaff")] });
    const key = { staffId: input.staffId, module: input.module, action: input.action };
    const existing = await tx.staffPermissionOverride.findUnique({ where: { staffId_module_action: key } });
    const scope = input.effect === "deny" ? null : input.effect;
    const row = await tx.staffPermissionOverride.upsert({
      where: { staffId_module_action: key },
      create: { ...key, scope, updatedById: actor.staffId },
      update: { scope, updatedById: actor.staffId },
    });
    if (!existing || existing.scope !== scope) {
      const cell = `${input.module}.${input.action}`;
      await recordStaffAudit(tx, actor, {
        action: "permission.override.set",
        entityType: "Staff",
        entityId: input.staffId,
        before: existing ? { [cell]: effectOf(existing.scope) } : null,
        after: { [cell]: effectOf(scope), staff: staff.name },
        ipAddress: meta.ipAddress,
      });
    }
    return ok({ id: row.id });
  });
}

export async function removeOverride(
  db: Db,
  actor: StaffActor,
  overrideId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<undefined>> {
  return db.$transaction(async (tx) => {
    const existing = await tx.staffPermissionOverride.findUnique({ where: { id: overrideId } });
    if (!existing) return notFound();
    await tx.staffPermissionOverride.delete({ where: { id: overrideId } });
    await recordStaffAudit(tx, actor, {
      action: "permission.override.removed",
      entityType: "Staff",
      entityId: existing.staffId,
      before: { [`${existing.module}.${existing.action}`]: effectOf(existing.scope) },
      ipAddress: meta.ipAddress,
    });
    return ok();
  });
}
