import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { filterWhere } from "./opportunity-filters.server.ts";
import type { OpportunityFilters } from "./opportunity-list-query.ts";
import { opportunityScopeWhere } from "./opportunity-scope.server.ts";
import type { OpportunityTotals } from "./opportunity-list.server.ts";
import { fromFen, toFen } from "./opportunity-money.ts";
import {
  atStageWhere,
  currentStage,
  defaultSalesMethod,
  salesMethodOrDefault,
  type StageView,
} from "./sales-stages.server.ts";

// The kanban (/crm/opportunities/board): one column per stage of the chosen sales method, each with
// its count, amount and weighted sum over the whole filter result and its most recently changed
// cards (a bounded number per column, so the board costs the same at 200k opportunities).

export const BOARD_CARDS_PER_COLUMN = 30;

const cardSelect = {
  id: true,
  number: true,
  name: true,
  amount: true,
  probability: true,
  expectedCloseDate: true,
  updatedAt: true,
  owner: selectIdAndName,
  company: selectIdAndName,
} satisfies Prisma.OpportunitySelect;

export interface BoardColumn {
  stage: StageView;
  count: number;
  totals: OpportunityTotals;
  cards: Array<
    Omit<Prisma.OpportunityGetPayload<{ select: typeof cardSelect }>, "amount" | "updatedAt"> & {
      amount: string;
      version: string;
    }
  >;
}

export async function loadOpportunityBoard(
  db: DbOrTx,
  actor: StaffActor,
  filters: OpportunityFilters = {},
  take: number = BOARD_CARDS_PER_COLUMN,
) {
  const fallback = await defaultSalesMethod(db);
  const method = filters.method ? await salesMethodOrDefault(db, filters.method) : fallback;
  const scope = opportunityScopeWhere(actor, "browse");
  const empty = { amount: "0.00", won: "0.00", open: "0.00", weighted: "0.00" };
  if (!scope) return { method, columns: method.stages.map((stage) => ({ stage, count: 0, totals: empty, cards: [] })) };
  const base = [scope, ...filterWhere(filters, method, fallback.id, { withStage: false })];
  // One grouped scan for every column's count and sums; then each column's newest cards.
  const byId = new Map(method.stages.map((s) => [s.id, s]));
  const groups = await db.opportunity.groupBy({
    by: ["stageId", "stage", "probability"],
    where: { AND: base },
    _sum: { amount: true },
    _count: { _all: true },
  });
  const sums = new Map<number, { count: number; amount: bigint; weighted: bigint }>();
  for (const g of groups) {
    const stage = currentStage(g, fallback, byId);
    if (!stage) continue;
    const acc = sums.get(stage.id) ?? { count: 0, amount: 0n, weighted: 0n };
    const fen = toFen(g._sum.amount?.toFixed(2) ?? "0") ?? 0n;
    acc.count += g._count._all;
    acc.amount += fen;
    acc.weighted += fen * BigInt(g.probability);
    sums.set(stage.id, acc);
  }
  const columns: BoardColumn[] = await Promise.all(
    method.stages.map(async (stage) => {
      const acc = sums.get(stage.id) ?? { count: 0, amount: 0n, weighted: 0n };
      const amount = fromFen(acc.amount);
      const totals: OpportunityTotals = {
        amount,
        won: stage.kind === "won" ? amount : "0.00",
        open: stage.kind === "open" ? amount : "0.00",
        weighted: stage.kind === "open" ? fromFen((acc.weighted + 50n) / 100n) : "0.00",
      };
      const rows =
        acc.count === 0
          ? []
          : await db.opportunity.findMany({
              where: { AND: [...base, atStageWhere(stage, fallback.id)] },
              select: cardSelect,
              orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
              take,
            });
      const cards = rows.map(({ updatedAt, ...r }) => ({
        ...r,
        amount: r.amount.toFixed(2),
        version: updatedAt.toISOString(),
      }));
      return { stage, count: acc.count, totals, cards };
    }),
  );
  return { method, columns };
}
