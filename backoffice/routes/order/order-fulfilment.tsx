import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fulfilmentIntents } from "#app/modules/orders/order-actions.server.ts";
import { mayDeliver } from "#app/modules/orders/order-status.ts";
import { businessDay, isoDay } from "#app/modules/service/service-dates.ts";
import { FailureNotice, fieldErrors } from "#app/ui/form/index.ts";
import { AdvanceCard, DeliveryCard } from "#backoffice/components/orders/order-fulfilment-forms.tsx";
import { loadOrderTab, orderTabAction } from "#backoffice/components/orders/order-route.server.ts";

// The order's 履行与交付 tab: the next step (shipped, accepted, invoiced, paid, or cancelled before
// shipping) and, once shipped, deliveries — whose units become the customer's assets.

export async function loader(args: LoaderFunctionArgs) {
  return loadOrderTab(args, async (_database, { order }) => ({
    status: order.status,
    version: order.updatedAt.toISOString(),
    lines: order.lines,
    today: isoDay(businessDay(new Date())),
  }));
}

export async function action(args: ActionFunctionArgs) {
  return orderTabAction(args, "fulfilment", fulfilmentIntents);
}

export default function OrderFulfilmentTab() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = fieldErrors(result);
  const allDelivered = d.lines.every((l) => l.deliveredQuantity >= l.quantity);
  return (
    <div className="space-y-6">
      <FailureNotice result={result} />
      {d.canModify ? <AdvanceCard status={d.status} version={d.version} errors={errors} /> : null}
      {d.canModify && mayDeliver(d.status) ? (
        <DeliveryCard lines={d.lines} version={d.version} today={d.today} errors={errors} />
      ) : (
        <p className="text-sm text-slate-600">
          {d.status === "confirmed" ? t("orders.deliver.notYet") : allDelivered ? t("orders.deliver.done") : null}
        </p>
      )}
    </div>
  );
}
