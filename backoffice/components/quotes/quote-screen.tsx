import { FileText } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fenMoney } from "#app/modules/quotes/quote-format.ts";
import { QUOTE_STATUSES, quoteList } from "#app/modules/quotes/quote-list-query.ts";
import type { QuoteListRow } from "#app/modules/quotes/quote-read.server.ts";
import { titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { QuoteStatusBadge } from "#app/ui/quotes/quote-parts.tsx";
import { listScreen, valueSelect } from "#backoffice/components/list-screen.tsx";

// The quote list (/crm/quotes): its fixed setup beside its columns.

export const QUOTES_PATH = "/crm/quotes";

type Row = Omit<QuoteListRow, "validUntil"> & { validUntil: Date | string };

function Money({ fen, currency }: { fen: number; currency: string }) {
  const { locale } = useI18n();
  return <span className="tabular-nums">{fenMoney(fen, locale, currency)}</span>;
}

const columns: Array<Column<Row>> = [
  titleColumn("title", "quotes.field.title", (r, card) => (
    <RecordLink to={`${QUOTES_PATH}/${r.id}`} card={card}>
      {r.title}
      <span className="block font-mono text-xs font-normal text-slate-400">
        {r.number} · v{r.version}
      </span>
    </RecordLink>
  )),
  { id: "company", header: "quotes.field.company", cell: (r) => r.company.name, mobile: "meta" },
  { id: "status", header: "quotes.field.status", cell: (r) => <QuoteStatusBadge status={r.status} />, mobile: "meta" },
  {
    id: "total",
    header: "quotes.field.total",
    cell: (r) => <Money fen={r.totalFen} currency={r.currency} />,
    mobile: "meta",
  },
  {
    id: "validUntil",
    header: "quotes.field.validUntil",
    cell: (r) => String(r.validUntil).slice(0, 10),
    mobile: "hidden",
    sortKey: "validUntil",
  },
  { id: "owner", header: "quotes.field.owner", cell: (r) => r.owner.name, mobile: "hidden" },
];

export const quotesScreen = listScreen({
  path: QUOTES_PATH,
  kit: quoteList,
  heading: { eyebrow: "backoffice.module.opportunities.name", icon: FileText },
  title: "quotes.title",
  description: "quotes.description",
  search: { placeholder: "quotes.search" },
  selects: [valueSelect("status", "quotes.field.status", QUOTE_STATUSES, (v) => `quotes.status.${v}`)],
  table: { columns, rowKey: (r) => r.id },
  empty: {
    title: "quotes.empty.title",
    description: "quotes.empty.description",
    filteredTitle: "quotes.filtered.title",
    filteredDescription: "quotes.filtered.description",
  },
});
