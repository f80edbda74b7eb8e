import { Boxes } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { RecordTable } from "#app/ui/records/record-table.tsx";
import { loadOrderTab } from "#backoffice/components/orders/order-route.server.ts";

// The order's 产品明细 tab: the lines as copied from the source (unit price and line total to the
// fen), what has been delivered of each, and where the order came from.

export async function loader(args: LoaderFunctionArgs) {
  return loadOrderTab(args, async (_database, record) => ({ order: record.order }));
}

export default function OrderLinesTab() {
  const { order: o } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const money = (v: string) => formatMoney(v, locale, o.currency);
  type Line = (typeof o.lines)[number];
  return (
    <div className="grid gap-6 lg:grid-cols-[3fr_1fr]">
      <Card>
        <CardHeader title={t("orders.tabs.lines")} icon={<Boxes className="size-4" aria-hidden />} />
        <RecordTable<Line>
          caption={t("orders.tabs.lines")}
          rowKey={(l) => l.id}
          rows={o.lines}
          columns={[
            { key: "pos", header: t("orders.line.position"), cell: (l) => l.position },
            {
              key: "name",
              header: t("orders.line.name"),
              cell: (l) => (
                <>
                  {l.name}
                  <span className="block font-mono text-xs text-slate-500">{l.sku}</span>
                </>
              ),
            },
            {
              key: "qty",
              header: t("orders.line.quantity"),
              numeric: true,
              cell: (l) => `${l.quantity} ${l.unit ?? ""}`,
            },
            { key: "price", header: t("orders.line.unitPrice"), numeric: true, cell: (l) => money(l.unitPrice) },
            { key: "total", header: t("orders.line.total"), numeric: true, cell: (l) => money(l.lineTotal) },
            {
              key: "delivered",
              header: t("orders.line.delivered"),
              numeric: true,
              cell: (l) => `${l.deliveredQuantity}/${l.quantity}`,
            },
            { key: "warranty", header: t("orders.line.warranty"), numeric: true, cell: (l) => l.warrantyMonths ?? "—" },
          ]}
          footer={
            <tr className="border-t border-slate-200 font-medium">
              <td colSpan={4} className="py-3 pr-3 pl-5 text-right">
                {t("orders.lines.total")}
              </td>
              <td className="px-3 py-3 text-right tabular-nums" data-testid="order-lines-total">
                {money(o.totalAmount)}
              </td>
              <td colSpan={2} />
            </tr>
          }
        />
      </Card>
      <Card>
        <CardBody>
          <FactList
            facts={[
              { label: t("orders.facts.source"), value: t(`orders.source.${o.source}`) },
              {
                label: t("orders.facts.company"),
                value: <Link to={`/crm/companies/${o.company.id}`}>{o.company.name}</Link>,
              },
              {
                label: t("orders.facts.contact"),
                value: o.contact ? <Link to={`/crm/contacts/${o.contact.id}`}>{o.contact.fullName}</Link> : null,
              },
              {
                label: t("orders.facts.opportunity"),
                value: o.opportunity ? (
                  <Link to={`/crm/opportunities/${o.opportunity.id}`}>{o.opportunity.name}</Link>
                ) : null,
              },
              {
                label: t("orders.facts.lead"),
                value: o.lead ? <Link to={`/crm/leads/${o.lead.id}`}>{o.lead.number}</Link> : null,
              },
              { label: t("orders.facts.owner"), value: o.owner.name },
              { label: t("orders.facts.invoice"), value: o.invoiceNumber },
            ]}
          />
        </CardBody>
      </Card>
    </div>
  );
}
