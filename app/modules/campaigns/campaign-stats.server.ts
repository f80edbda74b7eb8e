import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor, type Scope } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { progressPercent } from "#app/modules/crm/sales-constants.ts";
import { ownerIdsInScope } from "./campaign-access.server.ts";

// Campaign actuals (实际销售额 / 线索数 / 费用 / 工作量), computed from linked records on every read,
// never stored, so they cannot drift from the records they summarise (decision 015).
//
// Permission-scoped (seed §2.F, L280-284): a actor gets the totals over what they may see.
//   leads         — the campaign's leads in the actor's leads × browse scope, plus leads distributed
//                   to the actor (not recalled);
//   won sales     — won opportunities of the campaign in the actor's opportunities × browse scope,
//                   plus opportunities converted from a lead the actor may see (derived resources);
//   cost, workload — the campaign's own expense and work-log rows: whoever may see the campaign sees them.
// Only a actor with scope "all" on both leads and opportunities gets the full picture.

export interface CampaignActuals {
  /** Won amount, decimal string with two places. */
  wonAmount: string;
  wonCount: number;
  openOpportunityCount: number;
  /** Every stage, lost included: how many opportunities the numbers cover. */
  opportunityCount: number;
  leadCount: number;
  convertedLeadCount: number;
  cost: string;
  workload: string;
}

export interface StatsScope {
  /** True when the actor sees every lead and opportunity: the totals are the whole campaign. */
  full: boolean;
  leadScope: Scope | null;
  opportunityScope: Scope | null;
}

export function statsScope(actor: StaffActor): StatsScope {
  const full =
    actor.isAdmin ||
    (scopeFor(actor, "leads", "browse") === "all" && scopeFor(actor, "opportunities", "browse") === "all");
  return {
    full,
    leadScope: scopeFor(actor, "leads", "browse"),
    opportunityScope: scopeFor(actor, "opportunities", "browse"),
  };
}

/** Leads the actor may count (any campaign). `null` = no restriction. */
export async function visibleLeadsWhere(db: DbOrTx, actor: StaffActor): Promise<Prisma.LeadWhereInput | null> {
  if (actor.isAdmin || scopeFor(actor, "leads", "browse") === "all") return null;
  const owners = await ownerIdsInScope(db, scopeFor(actor, "leads", "browse"), actor);
  const or: Prisma.LeadWhereInput[] = [{ assignments: { some: { staffId: actor.staffId, recalledAt: null } } }];
  if (owners && owners.length > 0) or.push({ ownerId: { in: owners } });
  return { OR: or };
}

/** Opportunities the actor may count. `null` = no restriction. */
export async function visibleOpportunitiesWhere(
  db: DbOrTx,
  actor: StaffActor,
): Promise<Prisma.OpportunityWhereInput | null> {
  if (actor.isAdmin || scopeFor(actor, "opportunities", "browse") === "all") return null;
  const leads = await visibleLeadsWhere(db, actor);
  // Leads scope "all": every converted opportunity is a derived resource of a visible lead.
  const or: Prisma.OpportunityWhereInput[] = [leads === null ? { leadId: { not: null } } : { lead: leads }];
  const owners = await ownerIdsInScope(db, scopeFor(actor, "opportunities", "browse"), actor);
  if (owners && owners.length > 0) or.push({ ownerId: { in: owners } });
  return { OR: or };
}

const ZERO = "0.00";

function money(value: Prisma.Decimal | null | undefined): string {
  return value ? value.toFixed(2) : ZERO;
}

/** Actuals of several campaigns at once (the list page): five grouped queries, whatever the count. */
export async function campaignActuals(
  db: DbOrTx,
  actor: StaffActor,
  campaignIds: number[],
): Promise<Map<number, CampaignActuals>> {
  const result = new Map<number, CampaignActuals>();
  if (campaignIds.length === 0) return result;
  for (const id of campaignIds) {
    result.set(id, {
      wonAmount: ZERO,
      wonCount: 0,
      openOpportunityCount: 0,
      opportunityCount: 0,
      leadCount: 0,
      convertedLeadCount: 0,
      cost: ZERO,
      workload: ZERO,
    });
  }
  const [leadWhere, oppWhere] = await Promise.all([visibleLeadsWhere(db, actor), visibleOpportunitiesWhere(db, actor)]);
  const leadScoped = (extra: Prisma.LeadWhereInput): Prisma.LeadWhereInput => ({
    AND: [{ campaignId: { in: campaignIds } }, extra, ...(leadWhere ? [leadWhere] : [])],
  });
  const oppScoped: Prisma.OpportunityWhereInput = {
    AND: [{ campaignId: { in: campaignIds } }, ...(oppWhere ? [oppWhere] : [])],
  };

  const [leads, converted, opps, expenses, work] = await Promise.all([
    db.lead.groupBy({ by: ["campaignId"], where: leadScoped({}), _count: { _all: true } }),
    db.lead.groupBy({ by: ["campaignId"], where: leadScoped({ convertedAt: { not: null } }), _count: { _all: true } }),
    db.opportunity.groupBy({
      by: ["campaignId", "stage"],
      where: oppScoped,
      _count: { _all: true },
      _sum: { amount: true },
    }),
    db.campaignExpense.groupBy({
      by: ["campaignId"],
      where: { campaignId: { in: campaignIds } },
      _sum: { amount: true },
    }),
    db.campaignWorkLog.groupBy({
      by: ["campaignId"],
      where: { campaignId: { in: campaignIds } },
      _sum: { hours: true },
    }),
  ]);
  for (const row of leads) if (row.campaignId) result.get(row.campaignId)!.leadCount = row._count._all;
  for (const row of converted) if (row.campaignId) result.get(row.campaignId)!.convertedLeadCount = row._count._all;
  for (const row of opps) {
    if (!row.campaignId) continue;
    const a = result.get(row.campaignId)!;
    a.opportunityCount += row._count._all;
    if (row.stage === "won") {
      a.wonAmount = money(row._sum.amount);
      a.wonCount = row._count._all;
    } else if (row.stage !== "lost") {
      a.openOpportunityCount += row._count._all;
    }
  }
  for (const row of expenses) result.get(row.campaignId)!.cost = money(row._sum.amount);
  for (const row of work) result.get(row.campaignId)!.workload = money(row._sum.hours);
  return result;
}

export async function campaignActualsFor(db: DbOrTx, actor: StaffActor, campaignId: number) {
  const map = await campaignActuals(db, actor, [campaignId]);
  return map.get(campaignId)!;
}

export { progressPercent };
