import { Prisma, type OpportunityStage } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor, teamScopeIds } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import type { OpportunityFilters } from "./opportunity-list-query.ts";
import { fromFen, toFen } from "./opportunity-money.ts";
import { currentStage, type MethodView, type StageView } from "./sales-stages.server.ts";

// Opportunity totals that cost the same at any row count (decision 052). Triggers on `Opportunity`
// append signed rows to OpportunityTotalDelta in the writer's own transaction (every code path, raw
// SQL included); `foldOpportunityTotals` (worker housekeeping) moves them into OpportunityTotal.
// A reader adds summary and pending deltas in ONE statement, so it sees one consistent snapshot
// whether or not a fold ran meanwhile. The keys are the scope (owner; the owner's team is joined at
// read time, so moving staff between teams needs no rewrite) and the filters the board and list
// offer without a free-text or range part: team, sales method, stage. 0 stands for NULL in a key.

export interface OpportunityTotals {
  amount: string;
  won: string;
  open: string;
  /** Σ amount × probability over open opportunities. */
  weighted: string;
}

export const ZERO_TOTALS: OpportunityTotals = { amount: "0.00", won: "0.00", open: "0.00", weighted: "0.00" };

/** One (stage, probability) group: count and amount in fen. */
export interface StageGroup {
  stageId: number | null;
  stage: OpportunityStage;
  probability: number;
  count: number;
  amountFen: bigint;
}

/** Filters the maintained totals answer; anything else (text, company, campaign, ranges) counts rows. */
export function totalsFromSummary(f: OpportunityFilters): boolean {
  return !f.q?.trim() && !f.company && !f.campaign && !f.closeFrom && !f.closeTo && !f.amountMin && !f.amountMax;
}

/** The scope as a condition on the owner key, or null when the actor sees nothing. */
function scopeCondition(actor: StaffActor): Prisma.Sql | null {
  const scope = scopeFor(actor, "opportunities", "browse");
  if (scope === null) return null;
  if (scope === "all") return Prisma.sql`1 = 1`;
  const teams = teamScopeIds(actor);
  if (scope === "team" && teams.length > 0) {
    return Prisma.sql`(ownerId = ${actor.staffId} OR ownerId IN (SELECT id FROM \`Staff\` WHERE teamId IN (${Prisma.join(teams)})))`;
  }
  return Prisma.sql`ownerId = ${actor.staffId}`;
}

/**
 * Count and amount per (stage, probability) for the actor's browse scope and the key filters
 * (method, owner, team), from the summary plus pending deltas. The stage filter is the caller's
 * (it maps groups to configurable stages). At most a few hundred rows are read.
 */
export async function summaryGroups(
  db: DbOrTx,
  actor: StaffActor,
  f: OpportunityFilters,
  method: MethodView,
  defaultMethodId: number,
): Promise<StageGroup[]> {
  const scope = scopeCondition(actor);
  if (!scope) return [];
  const conds = [scope];
  conds.push(
    method.id === defaultMethodId
      ? Prisma.sql`salesMethodId IN (${method.id}, 0)`
      : Prisma.sql`salesMethodId = ${method.id}`,
  );
  if (f.owner) conds.push(Prisma.sql`ownerId = ${f.owner}`);
  if (f.team) conds.push(Prisma.sql`teamId = ${f.team}`);
  const where = Prisma.join(conds, " AND ");
  const rows = await db.$queryRaw<
    Array<{ stageId: number; stage: OpportunityStage; probability: number; n: unknown; amount: unknown }>
  >`
    SELECT stageId, stage, probability, SUM(n) AS n, SUM(amount) AS amount FROM (
      SELECT stageId, stage, probability, opportunities AS n, amount FROM \`OpportunityTotal\` WHERE ${where}
      UNION ALL
      SELECT stageId, stage, probability, opportunities AS n, amount FROM \`OpportunityTotalDelta\` WHERE ${where}
    ) AS t GROUP BY stageId, stage, probability`;
  return rows
    .map((r) => ({
      stageId: Number(r.stageId) === 0 ? null : Number(r.stageId),
      stage: r.stage,
      probability: Number(r.probability),
      count: Number(r.n),
      amountFen: fenOf(r.amount),
    }))
    .filter((g) => g.count !== 0);
}

