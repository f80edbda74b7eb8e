// Back-office modules and what a role may do in each. Shared by server guards and the navigation
// (which hides modules the user cannot browse), so it holds no server-only code.

export const MODULES = [
  "leads",
  "campaigns",
  "companies",
  "contacts",
  "opportunities",
  "service",
  "knowledge",
  "forum",
  "members",
  "catalog",
  "reports",
  "admin",
] as const;
export type Module = (typeof MODULES)[number];

export const ACTIONS = ["browse", "add", "modify", "delete", "transfer", "export", "approve", "recycle"] as const;
export type Action = (typeof ACTIONS)[number];

export const SCOPES = ["own", "team", "all"] as const;
export type Scope = (typeof SCOPES)[number];

export type Grants = Partial<Record<Module, Partial<Record<Action, Scope>>>>;

/**
 * 权限冲突策略 (seed §2.P.5): when administrative permissions (role grants) and business permissions
 * (lead distribution, campaign participation) disagree, which one decides (decision 031).
 */
export const CONFLICT_STRATEGIES = ["administrative", "business", "either", "both"] as const;
export type ConflictStrategy = (typeof CONFLICT_STRATEGIES)[number];
/** What a module without a chosen strategy uses: either source is enough, as before #16. */
export const DEFAULT_CONFLICT_STRATEGY: ConflictStrategy = "either";
/** The modules where business grants exist, so a strategy means something. */
export const CONFLICT_MODULES = ["leads", "campaigns"] as const satisfies readonly Module[];
export type ConflictModule = (typeof CONFLICT_MODULES)[number];
export type ConflictStrategies = Partial<Record<Module, ConflictStrategy>>;

export interface PermissionSubject {
  isAdmin: boolean;
  grants: Grants;
  /** Conflict strategy per module, loaded with the grants; absent means the default. */
  conflicts?: ConflictStrategies;
}

export function isConflictStrategy(value: unknown): value is ConflictStrategy {
  return typeof value === "string" && (CONFLICT_STRATEGIES as readonly string[]).includes(value);
}

/** The strategy the subject's request runs under for `module`. */
export function conflictStrategyFor(subject: PermissionSubject, module: Module): ConflictStrategy {
  return subject.conflicts?.[module] ?? DEFAULT_CONFLICT_STRATEGY;
}

/**
 * The one decision between an administrative and a business permission. Call it only where a business
 * grant exists (an assignment, a participation): without one the administrative side decides alone.
 */
export function resolveConflict(strategy: ConflictStrategy, adminAllows: boolean, businessAllows: boolean): boolean {
  switch (strategy) {
    case "administrative":
      return adminAllows;
    case "business":
      return businessAllows;
    case "either":
      return adminAllows || businessAllows;
    case "both":
      return adminAllows && businessAllows;
  }
}

const SCOPE_RANK: Record<Scope, number> = { own: 0, team: 1, all: 2 };

export function isModule(value: string): value is Module {
  return (MODULES as readonly string[]).includes(value);
}

/** Folds role grants together: a staff member with two roles gets the wider scope of each pair. */
export function mergeGrants(list: Array<{ module: string; action: Action; scope: Scope }>): Grants {
  const grants: Grants = {};
  for (const g of list) {
    if (!isModule(g.module)) continue;
    const forModule = (grants[g.module] ??= {});
    const current = forModule[g.action];
    if (current === undefined || SCOPE_RANK[g.scope] > SCOPE_RANK[current]) forModule[g.action] = g.scope;
  }
  return grants;
}

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

export interface PermissionOverride {
  module: string;
  action: Action;
  /** null denies the action whatever the roles say. */
  scope: Scope | null;
}

/**
 * Applies per-user overrides on top of the merged role grants: an override's scope replaces the
 * roles' (wider or narrower), a null scope removes the grant. Returns a new object.
 */
export function applyOverrides(grants: Grants, overrides: readonly PermissionOverride[]): Grants {
  const result: Grants = {};
  for (const [module, actions] of Object.entries(grants)) result[module as Module] = { ...actions };
  for (const o of overrides) {
    if (!isModule(o.module)) continue;
    const forModule = (result[o.module] ??= {});
    if (o.scope === null) delete forModule[o.action];
    else forModule[o.action] = o.scope;
    if (Object.keys(forModule).length === 0) delete result[o.module];
  }
  return result;
}

/** The data scope for module × action, or null when not allowed at all. Admins see everything. */
export function scopeFor(subject: PermissionSubject, module: Module, action: Action): Scope | null {
  if (subject.isAdmin) return "all";
  return subject.grants[module]?.[action] ?? null;
}

export function can(subject: PermissionSubject, module: Module, action: Action): boolean {
  return scopeFor(subject, module, action) !== null;
}

/** Who a "team" scope is evaluated for: the own team, and (from the principal load) its sub-teams. */
export interface TeamViewer {
  teamId: number | null;
  teamIds?: readonly number[];
}

/**
 * The teams "team" scope covers: the viewer's team and every team below it in the hierarchy (a
 * manager of 销售一部 sees its sub-teams). The one place the meaning of "team" is decided; query
 * builders use it as `{ teamId: { in: teamScopeIds(actor) } }`.
 */
export function teamScopeIds(viewer: TeamViewer): number[] {
  if (viewer.teamIds && viewer.teamIds.length > 0) return [...viewer.teamIds];
  return viewer.teamId === null ? [] : [viewer.teamId];
}

/** Is a record owned by `ownerId` (in team `ownerTeamId`) within the subject's scope? */
export function inScope(
  scope: Scope | null,
  viewer: { id: number } & TeamViewer,
  record: { ownerId: number | null; ownerTeamId: number | null },
): boolean {
  if (scope === "all") return true;
  if (scope === "team") return record.ownerTeamId !== null && teamScopeIds(viewer).includes(record.ownerTeamId);
  if (scope === "own") return record.ownerId === viewer.id;
  return false;
}
