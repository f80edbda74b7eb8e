import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { Action } from "#app/modules/auth/permissions.ts";
import { findForChangeIn, salesOwnerScope } from "#app/modules/crm/access/sales-scope.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// Which quotes an actor may see or change, as a `where` fragment every query that lists quotes or
// loads one by id includes (decision 026 pattern). Quotes are sales documents: they follow the
// "opportunities" grants and the quote's owner (own / owner's team and sub-teams / all), the same
// rule as opportunities (decision 038), so a salesperson sees the quotes of the deals they see.

export function quoteScopeWhere(actor: StaffActor, action: Action): Prisma.QuoteWhereInput | null {
  return salesOwnerScope(actor, action);
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
  const found = await findForChangeIn(
    id,
    (action) => quoteScopeWhere(actor, action),
    (where) => db.quote.findFirst({ where, select }),
    (where) => db.quote.count({ where }),
  );
  return found.kind === "ok" ? { kind: "ok", quote: found.row } : found;
}
