import type { Prisma } from "#app/generated/prisma/client.ts";
import { normaliseMoney, parseDay } from "#app/lib/schemas.ts";
import type { OpportunityFilters } from "./opportunity-list-query.ts";
import { textWhere, type TextMatch } from "./opportunity-text-search.server.ts";
import { atStageWhere, inMethodWhere, type MethodView } from "./sales-stages.server.ts";

// The list's and board's filters as one Prisma where (scope is added by the callers). The text `q`
// arrives resolved to ids (opportunityTextMatch, decision 057): no substring scan over the table.

export function filterWhere(
  f: OpportunityFilters,
  method: MethodView,
  defaultMethodId: number,
  options: { withStage: boolean; text: TextMatch | null },
): Prisma.OpportunityWhereInput[] {
  const where: Prisma.OpportunityWhereInput[] = [inMethodWhere(method.id, defaultMethodId)];
  if (f.owner) where.push({ ownerId: f.owner });
  if (f.team) where.push({ teamId: f.team });
  if (f.company) where.push({ companyId: f.company });
  if (f.campaign) where.push({ campaignId: f.campaign });
  const from = f.closeFrom ? parseDay(f.closeFrom) : null;
  const to = f.closeTo ? parseDay(f.closeTo) : null;
  if (from || to) where.push({ expectedCloseDate: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } });
  const min = f.amountMin ? normaliseMoney(f.amountMin) : null;
  const max = f.amountMax ? normaliseMoney(f.amountMax) : null;
  if (min || max) where.push({ amount: { ...(min ? { gte: min } : {}), ...(max ? { lte: max } : {}) } });
  // A text the caller did not resolve matches nothing rather than everything.
  if (options.text) where.push(textWhere(options.text));
  else if (f.q?.trim()) where.push({ id: -1 });
  if (options.withStage && f.stage) {
    const stage = method.stages.find((s) => s.id === f.stage);
    // A stage of another method matches nothing (rather than silently everything).
    where.push(stage ? atStageWhere(stage, defaultMethodId) : { id: -1 });
  }
  return where;
}
