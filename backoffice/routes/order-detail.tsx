import { CircleAlert, ReceiptText, UserRound } from "lucide-react";
import { Link, Outlet, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ORDERS_PATH, orderPath } from "#app/modules/orders/order-paths.ts";
import { getSalesOrder } from "#app/modules/orders/order-queries.server.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { OrderStatusBadge, OrderSteps } from "#app/ui/orders/order-status.tsx";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { TabNav } from "#app/ui/tab-nav.tsx";
import { ORDER_POLICY } from "#backoffice/components/orders/order-route.server.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One 销售订单 (/crm/sales-orders/:orderId): number, status, total, customer, the fulfilment path,
// and a tab per part (products, fulfilment, assets, history). Outside the actor's scope → 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, ORDER_POLICY, params.orderId, getSalesOrder);
}

export const meta = recordMeta<typeof loader>("orders.title", (d) => ["orders.metaTitle", { number: d.order.number }]);

export default function OrderLayout() {
  const { order: o, canModify } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const base = orderPath(o.id);
  const tabs = [
    { to: base, label: t("orders.tabs.lines"), end: true, count: o.lines.length },
    { to: `${base}/fulfilment`, label: t("orders.tabs.fulfilment") },
    { to: `${base}/assets`, label: t("orders.tabs.assets") },
    { to: `${base}/history`, label: t("orders.tabs.history") },
  ];
  return (
    <div className="space-y-6">
      <BackLink to={ORDERS_PATH}>{t("orders.back")}</BackLink>
      <PageHeader
        eyebrow={<span className="font-mono">{o.number}</span>}
        title={
          <Link to={`/crm/companies/${o.company.id}`} className="hover:text-blue-700">
            {o.company.name}
          </Link>
        }
        icon={<ReceiptText className="size-6" aria-hidden />}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <OrderStatusBadge status={o.status} />
            <span className="font-medium text-slate-900 tabular-nums" data-testid="order-total">
              {formatMoney(o.totalAmount, locale, o.currency)}
            </span>
            <span>{t(`orders.source.${o.source}`)}</span>
            <span className="inline-flex items-center gap-1">
              <UserRound className="size-4 text-slate-400" aria-hidden />
              {o.owner.name}
            </span>
          </span>
        }
      />
      <OrderSteps status={o.status} dates={o} />
      {!canModify ? (
        <div className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
          <CircleAlert className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden />
          <p>{t("orders.readOnly")}</p>
        </div>
      ) : null}
      <TabNav label={t("orders.tabs.label")} tabs={tabs} />
      <div className="min-w-0 space-y-6">
        <Outlet />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={ORDERS_PATH} backLabel="orders.back" />;
}
