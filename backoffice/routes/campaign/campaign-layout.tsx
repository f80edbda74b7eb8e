import { CalendarRange, UserRound } from "lucide-react";
import { Outlet, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getCampaignWorkspace } from "#app/modules/campaigns/campaign-workspace.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { MetaItem, RecordMeta } from "#app/ui/record-meta.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { TabNav } from "#app/ui/tab-nav.tsx";
import { CampaignScopeNote } from "#backoffice/components/campaign-ui.tsx";
import { CampaignStatusBadge } from "#backoffice/components/sales-ui.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One 营销战役 (/crm/campaigns/:campaignId): header, the scope the statistics cover, and tabs; each
// tab is a child route with its own loader and action (overview and targets, participants,
// expenses, work logs, notes and tasks).

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Any signed-in staff member: participants see the campaigns they are in without the campaigns
  // module. The service reads the campaign through the actor's reach; out of reach is a 404.
  return loadRecordPage(request, "signedIn", params.campaignId, getCampaignWorkspace);
}

export const meta = recordMeta<typeof loader>("sales.campaigns.title", (d) => [
  "sales.campaign.metaTitle",
  { name: d.campaign.name },
]);

export default function CampaignLayout() {
  const { campaign, capabilities, scope, actuals, counts } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const base = `/crm/campaigns/${campaign.id}`;
  return (
    <div className="space-y-6">
      <BackLink to="/crm/campaigns">{t("sales.campaign.back")}</BackLink>

      <PageHeader
        eyebrow={t(`sales.campaignType.${campaign.type}`)}
        title={campaign.name}
        description={
          <RecordMeta>
            <CampaignStatusBadge status={campaign.status} />
            <MetaItem icon={UserRound}>{t("sales.campaign.ownerIs", { name: campaign.owner.name })}</MetaItem>
            <MetaItem icon={CalendarRange}>
              {formatCalendarDate(campaign.startDate, locale)} – {formatCalendarDate(campaign.endDate, locale)}
            </MetaItem>
            {!capabilities.canModify ? <Badge tone="slate">{t("sales.campaign.readOnly")}</Badge> : null}
          </RecordMeta>
        }
      />

      <CampaignScopeNote scope={scope} counts={{ leads: actuals.leadCount, opportunities: actuals.opportunityCount }} />

      <TabNav
        label={t("sales.campaign.tabs.label")}
        tabs={[
          { to: base, label: t("sales.campaign.tabs.overview"), end: true },
          { to: `${base}/participants`, label: t("sales.participants.title"), count: counts.participants + 1 },
          { to: `${base}/expenses`, label: t("sales.expenses.title"), count: counts.expenses },
          { to: `${base}/work`, label: t("sales.work.title"), count: counts.workLogs },
          { to: `${base}/activity`, label: t("sales.campaign.tabs.activity"), count: counts.tasks + counts.notes },
        ]}
      />

      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/campaigns" backLabel="sales.campaign.back" />;
}
