import { BadgePercent } from "lucide-react";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { priceSchemeList, SCHEME_STATUSES } from "#app/modules/catalog/price-scheme-list-query.ts";
import type { PriceSchemeListRow } from "#app/modules/catalog/price-schemes.server.ts";
import { titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { listScreen, valueSelect } from "#backoffice/components/list-screen.tsx";

// The price-scheme list (/crm/price-schemes): its fixed setup beside its columns.

export const SCHEMES_PATH = "/crm/price-schemes";

type Status = (typeof SCHEME_STATUSES)[number];
const STATUS_TONE: Record<Status, string> = {
  draft: "bg-slate-100 text-slate-700",
  pending: "bg-amber-50 text-amber-800",
  approved: "bg-emerald-50 text-emerald-800",
  rejected: "bg-rose-50 text-rose-800",
  discarded: "bg-slate-100 text-slate-500 line-through",
};

export function SchemeStatus({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_TONE[status]}`}>
      {t(`catalog.scheme.status.${status}`)}
    </span>
  );
}

type Row = Omit<PriceSchemeListRow, "validFrom" | "validTo"> & {
  validFrom: Date | string | null;
  validTo: Date | string | null;
};

export function SchemeApplies({ row }: { row: Pick<Row, "product" | "category"> }) {
  const { t } = useI18n();
  if (row.product) return <>{`${row.product.name}（${row.product.sku}）`}</>;
  return <>{row.category ? `${t("catalog.scheme.category")}：${row.category.name}` : "—"}</>;
}

export function SchemeAudience({ row }: { row: Pick<Row, "company" | "memberLevel"> }) {
  const { t } = useI18n();
  if (row.company) return <>{row.company.name}</>;
  return <>{row.memberLevel ? t(`catalog.product.portal.${row.memberLevel}`) : t("catalog.scheme.audience.all")}</>;
}

export function SchemePeriod({ row }: { row: Pick<Row, "validFrom" | "validTo"> }) {
  const { t, locale } = useI18n();
  if (!row.validFrom && !row.validTo) return <>{t("catalog.scheme.open")}</>;
  return (
    <span className="whitespace-nowrap tabular-nums">
      {row.validFrom ? formatCalendarDate(row.validFrom, locale) : "…"} –{" "}
      {row.validTo ? formatCalendarDate(row.validTo, locale) : "…"}
    </span>
  );
}

function TierCount({ count }: { count: number }) {
  const { t } = useI18n();
  return <>{t("catalog.scheme.tierCount", { count })}</>;
}

const schemeColumns: Array<Column<Row>> = [
  titleColumn(
    "name",
    "catalog.scheme.name",
    (r, card) => (
      <RecordLink to={`${SCHEMES_PATH}/${r.id}`} card={card}>
        {r.name}
      </RecordLink>
    ),
    { sortKey: "name" },
  ),
  { id: "applies", header: "catalog.scheme.applies", cell: (r) => <SchemeApplies row={r} />, mobile: "meta" },
  { id: "audience", header: "catalog.scheme.audience", cell: (r) => <SchemeAudience row={r} />, mobile: "meta" },
  { id: "period", header: "catalog.scheme.period", cell: (r) => <SchemePeriod row={r} />, mobile: "hidden" },
  { id: "tiers", header: "catalog.scheme.tiers", cell: (r) => <TierCount count={r._count.tiers} />, mobile: "hidden" },
  { id: "status", header: "catalog.scheme.status", cell: (r) => <SchemeStatus status={r.status} />, mobile: "meta" },
];

export const schemesScreen = listScreen({
  path: SCHEMES_PATH,
  kit: priceSchemeList,
  heading: { eyebrow: "backoffice.module.catalog.name", icon: BadgePercent },
  title: "catalog.schemes.title",
  description: "catalog.schemes.description",
  search: { placeholder: "catalog.schemes.search" },
  selects: [valueSelect("status", "catalog.scheme.status", SCHEME_STATUSES, (v) => `catalog.scheme.status.${v}`)],
  table: { columns: schemeColumns, rowKey: (r) => r.id },
  empty: {
    title: "catalog.schemes.empty.title",
    description: "catalog.schemes.empty.description",
    filteredTitle: "catalog.schemes.filtered.title",
    filteredDescription: "catalog.schemes.filtered.description",
  },
});
