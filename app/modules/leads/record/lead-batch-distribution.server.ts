import type { Tx } from "#app/lib/db.server.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import {
  planLeadDistribution,
  planLeadRecall,
  type DistributionStep,
  type LeadRecallPlan,
  type PlanFlags,
} from "../distribution/distribution-plan.ts";
import { leadWho, type ChunkLead } from "./lead-batch-transfer.server.ts";

// Distribution (by rules or by hand) and recall of a batch chunk in set-based statements (decision
// 058): the chunk's leads are already locked (lockChunkLeads); one read of their assignment rows,
// every lead's changes decided in memory by the same plan the single-lead primitives follow
// (distribution-plan.ts), then a handful of multi-row writes — assignments created / restored /
// re-righted, statuses, one history row per changed step, the bell notifications — instead of about
// fifteen statements per lead. Everything happens in the chunk's transaction, so a killed chunk
// leaves nothing behind and its items stay pending.

/** Ids grouped by an equal value (e.g. the same rights and rule), one UPDATE per group. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const flagsKey = (f: PlanFlags) => `${+f.canEditNeed}${+f.canEditContact}${+f.canEditCompany}${+f.canEditStatus}`;

/**
 * Distributes the given (locked, permitted) leads, each by its own steps (one per applied rule, or
 * the batch's people by hand). Returns the ids of the leads that changed.
 */
export async function distributeChunkTx(
  tx: Tx,
  leads: readonly ChunkLead[],
  stepsOf: (lead: ChunkLead) => readonly DistributionStep[],
  actorStaffId: number,
  batchId: number,
): Promise<Set<number>> {
  const planned = leads.map((lead) => ({ lead, steps: stepsOf(lead) })).filter((p) => p.steps.length > 0);
  if (planned.length === 0) return new Set();
  const staffIds = [...new Set(planned.flatMap((p) => p.steps.flatMap((s) => s.assignees.map((a) => a.staffId))))];
  const existing = await tx.leadAssignment.findMany({
    where: { leadId: { in: planned.map((p) => p.lead.id) }, staffId: { in: staffIds } },
    select: {
      id: true,
      leadId: true,
      staffId: true,
      canEditNeed: true,
      canEditContact: true,
      canEditCompany: true,
      canEditStatus: true,
      recalledAt: true,
    },
  });
  const rowsOf = groupBy(existing, (a) => String(a.leadId));
  const plans = planned.map(({ lead, steps }) => ({
    lead,
    plan: planLeadDistribution(lead, rowsOf.get(String(lead.id)) ?? [], steps, batchId),
  }));
  const changed = plans.filter((p) => p.plan.changed);
  if (changed.length === 0) return new Set();

  const now = new Date();
  const writes = changed.flatMap(({ lead, plan }) => plan.writes.map((w) => ({ leadId: lead.id, ...w })));
  const creates = writes.filter((w) => w.kind === "create");
  if (creates.length > 0) {
    await tx.leadAssignment.createMany({
      data: creates.map((w) => ({
        leadId: w.leadId,
        staffId: w.staffId,
        ...w.flags,
        ruleId: w.ruleId,
        assignedById: actorStaffId,
        assignedAt: now,
      })),
    });
  }
  // Restores and rights changes: one UPDATE per distinct (rights, rule), a handful per chunk.
  const restores = writes.filter((w) => w.kind === "restore");
  for (const group of groupBy(restores, (w) => `${flagsKey(w.flags)}:${w.ruleId}`).values()) {
    await tx.leadAssignment.updateMany({
      where: { id: { in: group.map((w) => w.id) } },
      data: {
        ...group[0]!.flags,
        ruleId: group[0]!.ruleId,
        assignedById: actorStaffId,
        assignedAt: now,
        recalledAt: null,
      },
    });
  }
  const rights = writes.filter((w) => w.kind === "rights");
  for (const group of groupBy(rights, (w) => flagsKey(w.flags)).values()) {
    await tx.leadAssignment.updateMany({ where: { id: { in: group.map((w) => w.id) } }, data: group[0]!.flags });
  }
  const toAssigned = changed.filter((p) => p.plan.toAssigned).map((p) => p.lead.id);
  if (toAssigned.length > 0) {
    await tx.lead.updateMany({ where: { id: { in: toAssigned } }, data: { status: "assigned" } });
  }
  await tx.leadEvent.createMany({
    data: changed.flatMap(({ lead, plan }) =>
      plan.events.map((detail) => ({
        leadId: lead.id,
        type: "distributed",
        actorType: "staff",
        actorId: actorStaffId,
        detail: { ...detail, assignees: detail.assignees.map((a) => ({ ...a })) },
      })),
    ),
  });
  await notifyDistributed(tx, changed);
  return new Set(changed.map((p) => p.lead.id));
}

