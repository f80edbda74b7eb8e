import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { msg } from "#app/lib/schemas.ts";
import { ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import {
  CONFLICT_MODULES,
  CONFLICT_STRATEGIES,
  DEFAULT_CONFLICT_STRATEGY,
  isConflictStrategy,
  type ConflictModule,
  type ConflictStrategy,
} from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// 权限冲突管理 (seed §2.P.5): the strategy per module, one row each in PermissionConflictPolicy. The
// principal load reads every row on each request, so a change applies to the next request; the rule
// itself is `resolveConflict` in permissions.ts, called by the lead edit rights and campaign access.

export const ConflictForm = z.object({
  leads: z.enum(CONFLICT_STRATEGIES, msg("validation.choose")),
  campaigns: z.enum(CONFLICT_STRATEGIES, msg("validation.choose")),
});

export async function getConflictStrategies(db: DbOrTx): Promise<Record<ConflictModule, ConflictStrategy>> {
  const rows = await db.permissionConflictPolicy.findMany({ where: { module: { in: [...CONFLICT_MODULES] } } });
  const result = Object.fromEntries(CONFLICT_MODULES.map((m) => [m, DEFAULT_CONFLICT_STRATEGY])) as Record<
    ConflictModule,
    ConflictStrategy
  >;
  for (const row of rows) {
    if ((CONFLICT_MODULES as readonly string[]).includes(row.module) && isConflictStrategy(row.strategy)) {
      result[row.module as ConflictModule] = row.strategy;
    }
  }
  return result;
}

export async function setConflictStrategies(
  db: Db,
  actor: StaffActor,
  input: Partial<Record<ConflictModule, ConflictStrategy>>,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ changed: number }>> {
  return db.$transaction(async (tx) => {
    const current = await getConflictStrategies(tx);
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    for (const module of CONFLICT_MODULES) {
      const strategy = input[module];
      if (!strategy || strategy === current[module]) continue;
      await tx.permissionConflictPolicy.upsert({
        where: { module },
        create: { module, strategy, updatedById: actor.staffId },
        update: { strategy, updatedById: actor.staffId },
      });
      before[module] = current[module];
      after[module] = strategy;
    }
    const changed = Object.keys(after).length;
    if (changed > 0) {
      await recordStaffAudit(tx, actor, {
        action: "permission.conflictStrategy",
        entityType: "PermissionConflictPolicy",
        before,
        after,
        ipAddress: meta.ipAddress,
      });
    }
    return ok({ changed });
  });
}
