import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";
import { staffOptionRows } from "#app/modules/admin/staff-options.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import type { SearchEngine } from "#search/engine.ts";
import { cappedGroups, filterSql } from "./opportunity-filter-sql.server.ts";
import { filterWhere } from "./opportunity-filters.server.ts";
import type { OpportunityFilters } from "./opportunity-list-query.ts";
import { opportunityScopeWhere } from "./opportunity-scope.server.ts";
import { opportunityTextMatch } from "./opportunity-text-search.server.ts";
import { fromFen } from "./opportunity-money.ts";
import { summaryGroups, sumsByStage, totalsFromSummary, type OpportunityTotals } from "./opportunity-totals.server.ts";
import { atStageWhere, defaultSalesMethod, salesMethodOrDefault, type StageView } from "./sales-stages.server.ts";

// The kanban (/crm/opportunities/board): one column per stage of the chosen sales method, each with
// its count, amount and weighted sum over the whole filter result and its most recently changed
// cards (a bounded number per column, so the board costs the same at 200k opportunities). Column
// totals come from the maintained totals (decision 052) unless a text/range/company/campaign filter
// is set; then the rows are counted up to COUNT_CAP and, above it, columns show no totals (null).

// 15 cards a column: a screen and a half of cards; the column's "还有 N 个" link opens the filtered
// list. Each card is a draggable with its own move form, so the card count is the board's render
// cost (30 cards: ~60 ms of server CPU per page; bench/opportunity-pages.ts, decision 052).
export const BOARD_CARDS_PER_COLUMN = 15;

// Scalars only: each relation Prisma includes is a query of its own per column (8 columns → 24
// queries); owners come from the cached staff directory and companies from one lookup (decision 048).
const cardSelect = {
  id: true,
  number: true,
  name: true,
  amount: true,
  probability: true,
  expectedCloseDate: true,
  updatedAt: true,
  ownerId: true,
  companyId: true,
} satisfies Prisma.OpportunitySelect;

type CardRow = Prisma.OpportunityGetPayload<{ select: typeof cardSelect }>;
type IdAndName = { id: number; name: string };

export interface BoardColumn {
  stage: StageView;
  /** null: a filter matched more than COUNT_CAP opportunities, so the column has no totals. */
  count: number | null;
  totals: OpportunityTotals | null;
  cards: Array<
    Omit<CardRow, "amount" | "updatedAt" | "ownerId" | "companyId"> & {
      amount: string;
      version: string;
      owner: IdAndName;
      company: IdAndName | null;
    }
  >;
}

export async function loadOpportunityBoard(
  db: DbOrTx,
  actor: StaffActor,
  filters: OpportunityFilters = {},
  take: number = BOARD_CARDS_PER_COLUMN,
  engine?: SearchEngine,
) {
  const fallback = await defaultSalesMethod(db);
  const method = filters.method ? await salesMethodOrDefault(db, filters.method) : fallback;
  const scope = opportunityScopeWhere(actor, "browse");
  const empty = { amount: "0.00", won: "0.00", open: "0.00", weighted: "0.00" };
  if (!scope) return { method, columns: method.stages.map((stage) => ({ stage, count: 0, totals: empty, cards: [] })) };
  const text = await opportunityTextMatch(db, actor, filters, { engine });
  const base = [scope, ...filterWhere(filters, method, fallback.id, { withStage: false, text })];
  const byId = new Map(method.stages.map((s) => [s.id, s]));
  // Count and sums per column: the maintained totals, or (other filters) the rows below the cap.
  let sums: ReturnType<typeof sumsByStage> | null;
  if (totalsFromSummary(filters))
    sums = sumsByStage(await summaryGroups(db, actor, filters, method, fallback.id), fallback, byId);
  else {
    const capped = await cappedGroups(db, filterSql(actor, filters, method, fallback.id, { withStage: false, text })!);
    // A text with more matches than the index hands over: the columns' totals would be partial.
    sums = capped.capped || text?.truncated ? null : sumsByStage(capped.groups, fallback, byId);
  }
  const perStage = await Promise.all(
    method.stages.map(async (stage) => {
      const acc = sums ? (sums.get(stage.id) ?? { count: 0, amount: 0n, weighted: 0n }) : null;
      const rows =
        acc?.count === 0
          ? []
          : await db.opportunity.findMany({
              where: { AND: [...base, atStageWhere(stage, fallback.id)] },
              select: cardSelect,
              orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
              take,
            });
      return { stage, acc, rows };
    }),
  );
  const rows = perStage.flatMap((c) => c.rows);
  const [staff, companies] = await Promise.all([
    staffOptionRows(db),
    rows.some((r) => r.companyId !== null)
      ? db.company.findMany({
          where: { id: { in: [...new Set(rows.flatMap((r) => (r.companyId === null ? [] : [r.companyId])))] } },
          select: selectIdAndName.select,
        })
      : [],
  ]);
  const staffById = new Map(staff.map((s) => [s.id, { id: s.id, name: s.name }]));
  const companyById = new Map(companies.map((c) => [c.id, c]));
  const columns: BoardColumn[] = perStage.map(({ stage, acc, rows: stageRows }) => {
    const amount = acc ? fromFen(acc.amount) : "0.00";
    const totals: OpportunityTotals | null = acc && {
      amount,
      won: stage.kind === "won" ? amount : "0.00",
      open: stage.kind === "open" ? amount : "0.00",
      weighted: stage.kind === "open" ? fromFen((acc.weighted + 50n) / 100n) : "0.00",
    };
    const cards = stageRows.map(({ updatedAt, ownerId, companyId, ...r }) => ({
      ...r,
      amount: r.amount.toFixed(2),
      version: updatedAt.toISOString(),
      owner: staffById.get(ownerId) ?? { id: ownerId, name: "" },
      company: companyId === null ? null : (companyById.get(companyId) ?? null),
    }));
    return { stage, count: acc?.count ?? null, totals, cards };
  });
  return { method, columns };
}
