import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { opportunityList } from "#app/modules/crm/opportunities/opportunity-list-query.ts";
import { badgeColumn, personColumn, titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { listScreen } from "../list-screen.tsx";
import { SalesStageBadge, type StageLike } from "./stage-ui.tsx";

// The opportunity list's columns (ids in OPPORTUNITY_COLUMNS, opportunity-list-query.ts).

export const OPPORTUNITIES_PATH = "/crm/opportunities";
export const OPPORTUNITIES_BOARD_PATH = "/crm/opportunities/board";

export interface OpportunityRow {
  id: number;
  number: string;
  name: string;
  salesStage: StageLike | null;
  amount: string;
  probability: number;
  expectedCloseDate: Date | null;
  updatedAt: Date;
  owner: { id: number; name: string };
  team: { id: number; name: string } | null;
  company: { id: number; name: string } | null;
  campaign: { id: number; name: string } | null;
}

export const opportunityColumns: Array<Column<OpportunityRow>> = [
  titleColumn("name", "sales.opportunity.name", (o, card) => <OpportunityName row={o} card={card} />, {
    sortKey: "name",
    className: "min-w-48",
  }),
  {
    id: "company",
    header: "sales.opportunity.company",
    sortKey: "company",
    mobile: "meta",
    className: "text-slate-700",
    cell: (o) => o.company?.name ?? <span className="text-slate-400">—</span>,
  },
  {
    ...badgeColumn("stage", "sales.opportunity.stage", (o) => <SalesStageBadge stage={o.salesStage} />),
    sortKey: "stage",
  },
  {
    id: "amount",
    header: "common.amountCny",
    sortKey: "amount",
    mobile: "meta",
    className: "text-right whitespace-nowrap text-slate-900 tabular-nums",
    cell: (o) => <Money value={o.amount} />,
  },
  {
    id: "probability",
    header: "sales.opportunity.probability",
    sortKey: "probability",
    mobile: "meta",
    className: "text-right text-slate-600 tabular-nums",
    cell: (o) => `${o.probability}%`,
  },
  {
    id: "closeDate",
    header: "sales.opportunity.closeDate",
    sortKey: "close",
    mobile: "meta",
    className: "whitespace-nowrap text-slate-600",
    cell: (o) => <Day value={o.expectedCloseDate} />,
  },
  { ...personColumn("owner", "common.owner", (o) => o.owner.name), sortKey: "owner" },
  {
    id: "team",
    header: "opportunities.field.team",
    sortKey: "team",
    mobile: "hidden",
    className: "text-slate-600",
    cell: (o) => o.team?.name ?? <span className="text-slate-400">—</span>,
  },
  {
    id: "updated",
    header: "sales.opportunity.updatedAt",
    sortKey: "updated",
    mobile: "hidden",
    className: "whitespace-nowrap text-slate-500",
    cell: (o) => <Day value={o.updatedAt} />,
  },
];

function OpportunityName({ row, card }: { row: OpportunityRow; card: boolean }) {
  return (
    <>
      <RecordLink to={`${OPPORTUNITIES_PATH}/${row.id}`} card={card}>
        {row.name}
      </RecordLink>
      <p className="font-mono text-xs text-slate-400">
        {row.number}
        {row.campaign ? <span className="ml-2 font-sans text-slate-500">{row.campaign.name}</span> : null}
      </p>
    </>
  );
}

function Money({ value }: { value: string }) {
  const { locale } = useI18n();
  return <>{formatMoney(value, locale)}</>;
}

function Day({ value }: { value: Date | null }) {
  const { locale } = useI18n();
  return <>{formatCalendarDate(value, locale)}</>;
}

/**
 * The opportunity list page: its filters, these columns and its texts. The stage, owner, team and
 * company filters list what the database holds, so the route adds them.
 */
export const opportunitiesScreen = listScreen({
  path: OPPORTUNITIES_PATH,
  kit: opportunityList,
  heading: { module: "opportunities" },
  title: "sales.opportunities.title",
  description: "sales.opportunities.description",
  search: {
    id: "opportunities-q",
    label: "sales.opportunities.filters",
    placeholder: "sales.opportunities.searchPlaceholder",
  },
  table: {
    columns: opportunityColumns,
    rowKey: (o) => o.id,
    cardAside: (o) => <SalesStageBadge stage={o.salesStage} />,
    label: "sales.opportunities.title",
  },
  empty: {
    title: "sales.opportunities.empty",
    description: "sales.opportunities.emptyHint",
    filteredTitle: "sales.opportunities.emptyFiltered",
  },
});
