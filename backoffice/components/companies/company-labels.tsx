import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import {
  isCompanyCategory,
  isCompanyIndustry,
  isCompanyRating,
  isCompanyStatus,
  isCompanyType,
  LEGACY_INDUSTRY_CODES,
  LEGACY_TYPE_CODES,
} from "#app/modules/crm/companies/company-codes.ts";
import { cn } from "#app/ui/cn.ts";

// Labels of a company's coded fields; a legacy free-text value (older rows) shows as it is.

export function companyCodeLabel(
  field: "type" | "industry" | "status" | "category" | "rating",
  value: string | null | undefined,
  t: (key: MessageKey) => string,
): string {
  if (!value) return "";
  const type = LEGACY_TYPE_CODES[value] ?? value;
  const industry = LEGACY_INDUSTRY_CODES[value] ?? value;
  if (field === "type" && isCompanyType(type)) return t(`companies.type.${type}`);
  if (field === "industry" && isCompanyIndustry(industry)) return t(`companies.industry.${industry}`);
  if (field === "status" && isCompanyStatus(value)) return t(`companies.status.${value}`);
  if (field === "category" && isCompanyCategory(value)) return t(`companies.category.${value}`);
  if (field === "rating" && isCompanyRating(value)) return t(`companies.rating.${value}`);
  return value;
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

export function CompanyTypeText({ type }: { type: string | null }) {
  const { t } = useI18n();
  return type ? <>{companyCodeLabel("type", type, t)}</> : <span className="text-slate-400">—</span>;
}

export function CompanyIndustryText({ industry }: { industry: string | null }) {
  const { t } = useI18n();
  return industry ? <>{companyCodeLabel("industry", industry, t)}</> : <span className="text-slate-400">—</span>;
}
