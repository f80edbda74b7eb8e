import { GitFork, Network } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getCompanyOrganisation } from "#app/modules/crm/companies/company-tabs.server.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { CompanyTree, ReportsToChart } from "#backoffice/components/companies/company-org-ui.tsx";
import { NoAccess } from "#backoffice/components/companies/company-tab-ui.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The company page's 组织结构 tab (seed 000 §2.L.2 组织结构分析): parents and subsidiaries the viewer may
// see (others only counted), and the reports-to chart of the company's contacts.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "companies", action: "browse" }, params.companyId, getCompanyOrganisation);
}

export default function CompanyOrganisationTab() {
  const { ancestors, tree, contacts } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <SectionCard title={t("companies.tabs.organisation")} icon={Network} labelled>
        <CompanyTree ancestors={ancestors} tree={tree} />
      </SectionCard>
      {contacts === null ? (
        <NoAccess />
      ) : (
        <SectionCard title={t("companies.org.chart")} icon={GitFork} labelled>
          <ReportsToChart contacts={contacts} />
        </SectionCard>
      )}
    </div>
  );
}
