import { CheckCircle2, CircleAlert, Target, UserRound } from "lucide-react";
import { Outlet, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getOpportunityRecord } from "#app/modules/crm/opportunities/opportunity-detail.server.ts";
import { FormNotice } from "#app/ui/form/index.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { NewQuoteLink } from "#backoffice/components/quotes/new-quote-link.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { TabNav } from "#app/ui/tab-nav.tsx";
import { OPPORTUNITY_POLICY } from "#backoffice/components/opportunities/opportunity-route.server.ts";
import { SalesStageBadge } from "#backoffice/components/opportunities/stage-ui.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One 机会 (/crm/opportunities/:id): the header (stage, amount, probability, owner) and a tab per
// part, each a child route with its own loader and actions. Outside the actor's scope → 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const record = await loadRecordPage(request, OPPORTUNITY_POLICY, params.opportunityId, getOpportunityRecord);
  // lead-convert lands here with ?converted=1 (the page then says the lead was converted).
  return { ...record, converted: new URL(request.url).searchParams.get("converted") === "1" };
}

export const meta = recordMeta<typeof loader>("sales.opportunities.title", (d) => [
  "sales.opportunity.metaTitle",
  { name: d.opportunity.name },
]);

export default function OpportunityLayout() {
  const { opportunity: o, stage, canModify, converted } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const base = `/crm/opportunities/${o.id}`;
  const tabs = [
    { to: base, label: t("opportunities.tabs.overview"), end: true },
    { to: `${base}/items`, label: t("opportunities.tabs.items"), count: o._count.items },
    { to: `${base}/team`, label: t("opportunities.tabs.team") },
    { to: `${base}/competitors`, label: t("opportunities.tabs.competitors") },
    { to: `${base}/sub-projects`, label: t("opportunities.tabs.subProjects") },
    { to: `${base}/history`, label: t("opportunities.tabs.history") },
    { to: `${base}/work`, label: t("opportunities.tabs.work") },
  ];
  return (
    <div className="space-y-6">
      <BackLink to="/crm/opportunities">{t("sales.opportunity.back")}</BackLink>
      <PageHeader
        eyebrow={<span className="font-mono">{o.number}</span>}
        title={o.name}
        icon={<Target className="size-6" aria-hidden />}
        actions={<NewQuoteLink opportunity={o.id} />}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <SalesStageBadge stage={stage} />
            <span className="font-medium text-slate-900 tabular-nums" data-testid="opportunity-amount">
              {formatMoney(o.amount, locale)}
            </span>
            <span>{t("sales.opportunity.probabilityIs", { percent: o.probability })}</span>
            <span className="inline-flex items-center gap-1">
              <UserRound className="size-4 text-slate-400" aria-hidden />
              {o.owner.name}
            </span>
          </span>
        }
      />
      {converted ? (
        <FormNotice tone="success">
          <span className="inline-flex items-center gap-2">
            <CheckCircle2 className="size-4 shrink-0" aria-hidden />
            {t("sales.opportunity.flash.converted")}
          </span>
        </FormNotice>
      ) : null}
      {!canModify ? (
        <div className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
          <CircleAlert className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden />
          <p>{t("opportunities.overview.readOnly")}</p>
        </div>
      ) : null}
      <TabNav label={t("opportunities.tabs.label")} tabs={tabs} />
      <div className="min-w-0 space-y-6">
        <Outlet />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/opportunities" backLabel="sales.opportunity.back" />;
}
