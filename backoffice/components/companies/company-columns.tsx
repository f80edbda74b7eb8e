import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import type { CompanyRow } from "#app/modules/crm/companies/company-list.server.ts";
import { dateColumn, personColumn, titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { codeColumn, textColumn } from "../list-columns.tsx";
import { CompanyIndustryText, CompanyTypeText, regionText } from "./company-labels.tsx";

// The company list's columns (ids in COMPANY_COLUMNS, company-list-query.ts).

export const COMPANIES_PATH = "/crm/companies";

const muted = <span className="text-slate-400">—</span>;

export const companyColumns: Array<Column<CompanyRow>> = [
  titleColumn("name", "companies.field.name", (c, card) => <CompanyName row={c} card={card} />, {
    sortKey: "name",
    className: "min-w-56",
  }),
  codeColumn("number", "companies.field.number", (c) => c.number),
  textColumn("type", "companies.field.type", (c) => <CompanyTypeText type={c.type} />, { nowrap: true }),
  textColumn("industry", "companies.field.industry", (c) => <CompanyIndustryText industry={c.industry} />, {
    nowrap: true,
    mobile: "hidden",
  }),
  textColumn("region", "companies.field.region", (c) => regionText(c) || muted),
  textColumn("phone", "companies.field.phone", (c) => c.phone ?? muted, {
    nowrap: true,
    digits: true,
    mobile: "hidden",
    sortable: false,
    defaultHidden: true,
  }),
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
