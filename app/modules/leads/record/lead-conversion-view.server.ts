import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { isMessageKey } from "#app/lib/forms.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { forbidden, invalid, notFound, ok, type FieldErrors, type ServiceResult } from "#app/lib/service-result.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import { ownerChoices } from "#app/modules/auth/owner-choices.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  conversionLineItems,
  conversionPermission,
  conversionSuggestions,
  convertLead,
  sumLineItems,
} from "./lead-conversion.server.ts";
import { leadScopeWhere } from "./lead-workspace.server.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";

// The 线索转换 page as one view model (the lead, whether and why the actor may convert it, the
// records it probably is, its order items and the people an opportunity can be given to), and the
// conversion itself as a ServiceResult. Conversion rules live in lead-conversion.server.ts.

const VIEW_SELECT = {
  id: true,
  number: true,
  status: true,
  contactName: true,
  contactTitle: true,
  contactEmail: true,
  contactMobile: true,
  contactPhone: true,
  companyName: true,
  companyProvince: true,
  companyCity: true,
  companyAddress: true,
  requirement: true,
  convertedAt: true,
  owner: selectIdAndName,
  campaign: selectIdAndName,
  opportunities: { select: { id: true, number: true, name: true }, orderBy: { id: "asc" } },
  convertedContact: { select: { id: true, fullName: true, number: true } },
  convertedCompany: { select: { id: true, name: true, number: true } },
} satisfies Prisma.LeadSelect;

/**
 * The conversion page, or null when the lead does not exist or the actor may neither convert it nor
 * read it (a lead outside the actor's scope reads as missing).
 */
export async function getLeadConversionView(db: DbOrTx, actor: StaffActor, leadId: number) {
  const permission = await conversionPermission(db, actor, leadId);
  if (!permission) return null;
  // Seeing the page needs either the right to convert or ordinary read access to the lead.
  const scope = leadScopeWhere(actor);
  if (!permission.allowed && !scope) return null;
  const where: Prisma.LeadWhereUniqueInput =
    permission.allowed || !scope ? { id: leadId } : { id: leadId, AND: [scope] };
  const lead = await db.lead.findUnique({ where, select: VIEW_SELECT });
  if (!lead) return null;
  const [suggestions, items, owners] = await Promise.all([
    conversionSuggestions(db, actor, lead),
    conversionLineItems(db, lead.id),
    ownerChoices(db, actor, "opportunities"),
  ]);
  return {
    lead,
    permission,
    suggestions,
    items,
    itemsTotal: sumLineItems(items),
    owners,
    can: {
      createContact: scopeFor(actor, "contacts", "add") !== null,
      createCompany: scopeFor(actor, "companies", "add") !== null,
      linkContact: scopeFor(actor, "contacts", "browse") !== null,
      linkCompany: scopeFor(actor, "companies", "browse") !== null,
    },
  };
}

export type LeadConversionView = NonNullable<Awaited<ReturnType<typeof getLeadConversionView>>>;

/** "existing-12" | "create" | "skip" (the page's radio values) → the service's mode and id. */
function pick(value: unknown): { mode: string; id: string } {
  const v = typeof value === "string" ? value : "skip";
  const m = /^existing-(\d+)$/.exec(v);
  return m ? { mode: "link", id: m[1]! } : { mode: v, id: "" };
}

function conversionErrors(errors: Record<string, string[]>): { fieldErrors: FieldErrors; formErrors: MessageKey[] } {
  const fieldErrors: FieldErrors = {};
  const formErrors: MessageKey[] = [];
  for (const [field, list] of Object.entries(errors)) {
    const keys = list.map((k): MessageKey => (isMessageKey(k) ? k : "sales.error.invalid"));
    if (field === "_") formErrors.push(...keys);
    else fieldErrors[field] = keys;
  }
  return { fieldErrors, formErrors };
}

const FORBIDDEN: Record<string, MessageKey> = {
  "claimed-by-other": "sales.convert.reason.claimed",
  opportunities: "sales.convert.reason.opportunities",
  contacts: "sales.convert.reason.contacts",
  companies: "sales.convert.reason.companies",
};

/** Converts (or, when already converted, answers with the existing links): where to go next. */
export async function convertLeadAs(
  db: Db,
  actor: StaffActor,
  leadId: number,
  form: Record<string, unknown>,
  options: { ipAddress?: string | null } = {},
): Promise<ServiceResult<{ opportunityId: number | null }>> {
  const contact = pick(form.contactPick);
  const company = pick(form.companyPick);
  const result = await convertLead(
    db,
    actor,
    leadId,
    {
      ...form,
      contactMode: contact.mode,
      contactId: contact.id,
      companyMode: company.mode,
      companyId: company.id,
      createOpportunity: form.createOpportunity ?? "",
    },
    options,
  );
  switch (result.kind) {
    case "converted":
    case "already-converted":
      return ok({ opportunityId: result.opportunityId });
    case "invalid": {
      const { fieldErrors, formErrors } = conversionErrors(result.errors);
      return invalid(fieldErrors, formErrors);
    }
    case "forbidden":
      return forbidden(FORBIDDEN[result.reason] ?? "sales.convert.reason.lead");
    case "not-found":
      return notFound();
  }
}
