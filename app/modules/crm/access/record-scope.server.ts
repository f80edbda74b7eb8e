import type { DbOrTx } from "#app/lib/db.server.ts";
import type { Action, Scope } from "#app/modules/auth/permissions.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// The one way to ask "which companies / contacts may this actor see or change" (decision 026): the
// answer is a Prisma `where` fragment that every query loading such a record by id or listing them
// includes, so scope is applied in the query itself and a route cannot forget it. Records in the
// recycle bin are outside every scope except the bin's own queries.

export type ScopedEntity = "company" | "contact";

const MODULE_OF = { company: "companies", contact: "contacts" } as const;

/** Structural where-input both Company and Contact accept. */
export interface OwnedRecordWhere {
  deletedAt: null;
  OR?: Array<{ ownerId?: number; owner?: { teamId: { in: number[] } }; id?: { in: number[] } }>;
}

/** Teams whose records a "team" scope reaches: the actor's own team and, when known, its sub-teams. */
export function teamReach(actor: StaffActor): number[] {
  const fromHierarchy = (actor as StaffActor & { teamIds?: number[] }).teamIds;
  if (fromHierarchy && fromHierarchy.length > 0) return fromHierarchy;
  return actor.teamId === null ? [] : [actor.teamId];
}

/** Ids of records shared with the actor directly or with one of their teams (record sharing). */
export async function sharedRecordIds(
  db: DbOrTx,
  actor: StaffActor,
  entityType: ScopedEntity,
  options: { forEdit?: boolean } = {},
): Promise<number[]> {
  const teams = teamReach(actor);
  const rows = await db.recordShare.findMany({
    where: {
      entityType,
      ...(options.forEdit ? { canEdit: true } : {}),
      OR: [{ staffId: actor.staffId }, ...(teams.length > 0 ? [{ teamId: { in: teams } }] : [])],
    },
    select: { recordId: true },
    take: 5000,
  });
  return rows.map((r) => r.recordId);
}

/**
 * The where fragment for `action` on companies or contacts, or null when the actor has no grant at
 * all. Browse also reaches records shared with the actor; modify reaches those shared for editing.
 */
export async function recordScopeWhere(
  db: DbOrTx,
  actor: StaffActor,
  entity: ScopedEntity,
  action: Action,
): Promise<OwnedRecordWhere | null> {
  const scope: Scope | null = scopeFor(actor, MODULE_OF[entity], action);
  if (scope === null) return null;
  if (scope === "all") return { deletedAt: null };
  const shareAction = action === "browse" || action === "modify";
  const shared = shareAction ? await sharedRecordIds(db, actor, entity, { forEdit: action === "modify" }) : [];
  const teams = teamReach(actor);
  const OR: NonNullable<OwnedRecordWhere["OR"]> = [{ ownerId: actor.staffId }];
  if (scope === "team" && teams.length > 0) OR.push({ owner: { teamId: { in: teams } } });
  if (shared.length > 0) OR.push({ id: { in: shared } });
  return { deletedAt: null, OR };
}

/**
 * The same scope as `recordScopeWhere`, split into the branches a list at scale needs (decision 054):
 * `all`, or the owners it reaches (team reach resolved to staff ids, so the database reads
 * `ownerId IN (…)` on an index instead of joining Staff) and the ids shared with the actor. A list
 * reads each branch on its own index and merges them: an OR of the two defeats the sort index.
 */
export type RecordScopeBranches = { all: true } | { all: false; ownerIds: number[]; sharedIds: number[] };

export async function recordScopeBranches(
  db: DbOrTx,
  actor: StaffActor,
  entity: ScopedEntity,
  action: Action,
): Promise<RecordScopeBranches | null> {
  const scope: Scope | null = scopeFor(actor, MODULE_OF[entity], action);
  if (scope === null) return null;
  if (scope === "all") return { all: true };
  const shareAction = action === "browse" || action === "modify";
  const teams = teamReach(actor);
  const [sharedIds, mates] = await Promise.all([
    shareAction ? sharedRecordIds(db, actor, entity, { forEdit: action === "modify" }) : [],
    scope === "team" && teams.length > 0
      ? db.staff.findMany({ where: { teamId: { in: teams } }, select: { id: true } })
      : [],
  ]);
  const ownerIds = [...new Set([actor.staffId, ...mates.map((s) => s.id)])].sort((a, b) => a - b);
  return { all: false, ownerIds, sharedIds };
}
