import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { pageWindow } from "#app/lib/page-window.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";
import { scopeFor, teamScopeIds } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import type { SearchEngine } from "#search/engine.ts";
import { cappedGroups, filterSql } from "./opportunity-filter-sql.server.ts";
import { filterWhere } from "./opportunity-filters.server.ts";
import type { OpportunityFilters, OpportunitySortKey } from "./opportunity-list-query.ts";
import { opportunityScopeWhere } from "./opportunity-scope.server.ts";
import { opportunityTextMatch } from "./opportunity-text-search.server.ts";
import { summaryGroups, totalsFromSummary, totalsOfGroups, ZERO_TOTALS } from "./opportunity-totals.server.ts";
import { currentStage, defaultSalesMethod, salesMethodOrDefault, type StageView } from "./sales-stages.server.ts";

// 机会 list: the actor's browse scope, the shared filters, an allow-listed sort, a page, and the
// totals over the whole filter result (count, amount, won, open, weighted forecast). Scope-level
// views (method, stage, owner, team) read the maintained totals: exact at any size. Other filters
// count the rows up to COUNT_CAP and add the amounts only below it (`totals: null` above). The text
// `q` is resolved to ids by the search index first (decision 057); when the index had more matches
// than it hands over, the total reads "N+" and the page shows no totals.

export type { OpportunityTotals } from "./opportunity-totals.server.ts";

export const OPPORTUNITY_PAGE_SIZE = 25;

function orderOf(sort: { key: OpportunitySortKey; dir: "asc" | "desc" } | undefined) {
  const dir = sort?.dir ?? "desc";
  const orders: Record<OpportunitySortKey, Prisma.OpportunityOrderByWithRelationInput> = {
    updated: { updatedAt: dir },
    name: { name: dir },
    amount: { amount: dir },
    probability: { probability: dir },
    // Nulls last, by pageRows: `ORDER BY expectedCloseDate IS NULL, …` cannot read an index in order.
    close: { expectedCloseDate: dir },
    stage: { stage: dir },
    owner: { owner: { name: dir } },
    team: { team: { name: dir } },
    company: { company: { name: dir } },
  };
  return [orders[sort?.key ?? "updated"], { id: dir }];
}

const rowSelect = {
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
} satisfies Prisma.OpportunitySelect;

/**
 * One page of rows. By close date, opportunities without one come last in both directions: the dated
 * rows are read in index order, then (on the page where they run out) the undated ones by id.
 */
async function pageRows(
  db: DbOrTx,
  where: Prisma.OpportunityWhereInput,
  sort: { key: OpportunitySortKey; dir: "asc" | "desc" } | undefined,
  window: { skip: number; take: number },
) {
  if (sort?.key !== "close")
    return db.opportunity.findMany({ where, orderBy: orderOf(sort), ...window, select: rowSelect });
  const datedWhere = { AND: [where, { expectedCloseDate: { not: null } }] };
  const dated = await db.opportunity.findMany({
    where: datedWhere,
    orderBy: orderOf(sort),
    ...window,
    select: rowSelect,
  });
  if (dated.length === window.take) return dated;
  // Past the last dated row: how many there are is known from this page unless it came back empty.
  const datedCount = dated.length > 0 ? window.skip + dated.length : await db.opportunity.count({ where: datedWhere });
  const undated = await db.opportunity.findMany({
    where: { AND: [where, { expectedCloseDate: null }] },
    orderBy: { id: sort.dir },
    skip: Math.max(0, window.skip - datedCount),
    take: window.take - dated.length,
    select: rowSelect,
  });
  return [...dated, ...undated];
}

/**
 * The ids a text search leaves in the view (scope and filters applied in the query), read by primary
 * key. Sorting the page over `deletedAt IS NULL AND id IN (…)` let MariaDB walk the
 * (deletedAt, updatedAt) index in order and test each row against the list: 10,842 rows and 40 ms for
 * a 500-match text at 200k. The page then sorts these ≤ ~1,000 rows by themselves.
 */
async function idsInView(db: DbOrTx, viewSql: Prisma.Sql): Promise<number[]> {
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    SELECT o.id FROM \`Opportunity\` o FORCE INDEX (PRIMARY) WHERE ${viewSql}`;
  return rows.map((r) => Number(r.id));
}

export async function listOpportunities(
  db: DbOrTx,
  actor: StaffActor,
  options: {
    filters?: OpportunityFilters;
    sort?: { key: OpportunitySortKey; dir: "asc" | "desc" };
    page?: number;
    take?: number;
    /** The search engine for `q` (tests); the app's engine otherwise. */
    engine?: SearchEngine;
  } = {},
) {
  const take = options.take ?? OPPORTUNITY_PAGE_SIZE;
  const scope = opportunityScopeWhere(actor, "browse");
  const fallback = await defaultSalesMethod(db);
  const method = options.filters?.method ? await salesMethodOrDefault(db, options.filters.method) : fallback;
  if (!scope)
    return { items: [], total: { count: 0, capped: false }, page: 1, pageCount: 1, totals: ZERO_TOTALS, method };
  const filters = options.filters ?? {};
  const text = await opportunityTextMatch(db, actor, filters, { engine: options.engine });
  const where: Prisma.OpportunityWhereInput = {
    AND: [scope, ...filterWhere(filters, method, fallback.id, { withStage: true, text })],
  };
  const byId = new Map<number, StageView>(method.stages.map((s) => [s.id, s]));
  const summed = totalsFromSummary(filters)
    ? totalsOfGroups(
        (await summaryGroups(db, actor, filters, method, fallback.id)).filter(
          (g) => !filters.stage || currentStage(g, fallback, byId)?.id === filters.stage,
        ),
      )
    : null;
  // Non-null: `scope` is (opportunityScopeWhere and filterSql read the same browse scope).
  const viewSql = filterSql(actor, filters, method, fallback.id, { withStage: true, text })!;
  const counted = summed ? null : await cappedGroups(db, viewSql);
  // More text matches than the index handed over: the count is a lower bound, like a capped one.
  const partial = counted !== null && (counted.capped || text?.truncated === true);
  const total = summed ? { count: summed.count, capped: false } : { count: counted!.count, capped: partial };
  const { page, pageCount, ...window } = pageWindow(total.count, options.page ?? 1, take);
  const pageWhere = text ? { id: { in: await idsInView(db, viewSql) } } : where;
  const [rows, totals] = await Promise.all([
    pageRows(db, pageWhere, options.sort, window),
    summed ? summed.totals : partial ? null : totalsOfGroups(counted!.groups).totals,
  ]);
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
