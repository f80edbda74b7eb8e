import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import type { CompanyRow } from "#app/modules/crm/companies/company-list.server.ts";
import { dateColumn, personColumn, titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { CompanyIndustryText, CompanyTypeText, regionText } from "./company-labels.tsx";

// The company list's columns (ids in COMPANY_COLUMNS, company-list-query.ts).

export const COMPANIES_PATH = "/crm/companies";

export const companyColumns: Array<Column<CompanyRow>> = [
  titleColumn("name", "companies.field.name", (c, card) => <CompanyName row={c} card={card} />, {
    sortKey: "name",
    className: "min-w-56",
  }),
  {
    id: "number",
    header: "companies.field.number",
    sortKey: "number",
    mobile: "hidden",
    className: "whitespace-nowrap font-mono text-xs text-slate-500",
    cell: (c) => c.number,
  },
  {
    id: "type",
    header: "companies.field.type",
    sortKey: "type",
    mobile: "meta",
    className: "whitespace-nowrap text-slate-700",
    cell: (c) => <CompanyTypeText type={c.type} />,
  },
  {
    id: "industry",
    header: "companies.field.industry",
    sortKey: "industry",
    mobile: "hidden",
    className: "whitespace-nowrap text-slate-700",
    cell: (c) => <CompanyIndustryText industry={c.industry} />,
  },
  {
    id: "region",
    header: "companies.field.region",
    sortKey: "region",
    mobile: "meta",
    className: "text-slate-700",
    cell: (c) => regionText(c) || <span className="text-slate-400">—</span>,
  },
  {
    id: "phone",
    header: "companies.field.phone",
    mobile: "hidden",
    defaultHidden: true,
    className: "whitespace-nowrap text-slate-700 tabular-nums",
    cell: (c) => c.phone ?? <span className="text-slate-400">—</span>,
  },
  { ...personColumn("owner", "common.owner", (c: CompanyRow) => c.owner?.name ?? "—"), sortKey: "owner" },
  dateColumn("updated", "companies.field.updatedAt", (c: CompanyRow) => <Day value={c.updatedAt} />, "updated"),
];

function CompanyName({ row, card }: { row: CompanyRow; card: boolean }) {
  return (
    <>
      <RecordLink to={`${COMPANIES_PATH}/${row.id}`} card={card}>
        {row.name}
      </RecordLink>
      {row.shortName ? <p className="text-xs text-slate-500">{row.shortName}</p> : null}
    </>
  );
}

function Day({ value }: { value: Date | null }) {
  const { locale } = useI18n();
  return <>{formatCalendarDate(value, locale)}</>;
}
