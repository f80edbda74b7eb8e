import { History } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listOrderHistory } from "#app/modules/orders/order-queries.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { Timeline } from "#app/ui/records/timeline.tsx";
import { loadOrderTab } from "#backoffice/components/orders/order-route.server.ts";

// The order's 历史 tab: every step and delivery, who took it and when (newest first).

export async function loader(args: LoaderFunctionArgs) {
  return loadOrderTab(args, async (database, { order }) => ({
    history: await listOrderHistory(database, order.id),
    now: Date.now(),
  }));
}

export default function OrderHistoryTab() {
  const { history, now } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <Card>
      <CardHeader title={t("orders.tabs.history")} icon={<History className="size-4" aria-hidden />} />
      <CardBody>
        <Timeline
          now={now}
          empty="orders.history.empty"
          label={t("orders.tabs.history")}
          items={history.map((h) => ({
            id: h.id,
            at: h.at,
            tone: h.kind === "delivery" ? "green" : "amber",
            title:
              h.kind === "delivery"
                ? t("orders.history.delivery", { count: h.units })
                : h.fromStatus
                  ? t("orders.history.status", {
                      from: t(`orders.status.${h.fromStatus}`),
                      to: t(`orders.status.${h.toStatus}`),
                    })
                  : t(`orders.status.${h.toStatus}`),
            lines: [h.by, h.note].filter((x): x is string => Boolean(x)),
          }))}
        />
      </CardBody>
    </Card>
  );
}
