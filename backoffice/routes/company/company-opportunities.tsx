import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listCompanyOpportunities } from "#app/modules/crm/companies/company-tabs.server.ts";
import { TabTable } from "#backoffice/components/companies/company-tab-ui.tsx";
import { linkColumn } from "#backoffice/components/record-link-column.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { StageBadge } from "#backoffice/components/sales-ui.tsx";
import { NewOpportunityLink } from "#backoffice/components/opportunities/new-opportunity-link.tsx";
import { NewQuoteLink } from "#backoffice/components/quotes/new-quote-link.tsx";
import { useCompanyWorkspace } from "#backoffice/components/companies/use-company-workspace.ts";

// The company page's 机会 tab: its opportunities within the viewer's opportunities scope.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "companies", action: "browse" }, params.companyId, listCompanyOpportunities);
}

export default function CompanyOpportunitiesTab() {
  const { opportunities } = useLoaderData<typeof loader>();
  const { company } = useCompanyWorkspace();
  const { t, locale } = useI18n();
  return (
    <TabTable
      title={t("companies.tabs.opportunities")}
      action={
        <span className="flex flex-wrap gap-2">
          <NewQuoteLink company={company.id} />
          <NewOpportunityLink company={company.id} />
        </span>
      }
      rows={opportunities}
      rowKey={(o) => o.id}
      empty="companies.opportunities.none"
      columns={[
        linkColumn<NonNullable<typeof opportunities>[number]>("name", t("sales.opportunity.name"), (o) => ({
          to: `/crm/opportunities/${o.id}`,
          label: o.name,
          sub: o.number,
        })),
        { key: "stage", header: t("sales.opportunity.stage"), cell: (o) => <StageBadge stage={o.stage} /> },
        { key: "amount", header: t("common.amountCny"), numeric: true, cell: (o) => formatMoney(o.amount, locale) },
        {
          key: "probability",
          header: t("sales.opportunity.probability"),
          numeric: true,
          cell: (o) => `${o.probability}%`,
        },
        {
          key: "close",
          header: t("sales.opportunity.closeDate"),
          cell: (o) => formatCalendarDate(o.expectedCloseDate, locale),
        },
        { key: "owner", header: t("common.owner"), cell: (o) => o.owner.name },
      ]}
    />
  );
}
