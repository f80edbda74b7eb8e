import { ChevronDown, FileDown } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { memberOrderPdfPath } from "#app/modules/catalog/order-pdf-link.ts";
import type { MemberOrders, PortalLeadState } from "#app/modules/orders/portal-orders.server.ts";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";
import { OrderStatusBadge, OrderSteps } from "#app/ui/orders/order-status.tsx";

// The member's "我的订单" rows: a submitted portal order (purchase lead) with its state, and a sales
// order with its fulfilment steps; each opens to its lines.

const LEAD_TONE: Record<PortalLeadState, BadgeTone> = {
  new: "blue",
  working: "amber",
  converted: "green",
  closed: "slate",
};

interface LineRow {
  id: number;
  name: string;
  quantity: number;
  unit: string | null;
  lineTotal: string | null;
}

function OrderRow({
  number,
  badge,
  meta,
  total,
  lines,
  children,
}: {
  number: string;
  badge: ReactNode;
  meta: ReactNode;
  total: string;
  lines: readonly LineRow[];
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  return (
    <li className="px-5 py-4" data-testid="member-order">
      <details className="group">
        <summary className="flex cursor-pointer list-none flex-wrap items-center justify-between gap-x-4 gap-y-2">
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-mono text-sm font-medium text-slate-900">{number}</span>
            {badge}
            <span className="text-xs text-slate-500">{meta}</span>
          </span>
          <span className="flex items-center gap-2 text-sm font-medium text-slate-900 tabular-nums">
            {formatMoney(total, locale)}
            <ChevronDown aria-hidden className="size-4 text-slate-400 transition-transform group-open:rotate-180" />
          </span>
        </summary>
        <ul className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-sm text-slate-600">
          {lines.map((line) => (
            <li key={line.id} className="flex justify-between gap-4">
              <span>
                {line.name} × {line.quantity} {line.unit ?? ""}
              </span>
              <span className="tabular-nums">
                {line.lineTotal === null ? "—" : formatMoney(line.lineTotal, locale)}
              </span>
            </li>
          ))}
        </ul>
        {children}
      </details>
      <span className="sr-only">{t("orders.portal.items", { count: lines.length })}</span>
    </li>
  );
}

export function OrderRequestList({ requests }: { requests: MemberOrders["requests"] }) {
  const { t, locale } = useI18n();
  return (
    <ul className="divide-y divide-slate-100">
      {requests.map((r) => (
        <OrderRow
          key={r.id}
          number={r.number}
          badge={
            <Badge tone={LEAD_TONE[r.state]} dot>
              {t(`orders.portal.lead.${r.state}`)}
            </Badge>
          }
          meta={t("orders.portal.submitted", { date: formatCalendarDate(r.createdAt, locale) })}
          total={r.total}
          lines={r.items.map((i) => ({
            id: i.id,
            name: i.productName ?? i.sku,
            quantity: i.quantity,
            unit: i.unit,
            lineTotal: i.lineTotal,
          }))}
        >
          <a
            href={memberOrderPdfPath(r.id)}
            download
            className="mt-3 inline-flex items-center gap-1.5 text-sm text-blue-700 hover:underline"
          >
            <FileDown aria-hidden className="size-4" />
            {t("orderPdf.download")}
          </a>
        </OrderRow>
      ))}
    </ul>
  );
}

export function SalesOrderList({ orders, showAssets }: { orders: MemberOrders["salesOrders"]; showAssets: boolean }) {
  const { t, locale } = useI18n();
  return (
    <ul className="divide-y divide-slate-100">
      {orders.map((o) => (
        <OrderRow
          key={o.id}
          number={o.number}
          badge={<OrderStatusBadge status={o.status} />}
          meta={formatCalendarDate(o.confirmedAt, locale)}
          total={o.totalAmount}
          lines={o.lines}
        >
          <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
            <OrderSteps status={o.status} dates={o} />
            {showAssets && o.deliveredAt ? (
              <Link to="/zone/assets" className="text-sm font-medium text-blue-700 hover:underline">
                {t("orders.portal.assets")}
              </Link>
            ) : null}
          </div>
        </OrderRow>
      ))}
    </ul>
  );
}
