import type { Db } from "#app/lib/db.server.ts";
import { conflict, invalid, ok, refusal, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import type { StageMoveInput } from "./opportunity-form.ts";
import { findForChange } from "./opportunity-scope.server.ts";
import { currentStage, findStage, salesMethodOrDefault } from "./sales-stages.server.ts";

// Moving an opportunity to another stage of its sales method (the kanban's drag or keyboard move, or
// the detail page): the probability comes from the stage, a won/lost stage closes it with a reason
// (required when lost), reopening clears it, and every move adds a history row (who, when, from, to).
// Two moves from the same version: the first wins, the second gets a conflict.

export async function moveOpportunityStage(
  db: Db,
  actor: StaffActor,
  id: number,
  input: StageMoveInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ moved: boolean }, "stageId" | "reason">> {
  const found = await findForChange(db, actor, id, {
    stageId: true,
    stage: true,
    salesMethodId: true,
    closedAt: true,
    probability: true,
  });
  if (found.kind !== "ok") return refusal(found.kind);
  const { opp } = found;
  const method = await salesMethodOrDefault(db, opp.salesMethodId);
  const target = await findStage(db, input.stageId);
  if (!target || target.methodId !== method.id) return invalid<"stageId">({ stageId: ["validation.choose"] });
  const from = currentStage(opp, method, new Map(method.stages.map((s) => [s.id, s])));
  if (target.kind === "lost" && !input.reason) return invalid<"reason">({ reason: ["opportunities.error.lostReason"] });
  const closing = target.kind !== "open";
  const sameStage = from?.id === target.id;
  return db.$transaction(async (tx) => {
    const { count } = await tx.opportunity.updateMany({
      where: { id, updatedAt: input.version },
      data: {
        salesMethodId: method.id,
        stageId: target.id,
        stage: target.legacyStage,
        probability: sameStage ? opp.probability : target.probability,
        closedAt: closing ? (sameStage && opp.closedAt ? opp.closedAt : new Date()) : null,
        closeReason: closing ? input.reason : null,
      },
    });
    if (count === 0) return conflict("opportunities.error.conflict");
    if (sameStage) return ok({ moved: false });
    await tx.opportunityStageChange.create({
      data: {
        opportunityId: id,
        fromStageId: from?.id ?? null,
        toStageId: target.id,
        probability: target.probability,
        changedById: actor.staffId,
      },
    });
    await recordStaffAudit(tx, actor, {
      action: "opportunity.stageMoved",
      entityType: "Opportunity",
      entityId: id,
      before: { stageId: from?.id ?? null, stage: opp.stage, probability: opp.probability },
      after: { stageId: target.id, stage: target.legacyStage, probability: target.probability, reason: input.reason },
      ipAddress: meta.ipAddress,
    });
    await enqueueSearchSync(tx, "opportunities", [id]);
    return ok({ moved: true });
  });
}
