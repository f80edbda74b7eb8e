import { ReceiptText } from "lucide-react";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ORDERS_PATH } from "#app/modules/orders/order-paths.ts";
import { orderList } from "#app/modules/orders/order-list-query.ts";
import type { OrderListRow } from "#app/modules/orders/order-queries.server.ts";
import { ORDER_SOURCES, ORDER_STATUSES } from "#app/modules/orders/order-status.ts";
import { badgeColumn, personColumn, titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { OrderStatusBadge } from "#app/ui/orders/order-status.tsx";
import { listScreen, valueSelect } from "../list-screen.tsx";

// The sales-order list page: columns (ids in ORDER_COLUMNS), filters and texts.

function OrderNumber({ row, card }: { row: OrderListRow; card: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <RecordLink to={`${ORDERS_PATH}/${row.id}`} card={card}>
        <span className="font-mono">{row.number}</span>
      </RecordLink>
      <span className="block text-xs text-slate-500">{t("orders.portal.items", { count: row._count.lines })}</span>
    </>
  );
}

function Money({ row }: { row: OrderListRow }) {
  const { locale } = useI18n();
  return <>{formatMoney(row.totalAmount, locale, row.currency)}</>;
}

function Day({ value }: { value: Date }) {
  const { locale } = useI18n();
  return <>{formatCalendarDate(value, locale)}</>;
}

function Source({ row }: { row: OrderListRow }) {
  const { t } = useI18n();
  return <>{t(`orders.source.${row.source}`)}</>;
}

const columns: Array<Column<OrderListRow>> = [
  titleColumn("number", "orders.col.number", (r, card) => <OrderNumber row={r} card={card} />, { sortKey: "number" }),
  { id: "company", header: "orders.col.company", cell: (r) => r.company.name, sortKey: "company", mobile: "meta" },
  { ...badgeColumn("status", "orders.col.status", (r) => <OrderStatusBadge status={r.status} />), sortKey: "status" },
  { id: "source", header: "orders.col.source", cell: (r) => <Source row={r} />, mobile: "hidden" },
  {
    id: "total",
    header: "orders.col.total",
    sortKey: "total",
    mobile: "meta",
    className: "text-right whitespace-nowrap tabular-nums text-slate-900",
    cell: (r) => <Money row={r} />,
  },
  personColumn("owner", "orders.col.owner", (r) => r.owner.name),
  {
    id: "created",
    header: "orders.col.created",
    sortKey: "created",
    mobile: "hidden",
    className: "whitespace-nowrap text-slate-600",
    cell: (r) => <Day value={r.createdAt} />,
  },
];

export const ordersScreen = listScreen({
  path: ORDERS_PATH,
  kit: orderList,
  heading: { eyebrow: "orders.one", icon: ReceiptText },
  title: "orders.title",
  description: "orders.description",
  search: { id: "orders-q", placeholder: "orders.search" },
  selects: [
    { ...valueSelect("status", "orders.filter.status", ORDER_STATUSES, (s) => `orders.status.${s}` as const) },
    { ...valueSelect("source", "orders.filter.source", ORDER_SOURCES, (s) => `orders.source.${s}` as const) },
  ],
  table: {
    columns,
    rowKey: (r) => r.id,
    cardAside: (r) => <OrderStatusBadge status={r.status} />,
    label: "orders.title",
  },
  empty: { icon: ReceiptText, title: "orders.empty.title", description: "orders.empty.body" },
});
