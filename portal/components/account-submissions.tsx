import { formatMoment } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { SubmissionRow } from "#app/modules/members/member-overview.server.ts";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";
import { RecordTable, type RecordColumn } from "#app/ui/records/record-table.tsx";

// The member's own submissions (需求/订单登记) on the account overview: the requirement list and the
// shorter order list show the same row (number, a line of detail, where it stands).

const STATUS_TONES: Record<SubmissionRow["status"], BadgeTone> = {
  new: "blue",
  assigned: "violet",
  contacted: "amber",
  qualified: "amber",
  converted: "green",
  closed: "slate",
};

function StatusBadge({ status }: { status: SubmissionRow["status"] }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONES[status]}>{t(`account.leadStatus.${status}`)}</Badge>;
}

/** One submission as a list row: its number over a line of detail, its status at the end. */
function SubmissionItem({ row, detail }: { row: SubmissionRow; detail: string }) {
  return (
    <li className="flex items-center gap-3 px-5 py-3 text-sm">
      <div className="min-w-0 flex-1">
        <p className="font-medium text-slate-900 tabular-nums">{row.number}</p>
        <p className="mt-0.5 text-xs text-slate-500">{detail}</p>
      </div>
      <StatusBadge status={row.status} />
    </li>
  );
}

/** Requirements: a table on wide screens, stacked rows on phones; the same data either way. */
export function SubmissionList({ rows }: { rows: readonly SubmissionRow[] }) {
  const { t, locale } = useI18n();
  const category = (row: SubmissionRow) => row.categoryName ?? t("common.uncategorised");
  const columns: RecordColumn<SubmissionRow>[] = [
    {
      key: "number",
      header: t("common.number"),
      cell: (row) => row.number,
      className: "font-medium whitespace-nowrap text-slate-900 tabular-nums",
    },
    { key: "category", header: t("account.overview.col.category"), cell: category, className: "text-slate-700" },
    {
      key: "created",
      header: t("account.overview.col.created"),
      cell: (row) => formatMoment(row.createdAt, locale),
      className: "whitespace-nowrap text-slate-500 tabular-nums",
    },
    { key: "status", header: t("account.overview.col.status"), cell: (row) => <StatusBadge status={row.status} /> },
  ];
  return (
    <>
      <ul className="divide-y divide-slate-100 sm:hidden">
        {rows.map((row) => (
          <SubmissionItem key={row.id} row={row} detail={`${category(row)} · ${formatMoment(row.createdAt, locale)}`} />
        ))}
      </ul>
      <div className="hidden sm:block">
        <RecordTable columns={columns} rows={rows} rowKey={(row) => row.id} />
      </div>
    </>
  );
}

/** Orders: when, how many items, where each stands. */
export function OrderList({ rows }: { rows: readonly SubmissionRow[] }) {
  const { t, locale } = useI18n();
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((order) => (
        <SubmissionItem
          key={order.id}
          row={order}
          detail={`${formatMoment(order.createdAt, locale)} · ${t("account.overview.orders.items", { count: order.itemCount })}`}
        />
      ))}
    </ul>
  );
}
