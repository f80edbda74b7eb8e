import { Prisma, type OpportunityStage } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { normaliseMoney, parseDay } from "#app/lib/schemas.ts";
import { scopeFor, teamScopeIds } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { COUNT_CAP } from "#app/modules/views/count-capped.server.ts";
import type { OpportunityFilters } from "./opportunity-list-query.ts";
import { textSql, type TextMatch } from "./opportunity-text-search.server.ts";
import { fenOf, type StageGroup } from "./opportunity-totals.server.ts";
import type { MethodView } from "./sales-stages.server.ts";

// Counts and sums of a FILTERED view (text, company, campaign, close or amount range) in one
// statement that reads at most COUNT_CAP + 1 matching rows (decision 052): the same conditions as
// opportunityScopeWhere + filterWhere, written as SQL because Prisma's capped count adds
// `ORDER BY id` to its subquery, which made MariaDB walk the primary key order through the
// deletedAt index (202,528 rows for a rep's close-date range at 200k) instead of the filter's own
// index. The two spellings are kept equal by opportunity-totals.test.ts (random filters, both ways).

/** The scope and filters as SQL over `Opportunity o`, or null when the actor sees nothing. */
export function filterSql(
  actor: StaffActor,
  f: OpportunityFilters,
  method: MethodView,
  defaultMethodId: number,
  options: { withStage: boolean; text: TextMatch | null },
): Prisma.Sql | null {
  const scope = scopeFor(actor, "opportunities", "browse");
  if (scope === null) return null;
  const conds: Prisma.Sql[] = [Prisma.sql`o.deletedAt IS NULL`];
  const teams = teamScopeIds(actor);
  if (scope === "own" || (scope === "team" && teams.length === 0)) conds.push(Prisma.sql`o.ownerId = ${actor.staffId}`);
  else if (scope === "team") {
    conds.push(
      Prisma.sql`(o.ownerId = ${actor.staffId} OR o.ownerId IN (SELECT id FROM \`Staff\` WHERE teamId IN (${Prisma.join(teams)})))`,
    );
  }
  conds.push(
    method.id === defaultMethodId
      ? Prisma.sql`(o.salesMethodId = ${method.id} OR o.salesMethodId IS NULL)`
      : Prisma.sql`o.salesMethodId = ${method.id}`,
  );
  if (f.owner) conds.push(Prisma.sql`o.ownerId = ${f.owner}`);
  if (f.team) conds.push(Prisma.sql`o.teamId = ${f.team}`);
  if (f.company) conds.push(Prisma.sql`o.companyId = ${f.company}`);
  if (f.campaign) conds.push(Prisma.sql`o.campaignId = ${f.campaign}`);
  const from = f.closeFrom ? parseDay(f.closeFrom) : null;
  const to = f.closeTo ? parseDay(f.closeTo) : null;
  if (from) conds.push(Prisma.sql`o.expectedCloseDate >= ${from.toISOString().slice(0, 10)}`);
  if (to) conds.push(Prisma.sql`o.expectedCloseDate <= ${to.toISOString().slice(0, 10)}`);
  const min = f.amountMin ? normaliseMoney(f.amountMin) : null;
  const max = f.amountMax ? normaliseMoney(f.amountMax) : null;
  if (min) conds.push(Prisma.sql`o.amount >= CAST(${min} AS DECIMAL(16, 2))`);
  if (max) conds.push(Prisma.sql`o.amount <= CAST(${max} AS DECIMAL(16, 2))`);
  if (options.text) conds.push(textSql(options.text));
  else if (f.q?.trim()) conds.push(Prisma.sql`1 = 0`);
  if (options.withStage && f.stage) {
    const stage = method.stages.find((s) => s.id === f.stage);
    if (!stage) conds.push(Prisma.sql`1 = 0`);
    else if (stage.methodId !== defaultMethodId) conds.push(Prisma.sql`o.stageId = ${stage.id}`);
    else conds.push(Prisma.sql`(o.stageId = ${stage.id} OR (o.stageId IS NULL AND o.stage = ${stage.legacyStage}))`);
  }
  return Prisma.join(conds, " AND ");
}

/**
 * (stage, probability) groups of the first COUNT_CAP + 1 matching rows, in one statement. When more
 * rows match than the cap, `capped` is true and the groups are partial (callers show no totals).
 */
export async function cappedGroups(
  db: DbOrTx,
  where: Prisma.Sql,
  cap: number = COUNT_CAP,
): Promise<{ groups: StageGroup[]; count: number; capped: boolean }> {
  const rows = await db.$queryRaw<
    Array<{ stageId: number | null; stage: OpportunityStage; probability: number; n: unknown; amount: unknown }>
  >`
    SELECT stageId, stage, probability, COUNT(*) AS n, SUM(amount) AS amount FROM (
      SELECT o.stageId, o.stage, o.probability, o.amount FROM \`Opportunity\` o WHERE ${where} LIMIT ${cap + 1}
    ) AS t GROUP BY stageId, stage, probability`;
  const groups = rows.map((r) => ({
    stageId: r.stageId === null ? null : Number(r.stageId),
    stage: r.stage,
    probability: Number(r.probability),
    count: Number(r.n),
    amountFen: fenOf(r.amount),
  }));
  const count = groups.reduce((s, g) => s + g.count, 0);
  return count > cap ? { groups: [], count: cap, capped: true } : { groups, count, capped: false };
}
