import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listCompanyLeads } from "#app/modules/crm/companies/company-tabs.server.ts";
import { TabTable } from "#backoffice/components/companies/company-tab-ui.tsx";
import { LeadStatusBadge } from "#backoffice/components/lead-ui.tsx";
import { linkColumn } from "#backoffice/components/record-link-column.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The company page's 线索 tab: leads converted into the company or naming it (leads scope).

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "companies", action: "browse" }, params.companyId, listCompanyLeads);
}

export default function CompanyLeadsTab() {
  const { leads, company } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <TabTable
      title={t("companies.tabs.leads")}
      rows={leads}
      rowKey={(l) => l.id}
      empty="companies.leads.none"
      columns={[
        linkColumn<NonNullable<typeof leads>[number]>("lead", t("companies.tabs.leads"), (l) => ({
          to: `/crm/leads/${l.id}`,
          label: l.contactName || l.number,
          sub: l.number,
        })),
        { key: "status", header: t("common.status"), cell: (l) => <LeadStatusBadge status={l.status} /> },
        {
          key: "link",
          header: t("companies.field.name"),
          cell: (l) =>
            l.convertedCompanyId === company.id ? t("companies.leads.converted") : t("companies.leads.named"),
        },
        { key: "owner", header: t("common.owner"), cell: (l) => l.owner.name },
        { key: "created", header: t("common.createdAt"), cell: (l) => formatCalendarDate(l.createdAt, locale) },
      ]}
    />
  );
}
