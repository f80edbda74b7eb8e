import type { MessageKey, TranslateVars } from "#app/lib/i18n/translate.ts";
import { scopeFor, type PermissionSubject } from "#app/modules/auth/permissions.ts";
import type { StaffActor, StaffPolicy } from "#app/modules/auth/staff-actor.ts";

// Shared by the 营销规则 services (registration categories, token groups, channel keys): who may change
// them, who is acting, and the shape of a refusal the back office can show field by field.

/** Marketing rules decide who receives every web lead, so only company-wide lead managers edit them. */
export function canManageRules(subject: PermissionSubject): boolean {
  return scopeFor(subject, "leads", "modify") === "all";
}

/** The route policy of every 营销规则 loader and action (decision 023). */
export const RULES_MANAGER: StaffPolicy = { name: "leads.rulesManager", allows: canManageRules };

/** Thrown by a service when called for someone the routes should already have refused. */
export class RulesForbiddenError extends Error {
  constructor() {
    super("Marketing rules need leads:modify with scope all");
    this.name = "RulesForbiddenError";
  }
}

export function assertCanManageRules(actor: StaffActor): void {
  if (!canManageRules(actor)) throw new RulesForbiddenError();
}

export interface RuleError {
  key: MessageKey;
  vars?: TranslateVars;
}

export type FieldErrors<F extends string = string> = Partial<Record<F, RuleError>>;

export type RulesResult<T extends object = object, F extends string = string> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors<F>; formError?: RuleError };

export function invalid<F extends string>(
  fieldErrors: FieldErrors<F>,
  formError?: RuleError,
): { ok: false; reason: "invalid"; fieldErrors: FieldErrors<F>; formError?: RuleError } {
  return { ok: false, reason: "invalid", fieldErrors, formError };
}

export const NOT_FOUND = { ok: false, reason: "not-found" } as const;

/** A duplicate-key error from the database (a concurrent insert won the unique index). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** First zod issue per top-level field, as a message key of the `rules` / shared validation areas. */
export function zodFieldErrors<F extends string>(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field !== "string" || field in errors) continue;
    errors[field as F] = { key: issue.message as MessageKey };
  }
  return errors;
}
