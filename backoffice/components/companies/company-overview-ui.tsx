import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { formatCalendarDate, formatDateTime } from "#app/lib/format/dates.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import type { CompanyWorkspace } from "#app/modules/crm/companies/company-workspace.server.ts";
import { FactList, type Fact } from "#app/ui/records/fact-list.tsx";
import { regionText, useCompanyCodeLabel } from "./company-labels.tsx";

// The overview tab's parts: the key figures (each within the viewer's scope of its module) and the
// fact list of every company field.

export interface CompanyFigures {
  openOpportunities: { count: number; amount: string } | null;
  wonThisYear: { count: number; amount: string } | null;
  openRequests: number | null;
  lastContactAt: Date | null;
}

export function CompanyKeyFigures({ figures }: { figures: CompanyFigures }) {
  const { t, locale } = useI18n();
  const none = t("companies.figures.noAccess");
  const items = [
    {
      label: t("companies.figures.openOpportunities"),
      value: figures.openOpportunities ? formatMoney(figures.openOpportunities.amount, locale) : none,
      sub: figures.openOpportunities ? t("companies.figures.count", { count: figures.openOpportunities.count }) : null,
    },
    {
      label: t("companies.figures.wonThisYear"),
      value: figures.wonThisYear ? formatMoney(figures.wonThisYear.amount, locale) : none,
      sub: figures.wonThisYear ? t("companies.figures.count", { count: figures.wonThisYear.count }) : null,
    },
    {
      label: t("companies.figures.openRequests"),
      value: figures.openRequests === null ? none : String(figures.openRequests),
      sub: null,
    },
    {
      label: t("companies.figures.lastContact"),
      value: figures.lastContactAt ? formatCalendarDate(figures.lastContactAt, locale) : t("companies.figures.never"),
      sub: null,
    },
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {items.map((s) => (
        <div key={s.label} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <dt className="text-xs text-slate-500">{s.label}</dt>
          <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{s.value}</dd>
          {s.sub ? <dd className="text-xs text-slate-500">{s.sub}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

export function CompanyFacts({ company }: { company: CompanyWorkspace["company"] }) {
  const { t, locale } = useI18n();
  const codeLabel = useCompanyCodeLabel();
  const money = (v: string | null) => (v === null ? null : formatMoney(v, locale, company.currency));
  const facts: Fact[] = [
    { label: t("companies.field.number"), value: <span className="font-mono">{company.number}</span> },
    { label: t("companies.field.name"), value: company.name },
    { label: t("companies.field.shortName"), value: company.shortName },
    { label: t("companies.field.type"), value: codeLabel("type", company.type) },
    { label: t("companies.field.industry"), value: codeLabel("industry", company.industry) },
    { label: t("companies.field.status"), value: codeLabel("status", company.status) },
    { label: t("companies.field.category"), value: codeLabel("category", company.category) },
    { label: t("companies.field.rating"), value: codeLabel("rating", company.rating) },
    { label: t("companies.field.region"), value: regionText(company) },
    { label: t("companies.field.address"), value: company.address },
    { label: t("companies.field.postcode"), value: company.postcode },
    { label: t("companies.field.phone"), value: [company.phone, company.phone2].filter(Boolean).join(" / ") },
    { label: t("companies.field.fax"), value: company.fax },
    { label: t("companies.field.email"), value: company.email },
    { label: t("companies.field.website"), value: company.website },
    { label: t("companies.field.currency"), value: company.currency },
    { label: t("companies.field.salesAmount"), value: money(company.salesAmount) },
    { label: t("companies.field.profitAmount"), value: money(company.profitAmount) },
    { label: t("companies.field.parent"), value: company.parent?.name },
    { label: t("companies.field.owner"), value: company.owner?.name },
    { label: t("companies.field.team"), value: company.team?.name },
    { label: t("companies.field.createdAt"), value: formatDateTime(company.createdAt, locale) },
    { label: t("companies.field.updatedAt"), value: formatDateTime(company.updatedAt, locale) },
    { label: t("companies.field.description"), value: company.description },
  ];
  return <FactList layout="grid" facts={facts} />;
}
