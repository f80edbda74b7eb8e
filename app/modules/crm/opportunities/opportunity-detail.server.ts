import type { DbOrTx } from "#app/lib/db.server.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { listNotes } from "#app/modules/notes/notes.server.ts";
import type { RecordWidgetAccess } from "#app/modules/notes/record-widget-actions.server.ts";
import { listTasks } from "#app/modules/tasks/tasks.server.ts";
import { findForChange, opportunityScopeWhere } from "./opportunity-scope.server.ts";
import { currentStage, salesMethodOrDefault } from "./sales-stages.server.ts";

// One opportunity as its tab routes show it (scope in the query: null when not visible), and what
// the notes/tasks widgets may do on it.

const stageName = { select: { id: true, nameZh: true, nameEn: true } } as const;

export async function getOpportunityRecord(db: DbOrTx, actor: StaffActor, id: number) {
  const browse = opportunityScopeWhere(actor, "browse");
  if (!browse) return null;
  const opp = await db.opportunity.findFirst({
    where: { AND: [browse, { id }] },
    include: {
      owner: { select: { id: true, name: true, teamId: true } },
      team: selectIdAndName,
      company: { select: { id: true, number: true, name: true, city: true } },
      contact: { select: { id: true, number: true, fullName: true, mobile: true, phone: true, email: true } },
      lead: { select: { id: true, number: true } },
      campaign: selectIdAndName,
      _count: { select: { items: true } },
    },
  });
  if (!opp) return null;
  const modify = opportunityScopeWhere(actor, "modify");
  const canModify = modify ? (await db.opportunity.count({ where: { AND: [modify, { id }] } })) > 0 : false;
  const method = await salesMethodOrDefault(db, opp.salesMethodId);
  const stage = currentStage(opp, method, new Map(method.stages.map((s) => [s.id, s])));
  return {
    canModify,
    method,
    stage,
    opportunity: {
      ...opp,
      amount: opp.amount.toFixed(2),
      forecastValue: opp.forecastValue?.toFixed(2) ?? null,
      version: opp.updatedAt.toISOString(),
    },
  };
}

export type OpportunityRecord = NonNullable<Awaited<ReturnType<typeof getOpportunityRecord>>>;

/** Line items with their stored totals, in entry order. */
export async function listOpportunityItems(db: DbOrTx, opportunityId: number) {
  const rows = await db.opportunityItem.findMany({ where: { opportunityId }, orderBy: { id: "asc" } });
  return rows.map((i) => ({
    ...i,
    unitPrice: i.unitPrice.toFixed(2),
    discountPercent: i.discountPercent.toFixed(2),
    lineTotal: i.lineTotal.toFixed(2),
  }));
}

export async function listOpportunityTeam(db: DbOrTx, opportunityId: number) {
  return db.opportunityMember.findMany({
    where: { opportunityId },
    select: { id: true, role: true, createdAt: true, staff: selectIdAndName },
    orderBy: { id: "asc" },
  });
}

export async function listOpportunityCompetitors(db: DbOrTx, opportunityId: number) {
  return db.opportunityCompetitor.findMany({ where: { opportunityId }, orderBy: { id: "asc" } });
}

export async function listOpportunitySubProjects(db: DbOrTx, opportunityId: number) {
  const rows = await db.opportunitySubProject.findMany({
    where: { opportunityId },
    include: { manager: selectIdAndName },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({
    ...r,
    actualHours: r.actualHours.toFixed(2),
    consumablesCost: r.consumablesCost.toFixed(2),
  }));
}

export async function listOpportunityHistory(db: DbOrTx, opportunityId: number) {
  return db.opportunityStageChange.findMany({
    where: { opportunityId },
    select: {
      id: true,
      probability: true,
      changedAt: true,
      fromStage: stageName,
      toStage: stageName,
      changedBy: selectIdAndName,
    },
    orderBy: [{ changedAt: "desc" }, { id: "desc" }],
    take: 200,
  });
}

export async function listOpportunityWork(db: DbOrTx, opportunityId: number) {
  const [notes, tasks] = await Promise.all([listNotes(db, { opportunityId }), listTasks(db, { opportunityId })]);
  return { notes, tasks };
}

/**
 * What the notes and tasks widgets may do on this opportunity (scope applied in the query): null when
 * it is not visible (404); `canWrite` for whoever may change it; tasks go to its owner by default.
 */
export async function opportunityWorkAccess(
  db: DbOrTx,
  actor: StaffActor,
  opportunityId: number,
): Promise<RecordWidgetAccess | null> {
  const found = await findForChange(db, actor, opportunityId, { ownerId: true });
  if (found.kind === "not-found") return null;
  return {
    target: { opportunityId },
    canWrite: found.kind === "ok",
    defaultAssigneeId: found.kind === "ok" ? found.opp.ownerId : undefined,
  };
}

/** Whether the actor sees the opportunity (null: 404) and may change it: what every tab loader checks first. */
export async function opportunityTabAccess(
  db: DbOrTx,
  actor: StaffActor,
  id: number,
): Promise<{ canModify: boolean } | null> {
  const found = await findForChange(db, actor, id, { id: true });
  return found.kind === "not-found" ? null : { canModify: found.kind === "ok" };
}