/** The bell for everyone added or restored, in each person's language (as tellStaff does per lead). */
async function notifyDistributed(tx: Tx, changed: ReadonlyArray<{ lead: ChunkLead; plan: { notify: number[] } }>) {
  const told = [...new Set(changed.flatMap((p) => p.plan.notify))];
  if (told.length === 0) return;
  const staff = await tx.staff.findMany({ where: { id: { in: told } }, select: { id: true, locale: true } });
  const translate = new Map(
    staff.map((s) => [s.id, createTranslator(isLocale(s.locale) ? s.locale : DEFAULT_LOCALE)] as const),
  );
  const data = changed.flatMap(({ lead, plan }) =>
    plan.notify.flatMap((staffId) => {
      const t = translate.get(staffId);
      if (!t) return [];
      const title = t("leadWork.notify.distributed", { number: lead.number, who: leadWho(lead) });
      return [{ staffId, type: "lead.distributed", title: title.slice(0, 200), link: `/crm/leads/${lead.id}` }];
    }),
  );
  if (data.length > 0) await tx.notification.createMany({ data });
}

/** Recalls the given (locked, permitted) leads from some or all of their assignees. Returns the leads that changed. */
export async function recallChunkTx(
  tx: Tx,
  leads: readonly ChunkLead[],
  fromStaffIds: readonly number[] | "all",
  actorStaffId: number,
  batchId: number,
): Promise<Set<number>> {
  if (leads.length === 0 || (fromStaffIds !== "all" && fromStaffIds.length === 0)) return new Set();
  // Every active row of these leads: whether anybody stays decides "back to new".
  const active = await tx.leadAssignment.findMany({
    where: { leadId: { in: leads.map((l) => l.id) }, recalledAt: null },
    select: { id: true, leadId: true, staffId: true },
  });
  const activeOf = groupBy(active, (a) => String(a.leadId));
  const plans: Array<{ lead: ChunkLead; plan: LeadRecallPlan }> = [];
  for (const lead of leads) {
    const plan = planLeadRecall(lead, activeOf.get(String(lead.id)) ?? [], fromStaffIds, batchId);
    if (plan) plans.push({ lead, plan });
  }
  if (plans.length === 0) return new Set();

  await tx.leadAssignment.updateMany({
    where: { id: { in: plans.flatMap((p) => p.plan.assignmentIds) } },
    data: { recalledAt: new Date() },
  });
  const leadChanges = groupBy(
    plans.filter((p) => p.plan.clearClaim || p.plan.backToNew),
    (p) => `${+p.plan.clearClaim}${+p.plan.backToNew}`,
  );
  for (const group of leadChanges.values()) {
    const { clearClaim, backToNew } = group[0]!.plan;
    await tx.lead.updateMany({
      where: { id: { in: group.map((p) => p.lead.id) } },
      data: {
        ...(clearClaim ? { claimedById: null, claimedAt: null } : {}),
        ...(backToNew ? { status: "new" as const } : {}),
      },
    });
  }
  await tx.leadEvent.createMany({
    data: plans.map(({ lead, plan }) => ({
      leadId: lead.id,
      type: "recalled",
      actorType: "staff",
      actorId: actorStaffId,
      detail: { ...plan.detail },
    })),
  });
  return new Set(plans.map((p) => p.lead.id));
}
