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

export const ACTIONS = ["browse", "add", "modify", "delete", "transfer", "export"] as const;
export type Action = (typeof ACTIONS)[number];

export const SCOPES = ["own", "team", "all"] as const;
export type Scope = (typeof SCOPES)[number];

export type Grants = Partial<Record<Module, Partial<Record<Action, Scope>>>>;

export interface PermissionSubject {
  isAdmin: boolean;
  grants: Grants;
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

/** The data scope for module × action, or null when not allowed at all. Admins see everything. */
export function scopeFor(subject: PermissionSubject, module: Module, action: Action): Scope | null {
  if (subject.isAdmin) return "all";
  return subject.grants[module]?.[action] ?? null;
}

export function can(subject: PermissionSubject, module: Module, action: Action): boolean {
  return scopeFor(subject, module, action) !== null;
}

/** Is a record owned by `ownerId` (in team `ownerTeamId`) within the subject's scope? */
export function inScope(
  scope: Scope | null,
  viewer: { id: number; teamId: number | null },
  record: { ownerId: number | null; ownerTeamId: number | null },
): boolean {
  if (scope === "all") return true;
  if (scope === "team") return viewer.teamId !== null && record.ownerTeamId === viewer.teamId;
  if (scope === "own") return record.ownerId === viewer.id;
  return false;
}
