import type { StaffStatus } from "#app/generated/prisma/enums.ts";
import type { Action, Grants, Module, PermissionSubject } from "./permissions.ts";

/**
 * The one shape of "the signed-in staff member" that every back-office service takes (decision 023).
 * Plain data, so it can cross into a service, a job payload or a test without a session behind it;
 * rights are derived from it with `scopeFor` / `can` in permissions.ts.
 */
export interface StaffActor extends PermissionSubject {
  staffId: number;
  teamId: number | null;
  /** The actor's team and every team below it (own first): what "team" scope covers. */
  teamIds: number[];
  teamName: string | null;
  name: string;
  email: string;
  status: StaffStatus;
  roleNames: string[];
  isAdmin: boolean;
  grants: Grants;
  sessionId: string;
}

/** What a route requires before its loader or action body runs. */
export type StaffPolicy =
  /** Any signed-in staff member (dashboard, notifications, own profile, global search). */
  | "signedIn"
  /** A role grants `action` on `module` (any scope). */
  | { module: Module; action: Action }
  /** At least one of these grants. */
  | { anyOf: ReadonlyArray<{ module: Module; action: Action }> }
  /** A named rule that needs more than one grant (e.g. rules management). */
  | { name: string; allows: (actor: StaffActor) => boolean };

export function policyName(policy: StaffPolicy): string {
  if (policy === "signedIn") return "signedIn";
  if ("module" in policy) return `${policy.module}.${policy.action}`;
  if ("anyOf" in policy) return policy.anyOf.map((p) => `${p.module}.${p.action}`).join("|");
  return policy.name;
}

/** A minimal actor for tests and jobs that act as a known staff member. */
export function staffActorFor(
  staff: { id: number; teamId: number | null; name?: string; email?: string },
  access: { isAdmin?: boolean; grants?: Grants; teamIds?: number[] } = {},
): StaffActor {
  return {
    staffId: staff.id,
    teamId: staff.teamId,
    teamIds: access.teamIds ?? (staff.teamId === null ? [] : [staff.teamId]),
    teamName: null,
    name: staff.name ?? "",
    email: staff.email ?? "",
    status: "active",
    roleNames: [],
    isAdmin: access.isAdmin ?? false,
    grants: access.grants ?? {},
    sessionId: "",
  };
}
