import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Locale } from "#app/lib/i18n/locales.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { CampaignCard } from "#app/modules/campaigns/campaigns.server.ts";
import { campaignList } from "#app/modules/campaigns/campaign-list-query.ts";
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, progressPercent } from "#app/modules/crm/sales-constants.ts";
import { badgeColumn, dateColumn, personColumn, titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { formatNumber } from "#app/lib/format/numbers.ts";
import { CampaignStatusBadge } from "#backoffice/components/sales-ui.tsx";
import { listScreen, valueSelect } from "../list-screen.tsx";

// The campaign list's columns (ids in CAMPAIGN_COLUMNS, campaign-list-query.ts): the record, then
// each hard target against its computed actual.

export const CAMPAIGNS_PATH = "/crm/campaigns";

export const campaignColumns: Array<Column<CampaignCard>> = [
  titleColumn(
    "name",
    "sales.campaign.name",
    (c, card) => (
      <RecordLink to={`${CAMPAIGNS_PATH}/${c.id}`} card={card} className="block min-w-0 [overflow-wrap:anywhere]">
        {/* A long name (a 60-character one without spaces) wraps inside the card; the tooltip keeps it whole. */}
        <span title={c.name}>{c.name}</span>
      </RecordLink>
    ),
    { sortKey: "name", className: "min-w-48" },
  ),
  { id: "type", header: "sales.campaign.type", mobile: "meta", cell: (c) => <CampaignType campaign={c} /> },
  badgeColumn("status", "sales.campaign.status", (c) => <CampaignStatusBadge status={c.status} />),
  personColumn("owner", "sales.campaign.owner", (c) => c.owner.name),
  dateColumn("period", "sales.campaign.period", (c) => <Period campaign={c} />, "start"),
  metric("sales", "sales.metric.sales", (c, locale) => ({
    actual: formatMoney(c.actuals.wonAmount, locale),
    target: c.targets.salesAmount ? formatMoney(c.targets.salesAmount, locale) : null,
    percent: progressPercent(c.actuals.wonAmount, c.targets.salesAmount),
  })),
  metric("leads", "sales.metric.leads", (c, locale) => ({
    actual: formatNumber(c.actuals.leadCount, locale),
    target: c.targets.leadCount !== null ? formatNumber(c.targets.leadCount, locale) : null,
    percent: progressPercent(c.actuals.leadCount, c.targets.leadCount),
  })),
  metric("cost", "sales.metric.cost", (c, locale) => ({
    actual: formatMoney(c.actuals.cost, locale),
    target: c.targets.cost ? formatMoney(c.targets.cost, locale) : null,
    percent: progressPercent(c.actuals.cost, c.targets.cost),
  })),
  metric("workload", "sales.metric.workload", (c, locale) => ({
    actual: formatNumber(c.actuals.workload, locale),
    target: c.targets.workload ? formatNumber(c.targets.workload, locale) : null,
    percent: progressPercent(c.actuals.workload, c.targets.workload),
  })),
];

type Figures = { actual: string; target: string | null; percent: number | null };

function metric(
  id: string,
  header: MessageKey,
  figures: (c: CampaignCard, locale: Locale) => Figures,
): Column<CampaignCard> {
  return {
    id,
    header,
    mobile: "meta",
    className: "min-w-36",
    cell: (c) => <Metric campaign={c} header={header} figures={figures} />,
  };
}

function Metric({
  campaign,
  header,
  figures,
}: {
  campaign: CampaignCard;
  header: MessageKey;
  figures: (c: CampaignCard, locale: Locale) => Figures;
}) {
  const { t, locale } = useI18n();
  const { actual, target, percent } = figures(campaign, locale);
  const width = percent === null ? 0 : Math.min(100, Math.max(0, percent));
  return (
    <div role="group" aria-label={t(header)} className="space-y-1">
      <p className="text-sm whitespace-nowrap text-slate-900 tabular-nums">
        <span className="font-medium">{actual}</span>
        <span className="text-slate-400"> / {target ?? t("sales.campaign.noTarget")}</span>
      </p>
      {percent !== null ? (
        <div
          role="progressbar"
          aria-label={t(header)}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={width}
          className="hidden h-1.5 overflow-hidden rounded-full bg-slate-100 md:block"
        >
          <div
            className={
              percent >= 100 ? "h-full bg-emerald-500" : percent >= 50 ? "h-full bg-blue-500" : "h-full bg-amber-500"
            }
            style={{ width: `${width}%` }}
          />
        </div>
      ) : null}
    </div>
  );
}

function CampaignType({ campaign }: { campaign: CampaignCard }) {
  const { t } = useI18n();
  return <span className="whitespace-nowrap text-slate-600">{t(`sales.campaignType.${campaign.type}`)}</span>;
}

function Period({ campaign }: { campaign: CampaignCard }) {
  const { locale } = useI18n();
  return (
    <>
      {formatCalendarDate(campaign.startDate, locale)} – {formatCalendarDate(campaign.endDate, locale)}
    </>
  );
}

/** The campaign list page: its filters, these columns and its texts. */
export const campaignsScreen = listScreen({
  path: CAMPAIGNS_PATH,
  kit: campaignList,
  heading: { module: "campaigns" },
  title: "sales.campaigns.title",
  description: "sales.campaigns.description",
  search: { id: "campaigns-q", label: "sales.campaigns.filters", placeholder: "sales.campaigns.searchPlaceholder" },
  selects: [
    valueSelect("status", "sales.campaign.status", CAMPAIGN_STATUSES, (s) => `sales.campaignStatus.${s}`),
    valueSelect("type", "sales.campaign.type", CAMPAIGN_TYPES, (s) => `sales.campaignType.${s}`),
  ],
  table: {
    columns: campaignColumns,
    rowKey: (c) => c.id,
    cardAside: (c) => <CampaignStatusBadge status={c.status} />,
    label: "sales.campaigns.title",
  },
  empty: {
    title: "sales.campaigns.empty",
    description: "sales.campaigns.emptyHint",
    filteredTitle: "sales.campaigns.emptyFiltered",
  },
});
