import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import {
  discountLabel,
  fenMoney,
  QUOTE_STATUS_KEYS,
  taxRateLabel,
  type QuoteStatusName,
} from "#app/modules/quotes/quote-format.ts";
import { Badge, type BadgeTone } from "../badge.tsx";
import { ProductLinesTable } from "../records/line-editor.tsx";

// A quote's parts that both the back office and the customer zone show: the status badge and the
// product list with its totals (read-only; the editor adds its own inputs through `editCell`).

const TONE: Record<QuoteStatusName, BadgeTone> = {
  draft: "slate",
  pending_approval: "amber",
  approved: "blue",
  sent: "violet",
  accepted: "green",
  changes_requested: "amber",
  rejected: "red",
  expired: "slate",
  superseded: "slate",
};

export function QuoteStatusBadge({ status, testId }: { status: string; testId?: string }) {
  const { t } = useI18n();
  const known = (Object.hasOwn(QUOTE_STATUS_KEYS, status) ? status : "draft") as QuoteStatusName;
  return (
    <Badge tone={TONE[known]} dot data-testid={testId}>
      {t(QUOTE_STATUS_KEYS[known])}
    </Badge>
  );
}

export interface QuoteLineView {
  id: number;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  unitPriceFen: number;
  discountBp: number;
  taxRateBp: number;
  lineTotalFen: number;
}

export function QuoteLinesTable<L extends QuoteLineView>({
  lines,
  totals,
  currency = "CNY",
  editCell,
}: {
  lines: readonly L[];
  totals: { netFen: number; taxFen: number; totalFen: number };
  currency?: string;
  /** The editor's inputs for a line (quantity, price, discount), in place of the read-only figures. */
  editCell?: (line: L) => ReactNode;
}) {
  const { t, locale } = useI18n();
  const money = (fen: number) => fenMoney(fen, locale, currency);
  const totalRow = (label: string, fen: number, strong = false) => (
    <tr key={label} className={strong ? "font-semibold text-slate-900" : "text-slate-600"}>
      <td className="py-1.5 pl-5 text-right" colSpan={editCell ? 2 : 5}>
        {label}
      </td>
      <td className="py-1.5 pr-5 text-right tabular-nums" data-testid={strong ? "quote-total" : undefined}>
        {money(fen)}
      </td>
    </tr>
  );
  return (
    <ProductLinesTable
      caption={t("quotes.lines.title")}
      empty={t("quotes.lines.none")}
      productHeader={t("quotes.line.product")}
      lines={lines}
      columns={[
        editCell
          ? {
              key: "edit",
              header: `${t("quotes.line.quantity")} · ${t("quotes.line.unitPrice")} · ${t("quotes.line.discount")}`,
              cell: editCell,
            }
          : false,
        !editCell && {
          key: "quantity",
          header: t("quotes.line.quantity"),
          numeric: true,
          cell: (l) => `${l.quantity} ${l.unit}`,
        },
        !editCell && {
          key: "price",
          header: t("quotes.line.unitPrice"),
          numeric: true,
          cell: (l) => money(l.unitPriceFen),
        },
        !editCell && {
          key: "discount",
          header: t("quotes.line.discount"),
          numeric: true,
          cell: (l) => discountLabel(l.discountBp, locale),
        },
        !editCell && {
          key: "tax",
          header: t("quotes.line.taxRate"),
          numeric: true,
          cell: (l) => taxRateLabel(l.taxRateBp),
        },
        { key: "total", header: t("quotes.line.total"), numeric: true, cell: (l) => money(l.lineTotalFen) },
      ]}
      footer={
        <>
          {totalRow(t("quotes.total.net"), totals.netFen)}
          {totalRow(t("quotes.total.tax"), totals.taxFen)}
          {totalRow(t("quotes.total.gross"), totals.totalFen, true)}
        </>
      }
    />
  );
}
