import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { RecordTable } from "#app/ui/records/record-table.tsx";

// The products of a lead, an opportunity or a conversion preview: name over SKU and the quantity,
// and, where the items are priced, unit price, line total and the sum.

export interface LineItem {
  sku: string;
  /** The product's name; null for a SKU no longer in the catalogue. */
  name: string | null;
  quantity: number;
  unitPrice?: string;
  total?: string;
}

export function LineItemsTable({ caption, items, sum }: { caption: string; items: LineItem[]; sum?: number }) {
  const { t, locale } = useI18n();
  const priced = sum !== undefined;
  const money = (value: string | undefined) => (value === undefined ? null : formatMoney(value, locale));
  return (
    <RecordTable
      caption={caption}
      rows={items}
      rowKey={(item, index) => `${item.sku}-${index}`}
      columns={[
        {
          key: "product",
          header: t("sales.item.product"),
          cell: (item) => (
            <>
              <p className="text-slate-900">{item.name ?? <span className="text-slate-400">—</span>}</p>
              <p className="font-mono text-xs text-slate-400">{item.sku}</p>
            </>
          ),
        },
        { key: "quantity", header: t("common.quantity"), numeric: true, cell: (item) => item.quantity },
        priced && { key: "price", header: t("sales.item.price"), numeric: true, cell: (item) => money(item.unitPrice) },
        priced && {
          key: "total",
          header: t("sales.item.total"),
          numeric: true,
          className: "font-medium",
          cell: (item) => money(item.total),
        },
      ]}
      footer={
        priced ? (
          <tr>
            <th scope="row" colSpan={3} className="px-5 py-2.5 text-right text-sm font-medium text-slate-600">
              {t("sales.item.sum")}
            </th>
            <td className="px-5 py-2.5 text-right font-semibold tabular-nums">{formatMoney(sum, locale)}</td>
          </tr>
        ) : null
      }
    />
  );
}
