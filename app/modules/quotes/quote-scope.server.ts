import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor, teamScopeIds, type Action } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// Which quotes an actor may see or change, as a `where` fragment every query that lists quotes or
// loads one by id includes (decision 026 pattern). Quotes are sales documents: they follow the
// "opportunities" grants and the quote's owner (own / owner's team and sub-teams / all), the same
// rule as opportunities (decision 038), so a salesperson sees the quotes of the deals they see.

export function quoteScopeWhere(actor: StaffActor, action: Action): Prisma.QuoteWhereInput | null {
  const scope = scopeFor(actor, "opportunities", action);
  if (scope === null) return null;
  if (scope === "all") return {};
  const OR: Prisma.QuoteWhereInput[] = [{ ownerId: actor.staffId }];
  const teams = teamScopeIds(actor);
  if (scope === "team" && teams.length > 0) OR.push({ owner: { teamId: { in: teams } } });
  return { OR };
}

/** `where` for one quote within scope, or null when the actor has no grant at all. */
export function scopedQuoteWhere(actor: StaffActor, action: Action, id: number): Prisma.QuoteWhereInput | null {
  const scope = quoteScopeWhere(actor, action);
  return scope ? { AND: [scope, { id }] } : null;
}

/** The quote for a change, or why not: invisible (not-found) or visible but read-only (forbidden). */
export async function findQuoteForChange<S extends Prisma.QuoteSelect>(
  db: DbOrTx,
  actor: StaffActor,
  id: number,
  select: S,
): Promise<
  { kind: "ok"; quote: Prisma.QuoteGetPayload<{ select: S }> } | { kind: "not-found" } | { kind: "forbidden" }
> {
  const modify = scopedQuoteWhere(actor, "modify", id);
  const quote = modify ? await db.quote.findFirst({ where: modify, select }) : null;
  if (quote) return { kind: "ok", quote };
  const browse = scopedQuoteWhere(actor, "browse", id);
  const visible = browse ? await db.quote.count({ where: browse }) : 0;
  return visible > 0 ? { kind: "forbidden" } : { kind: "not-found" };
}
