import { createContext, useContext, type ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Locale } from "#app/lib/i18n/locales.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import {
  isCompanyCategory,
  isCompanyStatus,
  LEGACY_INDUSTRY_CODES,
  LEGACY_TYPE_CODES,
  type CompanyLookups,
} from "#app/modules/crm/companies/company-codes.ts";
import { lookupChoiceLabel } from "#app/modules/crm/lookup-choices.ts";
import { cn } from "#app/ui/cn.ts";

// Labels of a company's coded fields. Type, industry and rating come from the admin's system tables
// (the page's loader hands them down: <CompanyLookupsProvider> for the cells under it, or passed
// in); status and category from i18n. A legacy free-text value (older rows) shows as it is.

const LookupsContext = createContext<CompanyLookups | null>(null);

export function CompanyLookupsProvider({ value, children }: { value: CompanyLookups; children: ReactNode }) {
  return <LookupsContext.Provider value={value}>{children}</LookupsContext.Provider>;
}

const LEGACY: Partial<Record<keyof CompanyLookups, Readonly<Record<string, string>>>> = {
  type: LEGACY_TYPE_CODES,
  industry: LEGACY_INDUSTRY_CODES,
};

export function companyCodeLabel(
  field: "type" | "industry" | "status" | "category" | "rating",
  value: string | null | undefined,
  t: (key: MessageKey) => string,
  lookups?: { choices: CompanyLookups | null; locale: Locale },
): string {
  if (!value) return "";
  if (field === "type" || field === "industry" || field === "rating") {
    return lookups?.choices ? lookupChoiceLabel(lookups.choices[field], value, lookups.locale, LEGACY[field]) : value;
  }
  if (field === "status" && isCompanyStatus(value)) return t(`companies.status.${value}`);
  if (field === "category" && isCompanyCategory(value)) return t(`companies.category.${value}`);
  return value;
}

/** `companyCodeLabel` with the system-table values of the nearest <CompanyLookupsProvider>. */
export function useCompanyCodeLabel() {
  const { t, locale } = useI18n();
  const choices = useContext(LookupsContext);
  return (field: Parameters<typeof companyCodeLabel>[0], value: string | null | undefined) =>
    companyCodeLabel(field, value, t, { choices, locale });
}

/** 省 · 市 · 区 on one line, without repeating a municipality (北京市 · 北京市 → 北京市). */
export function regionText(c: { province: string | null; city: string | null; district?: string | null }): string {
  const parts = [c.province, c.city !== c.province ? c.city : null, c.district ?? null].filter(Boolean);
  return parts.join(" · ");
}

const STATUS_TONE: Record<string, string> = {
  active: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  dormant: "bg-amber-50 text-amber-700 ring-amber-600/20",
  inactive: "bg-slate-100 text-slate-600 ring-slate-500/20",
};

export function CompanyStatusBadge({ status, className }: { status: string; className?: string }) {
  const { t } = useI18n();
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        STATUS_TONE[status] ?? STATUS_TONE.inactive,
        className,
      )}
    >
      {companyCodeLabel("status", status, t)}
    </span>
  );
}

function LookupText({ field, value }: { field: "type" | "industry"; value: string | null }) {
  const label = useCompanyCodeLabel();
  return value ? <>{label(field, value)}</> : <span className="text-slate-400">—</span>;
}

export function CompanyTypeText({ type }: { type: string | null }) {
  return <LookupText field="type" value={type} />;
}

export function CompanyIndustryText({ industry }: { industry: string | null }) {
  return <LookupText field="industry" value={industry} />;
}
