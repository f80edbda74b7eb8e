import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { pageWindow } from "#app/lib/page-window.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";
import { scopeFor, teamScopeIds } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { countCappedBy } from "#app/modules/views/count-capped.server.ts";
import { filterWhere } from "./opportunity-filters.server.ts";
import type { OpportunityFilters, OpportunitySortKey } from "./opportunity-list-query.ts";
import { fromFen, toFen } from "./opportunity-money.ts";
import { opportunityScopeWhere } from "./opportunity-scope.server.ts";
import { currentStage, defaultSalesMethod, salesMethodOrDefault, type StageView } from "./sales-stages.server.ts";

// 机会 list: the actor's browse scope, the shared filters, an allow-listed sort, a page, and the
// totals over the whole filter result (count, amount, won, open, weighted forecast).

export const OPPORTUNITY_PAGE_SIZE = 25;

function orderOf(sort: { key: OpportunitySortKey; dir: "asc" | "desc" } | undefined) {
  const dir = sort?.dir ?? "desc";
  const orders: Record<OpportunitySortKey, Prisma.OpportunityOrderByWithRelationInput> = {
    updated: { updatedAt: dir },
    name: { name: dir },
    amount: { amount: dir },
    probability: { probability: dir },
    close: { expectedCloseDate: { sort: dir, nulls: "last" } },
    stage: { stage: dir },
    owner: { owner: { name: dir } },
    team: { team: { name: dir } },
    company: { company: { name: dir } },
  };
  return [orders[sort?.key ?? "updated"], { id: dir }];
}

export interface OpportunityTotals {
  amount: string;
  won: string;
  open: string;
  /** Σ amount × probability over open opportunities. */
  weighted: string;
}

const ZERO_TOTALS: OpportunityTotals = { amount: "0.00", won: "0.00", open: "0.00", weighted: "0.00" };

/** Totals from (stage, probability) groups: at most 6 × 101 rows whatever the row count. */
export async function totalsOf(db: DbOrTx, where: Prisma.OpportunityWhereInput): Promise<OpportunityTotals> {
  const groups = await db.opportunity.groupBy({ by: ["stage", "probability"], where, _sum: { amount: true } });
  let [amount, won, open, weighted] = [0n, 0n, 0n, 0n];
  for (const g of groups) {
    const sum = toFen(g._sum.amount?.toFixed(2) ?? "0") ?? 0n;
    amount += sum;
    if (g.stage === "won") won += sum;
    else if (g.stage !== "lost") {
      open += sum;
      weighted += sum * BigInt(g.probability);
    }
  }
  return {
    amount: fromFen(amount),
    won: fromFen(won),
    open: fromFen(open),
    weighted: fromFen((weighted + 50n) / 100n),
  };
}

export async function listOpportunities(
  db: DbOrTx,
  actor: StaffActor,
  options: {
    filters?: OpportunityFilters;
    sort?: { key: OpportunitySortKey; dir: "asc" | "desc" };
    page?: number;
    take?: number;
  } = {},
) {
  const take = options.take ?? OPPORTUNITY_PAGE_SIZE;
  const scope = opportunityScopeWhere(actor, "browse");
  const fallback = await defaultSalesMethod(db);
  const method = options.filters?.method ? await salesMethodOrDefault(db, options.filters.method) : fallback;
  if (!scope)
    return { items: [], total: { count: 0, capped: false }, page: 1, pageCount: 1, totals: ZERO_TOTALS, method };
  const where: Prisma.OpportunityWhereInput = {
    AND: [scope, ...filterWhere(options.filters ?? {}, method, fallback.id, { withStage: true })],
  };
  const total = await countCappedBy((cap) => db.opportunity.count({ where, take: cap }));
  const { page, pageCount, ...window } = pageWindow(total.count, options.page ?? 1, take);
  const [rows, totals] = await Promise.all([
    db.opportunity.findMany({
      where,
      orderBy: orderOf(options.sort),
      ...window,
      select: {
        id: true,
        number: true,
        name: true,
        stage: true,
        stageId: true,
        amount: true,
        probability: true,
        expectedCloseDate: true,
        updatedAt: true,
        owner: selectIdAndName,
        team: selectIdAndName,
        company: selectIdAndName,
        campaign: selectIdAndName,
      },
    }),
    totalsOf(db, where),
  ]);
  const byId = new Map<number, StageView>(method.stages.map((s) => [s.id, s]));
  return {
    items: rows.map((r) => ({ ...r, amount: r.amount.toFixed(2), salesStage: currentStage(r, fallback, byId) })),
    total,
    page,
    pageCount,
    totals,
    method,
  };
}

/** Owners the actor may filter by (team/all browse scopes); none for own scope. */
export async function opportunityOwnerOptions(db: DbOrTx, actor: StaffActor) {
  const scope = scopeFor(actor, "opportunities", "browse");
  if (scope === "all") return db.staff.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  if (scope === "team" && teamScopeIds(actor).length > 0) {
    return db.staff.findMany({
      where: { teamId: { in: teamScopeIds(actor) } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
  }
  return [];
}
