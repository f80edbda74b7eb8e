import type { DbOrTx } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import { templateChoices } from "./document-templates.server.ts";
import { opportunityScopeWhere } from "#app/modules/crm/opportunities/opportunity-scope.server.ts";

// What the contract forms offer to pick: only records the actor may see (the scope is in each query),
// capped so a large organisation's picker stays small (the services re-check whatever is posted).

const PICK = 300;

export async function contractFormOptions(db: DbOrTx, actor: StaffActor, companyId: number | null) {
  const companyScope = await recordScopeWhere(db, actor, "company", "browse");
  const contactScope = await recordScopeWhere(db, actor, "contact", "browse");
  const oppScope = opportunityScopeWhere(actor, "browse");
  const [companies, contacts, opportunities, templates] = await Promise.all([
    companyScope
      ? db.company.findMany({
          where: companyScope,
          select: { id: true, name: true },
          orderBy: { name: "asc" },
          take: PICK,
        })
      : [],
    contactScope && companyId
      ? db.contact.findMany({
          where: { AND: [contactScope, { companyId }] },
          select: { id: true, fullName: true },
          orderBy: { fullName: "asc" },
          take: PICK,
        })
      : [],
    oppScope
      ? db.opportunity.findMany({
          where: { AND: [oppScope, companyId ? { companyId } : {}] },
          select: { id: true, name: true, number: true },
          orderBy: { updatedAt: "desc" },
          take: PICK,
        })
      : [],
    templateChoices(db, "contract"),
  ]);
  return { companies, contacts, opportunities, templates };
}

export type ContractFormOptions = Awaited<ReturnType<typeof contractFormOptions>>;

/** The new-contract form: `?opportunity=` brings its company; both only when the actor may see them. */
export async function contractNewPrefill(
  db: DbOrTx,
  actor: StaffActor,
  asked: { companyId: number | null; opportunityId: number | null },
) {
  const oppScope = opportunityScopeWhere(actor, "browse");
  const opp =
    asked.opportunityId && oppScope
      ? await db.opportunity.findFirst({
          where: { AND: [oppScope, { id: asked.opportunityId }] },
          select: { id: true, companyId: true },
        })
      : null;
  const wanted = asked.companyId ?? opp?.companyId ?? null;
  const options = await contractFormOptions(db, actor, wanted);
  const companyId = wanted && options.companies.some((c) => c.id === wanted) ? wanted : null;
  return { options, companyId, opportunityId: opp && opp.companyId === companyId ? opp.id : null };
}
