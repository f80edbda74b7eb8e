// Search and the pages agree on scope because search asks the pages' own question. The engine
// ranks; the database decides which of the ranked ids the actor may open, through the same where
// fragments the list and detail pages use (decision 026 `recordScopeWhere`, the leads scope of
// decision 013/031, the opportunities scope). Owner ids copied into the index could not say "this
// lead was distributed to you", "shared with your team" or "in the bin", and go stale when a
// record changes hands; the database is never stale. Decision 039.

import type { DbOrTx } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "./record-scope.server.ts";
import { opportunityScopeWhere } from "#app/modules/crm/companies/company-workspace.server.ts";
import { leadScopeWhere } from "#app/modules/leads/record/lead-workspace.server.ts";
import type { GlobalSearchKind } from "#search/global-search-shared.ts";

/** Keeps, of `ids`, those the actor may open; undefined when the actor may not browse the kind. */
export type ScopeCheck = (ids: readonly number[]) => Promise<Set<number>>;

const rows = async (found: Promise<Array<{ id: number }>>) => new Set((await found).map((r) => r.id));

/**
 * The page scope of one kind as an id check, or undefined when the actor has no browse grant.
 * Built once per search (the record-share lookup runs here), applied to each candidate batch.
 */
export async function pageScopeCheck(
  db: DbOrTx,
  actor: StaffActor,
  kind: GlobalSearchKind,
): Promise<ScopeCheck | undefined> {
  const select = { id: true } as const;
  switch (kind) {
    case "contacts": {
      const where = await recordScopeWhere(db, actor, "contact", "browse");
      if (!where) return undefined;
      return (ids) => rows(db.contact.findMany({ where: { AND: [where, { id: { in: [...ids] } }] }, select }));
    }
    case "companies": {
      const where = await recordScopeWhere(db, actor, "company", "browse");
      if (!where) return undefined;
      return (ids) => rows(db.company.findMany({ where: { AND: [where, { id: { in: [...ids] } }] }, select }));
    }
    case "leads": {
      const where = leadScopeWhere(actor);
      if (!where) return undefined;
      return (ids) => rows(db.lead.findMany({ where: { AND: [where, { id: { in: [...ids] } }] }, select }));
    }
    case "opportunities": {
      const where = opportunityScopeWhere(actor);
      if (!where) return undefined;
      return (ids) => rows(db.opportunity.findMany({ where: { AND: [where, { id: { in: [...ids] } }] }, select }));
    }
  }
}
