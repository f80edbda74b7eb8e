import type { z } from "zod";
import type { Db } from "#app/lib/db.server.ts";
import { invalid, notFound, ok, refusal, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import type { CompetitorSchema, MemberAddSchema, SubProjectInput } from "./opportunity-form.ts";
import { auditJson } from "./audit-json.ts";
import { findForChange, opportunityScopeWhere } from "./opportunity-scope.server.ts";

// The opportunity's team (members with roles), competitors and sub-projects (分解项目). Whoever may
// change the opportunity manages them; a sub-project's project manager may also record its actual
// hours, consumables and status when they can see the opportunity (seed 000 §2.L.4, L533-535).

type Result<F extends string = string> = ServiceResult<undefined, F>;

async function audited(db: Db, actor: StaffActor, id: number, action: string, after: object, meta: AuditMeta) {
  await recordStaffAudit(db, actor, {
    action,
    entityType: "Opportunity",
    entityId: id,
    after: auditJson(after),
    ipAddress: meta.ipAddress,
  });
}

export async function addOpportunityMember(
  db: Db,
  actor: StaffActor,
  id: number,
  input: z.output<typeof MemberAddSchema>,
  meta: AuditMeta = {},
): Promise<Result<"staffId">> {
  const found = await findForChange(db, actor, id, { ownerId: true });
  if (found.kind !== "ok") return refusal(found.kind);
  const staff = await db.staff.count({ where: { id: input.staffId, status: { not: "inactive" } } });
  if (staff === 0 || input.staffId === found.opp.ownerId)
    return invalid<"staffId">({ staffId: ["opportunities.error.member"] });
  await db.opportunityMember.upsert({
    where: { opportunityId_staffId: { opportunityId: id, staffId: input.staffId } },
    create: { opportunityId: id, staffId: input.staffId, role: input.role },
    update: { role: input.role },
  });
  await audited(db, actor, id, "opportunity.memberSet", input, meta);
  return ok();
}

export async function addOpportunityCompetitor(
  db: Db,
  actor: StaffActor,
  id: number,
  input: z.output<typeof CompetitorSchema>,
  meta: AuditMeta = {},
): Promise<Result> {
  const found = await findForChange(db, actor, id, { id: true });
  if (found.kind !== "ok") return refusal(found.kind);
  await db.opportunityCompetitor.create({ data: { opportunityId: id, ...input } });
  await audited(db, actor, id, "opportunity.competitorAdded", input, meta);
  return ok();
}

const REMOVABLE = {
  member: "opportunity.memberRemoved",
  competitor: "opportunity.competitorRemoved",
  subProject: "opportunity.subProjectRemoved",
} as const;

/** Removes one member, competitor or sub-project row of the opportunity (404 when not its row). */
export async function removeOpportunityRow(
  db: Db,
  actor: StaffActor,
  id: number,
  kind: keyof typeof REMOVABLE,
  rowId: number,
  meta: AuditMeta = {},
): Promise<Result> {
  const found = await findForChange(db, actor, id, { id: true });
  if (found.kind !== "ok") return refusal(found.kind);
  const where = { id: rowId, opportunityId: id };
  const { count } =
    kind === "member"
      ? await db.opportunityMember.deleteMany({ where })
      : kind === "competitor"
        ? await db.opportunityCompetitor.deleteMany({ where })
        : await db.opportunitySubProject.deleteMany({ where });
  if (count === 0) return notFound();
  await audited(db, actor, id, REMOVABLE[kind], { rowId }, meta);
  return ok();
}

/**
 * Adds a sub-project (rowId null) or saves one. Adding and renaming/reassigning need the right to
 * change the opportunity; the sub-project's manager may record status, hours and consumables.
 */
export async function saveOpportunitySubProject(
  db: Db,
  actor: StaffActor,
  id: number,
  input: SubProjectInput,
  meta: AuditMeta = {},
): Promise<Result<"managerId" | "endDate">> {
  if (input.startDate && input.endDate && input.endDate < input.startDate)
    return invalid<"endDate">({ endDate: ["opportunities.error.endBeforeStart"] });
  if (input.managerId !== null) {
    const manager = await db.staff.count({ where: { id: input.managerId, status: { not: "inactive" } } });
    if (manager === 0) return invalid<"managerId">({ managerId: ["opportunities.error.member"] });
  }
  const found = await findForChange(db, actor, id, { id: true });
  const progress = {
    status: input.status,
    actualHours: input.actualHours,
    consumables: input.consumables,
    consumablesCost: input.consumablesCost ?? "0",
  };
  const plan = { name: input.name, managerId: input.managerId, startDate: input.startDate, endDate: input.endDate };
  if (found.kind === "ok") {
    if (input.rowId === null)
      await db.opportunitySubProject.create({ data: { opportunityId: id, ...plan, ...progress } });
    else {
      const { count } = await db.opportunitySubProject.updateMany({
        where: { id: input.rowId, opportunityId: id },
        data: { ...plan, ...progress },
      });
      if (count === 0) return notFound();
    }
  } else {
    // Not theirs to change: only a project manager recording progress on their own sub-project.
    const browse = opportunityScopeWhere(actor, "browse");
    if (input.rowId === null || !browse) return refusal(found.kind);
    const { count } = await db.opportunitySubProject.updateMany({
      where: { id: input.rowId, managerId: actor.staffId, opportunity: { AND: [browse, { id }] } },
      data: progress,
    });
    if (count === 0) return refusal(found.kind);
  }
  await audited(db, actor, id, "opportunity.subProjectSaved", { ...plan, ...progress, rowId: input.rowId }, meta);
  return ok();
}
