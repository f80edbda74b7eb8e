import type { DbOrTx } from "#app/lib/db.server.ts";
import { queryId } from "#app/lib/forms.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { prefillLinks } from "#app/modules/crm/opportunities/opportunity-links.server.ts";
import { opportunityScopeWhere } from "#app/modules/crm/opportunities/opportunity-scope.server.ts";
import { addDays, businessDay } from "./quote-dates.ts";
import { quoteLibrary } from "./quote-read.server.ts";

// Choices of the quote forms, within the actor's scopes: the company's opportunities, and the new
// quote's prefill from `?company=`, `?contact=` or `?opportunity=` (the entry points on those pages).

export async function companyOpportunityChoices(db: DbOrTx, actor: StaffActor, companyId: number | null) {
  const scope = opportunityScopeWhere(actor, "browse");
  if (!scope || companyId === null) return [];
  const rows = await db.opportunity.findMany({
    where: { AND: [scope, { companyId }] },
    select: { id: true, name: true, number: true },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  return rows.map((o) => ({ id: o.id, label: `${o.name}（${o.number}）` }));
}

/** The new-quote form: links asked for in the URL (dropped when out of scope), choices and defaults. */
export async function newQuotePrefill(db: DbOrTx, actor: StaffActor, params: URLSearchParams, now = new Date()) {
  let companyId = queryId(params, "company");
  let contactId = queryId(params, "contact");
  let opportunityId = queryId(params, "opportunity");
  let title = "";
  if (opportunityId !== null) {
    const scope = opportunityScopeWhere(actor, "browse");
    const opp = scope
      ? await db.opportunity.findFirst({
          where: { AND: [scope, { id: opportunityId }] },
          select: { name: true, companyId: true, contactId: true },
        })
      : null;
    if (opp) {
      companyId ??= opp.companyId;
      contactId ??= opp.contactId;
      title = opp.name;
    } else opportunityId = null;
  }
  const prefill = await prefillLinks(db, actor, { companyId, contactId });
  const [opportunities, library] = await Promise.all([
    companyOpportunityChoices(db, actor, prefill.links.companyId),
    quoteLibrary(db),
  ]);
  return {
    values: {
      title,
      companyId: prefill.links.companyId,
      contactId: prefill.links.contactId,
      opportunityId: opportunities.some((o) => o.id === opportunityId) ? opportunityId : null,
      validUntil: addDays(businessDay(now), library.templates[0]?.validityDays ?? 30),
      terms: library.templates[0]?.terms ?? "",
      remark: null,
    },
    choices: {
      companies: prefill.companies.map((c) => ({ id: c.id, label: c.name })),
      contacts: prefill.contacts.map((c) => ({ id: c.id, label: c.fullName })),
      opportunities,
    },
    templates: library.templates.map((tpl) => ({ id: tpl.id, label: tpl.name })),
    defaultTemplateId: library.templates[0]?.id ?? null,
    clauses: library.clauses,
  };
}
