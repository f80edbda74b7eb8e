import { scopeFor, type Module, type PermissionSubject, type Scope } from "#app/modules/auth/permissions.ts";

// Who may open the recycle bin (回收站) of a module, restore from it and purge it (seed §2.P.8: only
// managers with a special permission). The one place this is decided: a role's `recycle` grant
// decides when the roles matrix gives one; until a role has it, `delete` with scope `all` (and admins)
// stands in, so existing manager roles keep working.

export type BinEntity = "company" | "contact" | "lead" | "opportunity";
export const BIN_ENTITIES = ["company", "contact", "lead", "opportunity"] as const satisfies readonly BinEntity[];

export const BIN_MODULE: Record<BinEntity, Module> = {
  company: "companies",
  contact: "contacts",
  lead: "leads",
  opportunity: "opportunities",
};

export function isBinEntity(value: unknown): value is BinEntity {
  return typeof value === "string" && (BIN_ENTITIES as readonly string[]).includes(value);
}

/** The bin scope for a module, or null: whose binned records the actor may see, restore and purge. */
export function recycleBinScope(actor: PermissionSubject, module: Module): Scope | null {
  const recycle = scopeFor(actor, module, "recycle");
  if (recycle !== null) return recycle;
  return scopeFor(actor, module, "delete") === "all" ? "all" : null;
}

export function mayUseRecycleBin(actor: PermissionSubject, module: Module): boolean {
  return recycleBinScope(actor, module) !== null;
}
