import { Building2, CircleAlert, GitBranchPlus } from "lucide-react";
import { Link, Outlet, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { COMPANY_LOOKUP_TABLES } from "#app/modules/crm/companies/company-codes.ts";
import { getCompanyWorkspace } from "#app/modules/crm/companies/company-workspace.server.ts";
import { loadLookupChoices } from "#app/modules/crm/lookup-choices.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { TabNav } from "#app/ui/tab-nav.tsx";
import {
  CompanyLookupsProvider,
  CompanyStatusBadge,
  companyCodeLabel,
  regionText,
} from "#backoffice/components/companies/company-labels.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { RecordOwnershipActions } from "#backoffice/components/records/record-ownership-actions.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One company (/crm/companies/:companyId), the 360° page: header, then a tab per related record set,
// each a child route with its own loader (seed 000 §2.R). Outside the actor's scope → 404. The
// system-table values (type, industry, rating labels and pickers) are loaded here once for every tab.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(
    request,
    { module: "companies", action: "browse" },
    params.companyId,
    async (database, actor, id) => {
      const [workspace, lookups] = await Promise.all([
        getCompanyWorkspace(database, actor, id),
        loadLookupChoices(database, COMPANY_LOOKUP_TABLES),
      ]);
      return workspace ? { ...workspace, lookups } : null;
    },
  );
}

export const meta = recordMeta<typeof loader>("companies.list.title", (d) => [
  "companies.detail.metaTitle",
  { name: d.company.name },
]);

export default function CompanyLayout() {
  const { company, capabilities, lookups } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const base = `/crm/companies/${company.id}`;
  const tabs = [
    { to: base, label: t("companies.tabs.overview"), end: true },
    { to: `${base}/contacts`, label: t("companies.tabs.contacts") },
    { to: `${base}/organisation`, label: t("companies.tabs.organisation") },
    { to: `${base}/leads`, label: t("companies.tabs.leads") },
    { to: `${base}/opportunities`, label: t("companies.tabs.opportunities") },
    { to: `${base}/requests`, label: t("companies.tabs.requests") },
    { to: `${base}/assets`, label: t("companies.tabs.assets") },
    { to: `${base}/contracts`, label: t("companies.tabs.contracts") },
    { to: `${base}/zone`, label: t("companies.tabs.zone") },
    { to: `${base}/activity`, label: t("companies.tabs.activity") },
    { to: `${base}/attachments`, label: t("companies.tabs.attachments") },
  ];
  const subtitle = [
    company.number,
    companyCodeLabel("type", company.type, t, { choices: lookups, locale }),
    regionText(company),
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <CompanyLookupsProvider value={lookups}>
      <div className="space-y-6">
        <BackLink to="/crm/companies">{t("companies.detail.back")}</BackLink>

        <PageHeader
          eyebrow={subtitle}
          title={company.shortName ? `${company.name}（${company.shortName}）` : company.name}
          description={
            company.parent ? (
              <Link to={`/crm/companies/${company.parent.id}`} className="text-blue-700 hover:underline">
                {t("companies.detail.subsidiaryOf", { name: company.parent.name })}
              </Link>
            ) : undefined
          }
          icon={<Building2 className="size-6" aria-hidden />}
          actions={
            // Header actions: the ownership actions (transfer / share / delete / merge, from
            // backoffice/components/records/record-ownership-actions.tsx) belong in this row.
            <div className="flex flex-wrap items-center gap-2" data-slot="record-actions">
              <CompanyStatusBadge status={company.status} className="px-2.5 py-1 text-sm" />
              {capabilities.canAddSubsidiary ? (
                <ButtonLink
                  to={`/crm/companies/new?parent=${encodeURIComponent(company.number)}`}
                  variant="secondary"
                  icon={GitBranchPlus}
                >
                  {t("companies.detail.addSubsidiary")}
                </ButtonLink>
              ) : null}
              <RecordOwnershipActions entity="company" id={company.id} />
            </div>
          }
        />

        {!capabilities.canModify ? (
          <div className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
            <CircleAlert className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden />
            <p>{t("companies.detail.readOnly")}</p>
          </div>
        ) : null}

        <TabNav label={t("companies.tabs.label")} tabs={tabs} />

        <div className="min-w-0 space-y-6">
          <Outlet />
        </div>
      </div>
    </CompanyLookupsProvider>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/companies" backLabel="companies.detail.back" />;
}
