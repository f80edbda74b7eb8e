import { scopeFor, teamScopeIds, type Action } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// The one rule for sales records (opportunities, quotes, contracts, proposals, orders): the
// opportunities module's grant over the record's owner decides (decisions 038, 045, 046) — own =
// owned; team = also owned by someone in the actor's team and sub-teams; all = every one. Each record
// type's scope function returns this fragment, typed as its own where-input.

/** Structural where-input every owned sales record accepts. */
export interface OwnedSalesWhere {
  OR?: Array<{ ownerId: number } | { owner: { teamId: { in: number[] } } }>;
}

/** The owner condition for `action`, `{}` for "all", or null when the actor has no grant. */
export function salesOwnerScope(actor: StaffActor, action: Action): OwnedSalesWhere | null {
  const scope = scopeFor(actor, "opportunities", action);
  if (scope === null) return null;
  if (scope === "all") return {};
  const OR: NonNullable<OwnedSalesWhere["OR"]> = [{ ownerId: actor.staffId }];
  const teams = teamScopeIds(actor);
  if (scope === "team" && teams.length > 0) OR.push({ owner: { teamId: { in: teams } } });
  return { OR };
}

export type Found<T> = { kind: "ok"; row: T } | { kind: "not-found" } | { kind: "forbidden" };

/**
 * A record by an id from the request, for a change, with the scope in the query: found under the
 * modify scope (ok), only under the browse scope (forbidden), or not at all (not-found — which does not
 * confirm the id exists).
 */
export async function findForChangeIn<W, T>(
  id: number,
  scopeOf: (action: "modify" | "browse") => W | null,
  find: (where: { AND: Array<W | { id: number }> }) => PromiseLike<T | null>,
  count: (where: { AND: Array<W | { id: number }> }) => PromiseLike<number>,
): Promise<Found<T>> {
  const modify = scopeOf("modify");
  const row = modify ? await find({ AND: [modify, { id }] }) : null;
  if (row) return { kind: "ok", row };
  const browse = scopeOf("browse");
  const visible = browse ? await count({ AND: [browse, { id }] }) : 0;
  return visible > 0 ? { kind: "forbidden" } : { kind: "not-found" };
}
