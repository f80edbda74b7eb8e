import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { LeadListRow } from "#app/modules/leads/record/lead-queries.server.ts";
import { cn } from "#app/ui/cn.ts";
import { badgeColumn, dateColumn, personColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RelativeTime } from "#app/ui/relative-time.tsx";
import { contactAtCompany, LeadStatusBadge, routedByLabel } from "#backoffice/components/lead-ui.tsx";

// The lead list's columns (ids in LEAD_COLUMNS, lead-inbox-filters.ts): what each cell shows on the
// table and on a phone's card, and which sort key a header sorts by.

export const LEADS_PATH = "/crm/leads";

export type LeadRow = Pick<
  LeadListRow,
  | "id"
  | "number"
  | "contactName"
  | "companyName"
  | "categoryName"
  | "campaignName"
  | "routedBy"
  | "tokenGroupName"
  | "owner"
  | "status"
  | "createdAt"
  | "ownerSeenAt"
> &
  Partial<Pick<LeadListRow, "possibleDuplicateOf" | "claimedBy" | "assignees">>;

export function isUnseen(row: LeadRow): boolean {
  return row.ownerSeenAt === null;
}

export function leadColumns(now: number): Array<Column<LeadRow>> {
  return [
    {
      id: "number",
      header: "common.number",
      hideable: false,
      mobile: "title",
      className: "whitespace-nowrap",
      cell: (row) => <LeadNumber row={row} />,
      card: (row) => <LeadNumber row={row} plain />,
    },
    {
      id: "who",
      header: "leadInbox.col.who",
      sortKey: "contact",
      mobile: "title",
      className: "max-w-72 min-w-48",
      cell: (row) => <LeadWho row={row} />,
      card: (row) => <LeadWho row={row} card />,
    },
    {
      id: "company",
      header: "leadInbox.col.company",
      sortKey: "company",
      mobile: "meta",
      className: "min-w-40 text-slate-600",
      cell: (row) => row.companyName ?? <Dash />,
    },
    {
      id: "category",
      header: "leadInbox.col.category",
      mobile: "meta",
      className: "text-slate-600",
      cell: (row) => <LeadCategory row={row} />,
    },
    {
      id: "routedBy",
      header: "common.routedBy",
      mobile: "meta",
      className: "whitespace-nowrap text-slate-600",
      cell: (row) => <RoutedBy row={row} />,
    },
    personColumn("owner", "common.owner", (row) => row.owner.name),
    badgeColumn("status", "leadInbox.col.status", (row) => <LeadStatusCell row={row} />),
    dateColumn("created", "common.createdAt", (row) => <RelativeTime value={row.createdAt} now={now} />, "created"),
  ];
}

/**
 * The status, and for a distributed lead who is on it: "待认领" until someone says 我处理, then their
 * name (#14 item 17: "已分发" alone did not say whether anybody had picked the lead up).
 */
export function LeadStatusCell({ row }: { row: LeadRow }) {
  const { t } = useI18n();
  const distributed = row.status === "assigned" && row.assignees !== undefined && row.assignees.length > 0;
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <LeadStatusBadge status={row.status} />
      {distributed ? (
        <span className={cn("text-xs", row.claimedBy ? "text-slate-500" : "font-medium text-amber-700")}>
          {row.claimedBy
            ? t("leadInbox.status.claimedBy", { name: row.claimedBy.name })
            : t("leadInbox.status.awaitingClaim")}
        </span>
      ) : null}
    </span>
  );
}

function Dash() {
  return <span className="text-slate-300">—</span>;
}

function UnseenDot({ unseen }: { unseen: boolean }) {
  const { t } = useI18n();
  if (!unseen) return <span aria-hidden className="inline-block size-2" />;
  return (
    <span title={t("leadInbox.unseen")} className="inline-block size-2 shrink-0 rounded-full bg-blue-600">
      <span className="sr-only">{t("leadInbox.unseen")}</span>
    </span>
  );
}

function LeadNumber({ row, plain = false }: { row: LeadRow; plain?: boolean }) {
  return (
    <span className="inline-flex items-center gap-2">
      <UnseenDot unseen={isUnseen(row)} />
      {plain ? (
        <span className="font-mono text-xs text-slate-500">{row.number}</span>
      ) : (
        <Link to={`${LEADS_PATH}/${row.id}`} className="font-mono text-[13px] text-blue-700 hover:underline">
          {row.number}
        </Link>
      )}
      <PossibleDuplicate row={row} plain={plain} />
    </span>
  );
}

/** The intake's "possible duplicate" flag, linking to the lead it probably repeats. */
function PossibleDuplicate({ row, plain }: { row: LeadRow; plain: boolean }) {
  const { t } = useI18n();
  const of = row.possibleDuplicateOf;
  if (!of) return null;
  const label = t("recordAdmin.duplicates.possibleDuplicateOf", { number: of.number });
  const badge = "rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800";
  return plain ? (
    <span className={badge} title={label}>
      {t("recordAdmin.duplicates.possibleDuplicate")}
    </span>
  ) : (
    <Link
      to={`${LEADS_PATH}/${of.id}`}
      className={cn(badge, "hover:bg-amber-200")}
      title={label}
      data-testid="possible-duplicate"
    >
      {t("recordAdmin.duplicates.possibleDuplicate")}
    </Link>
  );
}

function LeadWho({ row, card = false }: { row: LeadRow; card?: boolean }) {
  const who = contactAtCompany(row);
  // Long company names wrap anywhere (Chinese names have no spaces) instead of widening the card;
  // the full text stays in the tooltip (#14 item 18).
  return (
    <Link
      to={`${LEADS_PATH}/${row.id}`}
      title={who}
      data-lead-who=""
      className={cn(
        "[overflow-wrap:anywhere]",
        card
          ? "block min-w-0 text-[15px] text-slate-900 after:absolute after:inset-0"
          : "text-slate-900 group-hover:text-blue-700 hover:underline",
        isUnseen(row) && "font-semibold",
      )}
    >
      {who}
    </Link>
  );
}

function LeadCategory({ row }: { row: LeadRow }) {
  const { t } = useI18n();
  return (
    <>
      {row.categoryName ?? <span className="text-slate-400">{t("leadInbox.noCategory")}</span>}
      {row.campaignName ? <span className="block text-xs text-slate-400">{row.campaignName}</span> : null}
    </>
  );
}

function RoutedBy({ row }: { row: LeadRow }) {
  const { t } = useI18n();
  return (
    <span>
      {routedByLabel(row.routedBy, t)}
      {row.routedBy === "token_group" && row.tokenGroupName ? (
        <span className="block text-xs text-slate-400">{row.tokenGroupName}</span>
      ) : null}
    </span>
  );
}
