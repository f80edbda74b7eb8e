import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor, teamScopeIds } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import type { RecordWidgetAccess } from "#app/modules/notes/record-widget-actions.server.ts";
import { regionCodesOf } from "../regions/divisions.server.ts";
import { LEGACY_INDUSTRY_CODES, LEGACY_TYPE_CODES } from "./company-codes.ts";
import { companyRowSelect } from "./company-list.server.ts";

// A company's 360° page (seed 000 §2.R): the record with what the actor may do, loaded with the
// actor's company scope in the query (outside scope → null → 404, which does not confirm the id
// exists). Each tab's own service (company-tabs.server.ts) re-checks the same scope first.

const COMPANY_SELECT = {
  ...companyRowSelect,
  regionCode: true,
  address: true,
  postcode: true,
  phone2: true,
  fax: true,
  email: true,
  website: true,
  category: true,
  rating: true,
  description: true,
  salesAmount: true,
  profitAmount: true,
  currency: true,
  createdAt: true,
  ownerId: true,
  owner: { select: { id: true, name: true, teamId: true } },
  team: { select: { id: true, name: true } },
  parent: { select: { id: true, number: true, name: true } },
} satisfies Prisma.CompanySelect;

/** The company if the actor may browse it (null otherwise, also for the bin). */
export async function companyInScope(db: DbOrTx, actor: StaffActor, companyId: number) {
  const scope = await recordScopeWhere(db, actor, "company", "browse");
  if (!scope) return null;
  return db.company.findFirst({ where: { AND: [scope, { id: companyId }] }, select: COMPANY_SELECT });
}

export interface CompanyCapabilities {
  canModify: boolean;
  canAddSubsidiary: boolean;
  /** Related modules the actor may browse (a tab without the grant says so instead of listing). */
  contacts: boolean;
  leads: boolean;
  opportunities: boolean;
  service: boolean;
  members: boolean;
}

export async function getCompanyWorkspace(db: DbOrTx, actor: StaffActor, companyId: number) {
  const company = await companyInScope(db, actor, companyId);
  if (!company) return null;
  const modify = await recordScopeWhere(db, actor, "company", "modify");
  const canModify = modify ? (await db.company.count({ where: { AND: [modify, { id: companyId }] } })) > 0 : false;
  const capabilities: CompanyCapabilities = {
    canModify,
    canAddSubsidiary: scopeFor(actor, "companies", "add") !== null,
    contacts: scopeFor(actor, "contacts", "browse") !== null,
    leads: scopeFor(actor, "leads", "browse") !== null,
    opportunities: scopeFor(actor, "opportunities", "browse") !== null,
    service: scopeFor(actor, "service", "browse") !== null,
    members: scopeFor(actor, "members", "browse") !== null,
  };
  const company_ = {
    ...company,
    salesAmount: company.salesAmount?.toFixed(2) ?? null,
    profitAmount: company.profitAmount?.toFixed(2) ?? null,
    regionCodes: regionCodesOf(company.regionCode),
  };
  return { company: company_, capabilities };
}

export type CompanyWorkspace = NonNullable<Awaited<ReturnType<typeof getCompanyWorkspace>>>;

/** Opportunities the actor may see (opportunities × browse), as a where fragment; null without the grant. */
export function opportunityScopeWhere(actor: StaffActor): Prisma.OpportunityWhereInput | null {
  const scope = scopeFor(actor, "opportunities", "browse");
  if (scope === null) return null;
  if (scope === "all") return { deletedAt: null };
  if (scope === "team" && actor.teamId !== null) {
    return { deletedAt: null, OR: [{ ownerId: actor.staffId }, { owner: { teamId: { in: teamScopeIds(actor) } } }] };
  }
  return { deletedAt: null, ownerId: actor.staffId };
}

/** Notes and tasks on the company: anyone who may modify the company may add them. */
export async function companyWorkAccess(
  db: DbOrTx,
  actor: StaffActor,
  companyId: number,
): Promise<RecordWidgetAccess | null> {
  const workspace = await getCompanyWorkspace(db, actor, companyId);
  if (!workspace) return null;
  return {
    target: { companyId },
    canWrite: workspace.capabilities.canModify,
    defaultAssigneeId: workspace.company.ownerId ?? actor.staffId,
  };
}

/** The edit form's start values (strings as the form posts them). */
export function companyEditValues(company: CompanyWorkspace["company"]): Record<string, string> {
  const s = (v: string | null | undefined) => v ?? "";
  return {
    name: company.name,
    shortName: s(company.shortName),
    // Legacy free texts (最终用户, IT业) start the form as the code they mean.
    type: company.type ? (LEGACY_TYPE_CODES[company.type] ?? company.type) : "",
    industry: company.industry ? (LEGACY_INDUSTRY_CODES[company.industry] ?? company.industry) : "",
    status: company.status,
    category: s(company.category),
    rating: s(company.rating),
    provinceCode: s(company.regionCodes.provinceCode),
    cityCode: s(company.regionCodes.cityCode),
    districtCode: s(company.regionCodes.districtCode),
    address: s(company.address),
    postcode: s(company.postcode),
    phone: s(company.phone),
    phone2: s(company.phone2),
    fax: s(company.fax),
    email: s(company.email),
    website: s(company.website),
    currency: company.currency,
    salesAmount: s(company.salesAmount),
    profitAmount: s(company.profitAmount),
    description: s(company.description),
    parentNumber: s(company.parent?.number),
  };
}
