import { redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { companyFilterOptions, listCompanies } from "#app/modules/crm/companies/company-list.server.ts";
import { COMPANY_LOOKUP_TABLES } from "#app/modules/crm/companies/company-codes.ts";
import { companyList } from "#app/modules/crm/companies/company-list-query.ts";
import { loadLookupChoices } from "#app/modules/crm/lookup-choices.server.ts";
import { regionPickerOptions } from "#app/modules/crm/regions/divisions.server.ts";
import { bulkActionPolicy, bulkListAction, bulkListOptions } from "#app/modules/crm/sharing/bulk-actions.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { CompaniesListPage } from "#backoffice/components/companies/companies-list-page.tsx";
import { COMPANIES_PATH } from "#backoffice/components/companies/company-columns.tsx";

// 单位 list (/crm/companies): the viewer's company scope, filters incl. province → city, owner and
// team, sortable columns, saved views, capped total and bounded pages (company-list.server.ts); bulk
// transfer / share / delete of the ticked rows, scope applied per row (bulk-actions.server.ts).

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "companies", action: "browse" });
  const query = companyList.parse(new URL(request.url).searchParams);
  const [list, options, views, bulk, lookups] = await Promise.all([
    listCompanies(db, actor, {
      filters: {
        q: query.q,
        type: query.type,
        industry: query.industry,
        status: query.status,
        province: query.province,
        city: query.city,
        ownerId: query.owner,
        teamId: query.team,
      },
      sort: { key: query.sort, dir: query.dir },
      page: query.page,
    }),
    companyFilterOptions(db, actor),
    loadListViews(db, actor, companyList, query, COMPANIES_PATH),
    bulkListOptions(db, actor, "company"),
    loadLookupChoices(db, COMPANY_LOOKUP_TABLES),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  const regions = regionPickerOptions({ provinceCode: query.province ?? null, cityCode: query.city ?? null });
  return {
    rows: list.items,
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    query,
    views,
    owners: options.owners,
    teams: options.teams,
    regions,
    canAdd: can(actor, "companies", "add"),
    lookups,
    bulk,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, bulkActionPolicy("company"));
  return bulkListAction(db, actor, "company", await request.formData(), { ipAddress: clientIp(context) });
}

export const meta = titleMeta("companies.list.title");

export default function CompaniesListRoute() {
  const data = useLoaderData<typeof loader>();
  return <CompaniesListPage data={data} />;
}
