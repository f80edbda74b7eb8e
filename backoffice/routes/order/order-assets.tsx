import { Package } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listOrderAssets } from "#app/modules/orders/order-queries.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { RecordTable } from "#app/ui/records/record-table.tsx";
import { AssetStatusTag } from "#app/ui/service/status-tags.tsx";
import { linkColumn } from "#backoffice/components/record-link-column.tsx";
import { loadOrderTab } from "#backoffice/components/orders/order-route.server.ts";

// The order's 客户资产 tab: the assets its deliveries made (one per unit, or per delivery of a large
// consumables line), each linking to the asset page where serials and warranty can be corrected.

export async function loader(args: LoaderFunctionArgs) {
  return loadOrderTab(args, async (database, { order }) => ({ assets: await listOrderAssets(database, order.id) }));
}

export default function OrderAssetsTab() {
  const { assets } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  type Row = (typeof assets)[number];
  return (
    <Card>
      <CardHeader title={t("orders.tabs.assets")} icon={<Package className="size-4" aria-hidden />} />
      {assets.length === 0 ? (
        <CardBody>
          <p className="text-sm text-slate-500">{t("orders.assets.empty")}</p>
        </CardBody>
      ) : (
        <RecordTable<Row>
          caption={t("orders.tabs.assets")}
          rows={assets}
          rowKey={(a) => a.id}
          columns={[
            linkColumn("name", t("orders.line.name"), (a) => ({
              to: `/crm/assets/${a.id}`,
              label: a.name,
              sub: a.number,
            })),
            {
              key: "serial",
              header: t("orders.assets.serial"),
              cell: (a) => <span className="font-mono text-xs">{a.serialNumber ?? "—"}</span>,
            },
            { key: "qty", header: t("orders.line.quantity"), numeric: true, cell: (a) => a.quantity },
            {
              key: "warranty",
              header: t("orders.assets.warrantyEnd"),
              cell: (a) => (a.warrantyEnd ? formatCalendarDate(a.warrantyEnd, locale) : "—"),
            },
            { key: "status", header: t("orders.col.status"), cell: (a) => <AssetStatusTag status={a.status} /> },
          ]}
        />
      )}
    </Card>
  );
}