/** A SUM(DECIMAL) as the driver hands it back (string, number or Decimal) in fen; throws on garbage. */
export function fenOf(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  const fen = toFen(typeof value === "number" ? value.toFixed(2) : String(value));
  if (fen === null) throw new Error(`opportunity totals: not an amount: ${String(value)}`);
  return fen;
}

/** Per configurable stage: count, amount and Σ amount × probability (in fen × 100). */
export function sumsByStage(groups: readonly StageGroup[], fallback: MethodView, byId: ReadonlyMap<number, StageView>) {
  const sums = new Map<number, { count: number; amount: bigint; weighted: bigint }>();
  for (const g of groups) {
    const stage = currentStage(g, fallback, byId);
    if (!stage) continue;
    const acc = sums.get(stage.id) ?? { count: 0, amount: 0n, weighted: 0n };
    acc.count += g.count;
    acc.amount += g.amountFen;
    acc.weighted += g.amountFen * BigInt(g.probability);
    sums.set(stage.id, acc);
  }
  return sums;
}

/** Count and the list's totals (amount, won, open, weighted forecast) of some groups. */
export function totalsOfGroups(groups: readonly StageGroup[]): { count: number; totals: OpportunityTotals } {
  let [count, amount, won, open, weighted] = [0, 0n, 0n, 0n, 0n];
  for (const g of groups) {
    count += g.count;
    amount += g.amountFen;
    if (g.stage === "won") won += g.amountFen;
    else if (g.stage !== "lost") {
      open += g.amountFen;
      weighted += g.amountFen * BigInt(g.probability);
    }
  }
  return {
    count,
    totals: {
      amount: fromFen(amount),
      won: fromFen(won),
      open: fromFen(open),
      weighted: fromFen((weighted + 50n) / 100n),
    },
  };
}

export const FOLD_BATCH = 5_000;

/**
 * Moves pending deltas into the summary (worker housekeeping; safe on many instances: a named lock
 * lets one fold at a time, the others skip). The locking read waits for writers whose delta rows are
 * not committed yet, and exactly the rows read are summed and deleted, in one transaction, so a
 * reader's single statement sees either the deltas or their sum, never both or neither.
 * Returns the number of delta rows folded.
 */
export async function foldOpportunityTotals(db: Db, batch: number = FOLD_BATCH): Promise<number> {
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<
      Array<{ got: unknown }>
    >`SELECT GET_LOCK('relay.opportunity-totals.fold', 0) AS got`;
    if (Number(lock?.got) !== 1) return 0;
    try {
      const ids = await tx.$queryRaw<Array<{ id: bigint }>>`
        SELECT id FROM \`OpportunityTotalDelta\` ORDER BY id LIMIT ${batch} FOR UPDATE`;
      if (ids.length === 0) return 0;
      const first = ids[0]!.id;
      const last = ids[ids.length - 1]!.id;
      await tx.$executeRaw`
        INSERT INTO \`OpportunityTotal\` (ownerId, teamId, salesMethodId, stageId, stage, probability, opportunities, amount)
        SELECT ownerId, teamId, salesMethodId, stageId, stage, probability, SUM(opportunities), SUM(amount)
        FROM \`OpportunityTotalDelta\` WHERE id BETWEEN ${first} AND ${last}
        GROUP BY ownerId, teamId, salesMethodId, stageId, stage, probability
        ON DUPLICATE KEY UPDATE opportunities = opportunities + VALUES(opportunities), amount = amount + VALUES(amount)`;
      await tx.$executeRaw`DELETE FROM \`OpportunityTotalDelta\` WHERE id BETWEEN ${first} AND ${last}`;
      // Keys whose opportunities all moved away: keep the summary as small as the live key set.
      await tx.$executeRaw`DELETE FROM \`OpportunityTotal\` WHERE opportunities = 0 AND amount = 0`;
      return ids.length;
    } finally {
      await tx.$queryRaw`SELECT RELEASE_LOCK('relay.opportunity-totals.fold')`;
    }
  });
}

/** Folds until no delta is left (bounded); for the worker after bursts and for tests. */
export async function foldAllOpportunityTotals(db: Db, maxBatches = 100): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = await foldOpportunityTotals(db);
    total += n;
    if (n < FOLD_BATCH) break;
  }
  return total;
}
