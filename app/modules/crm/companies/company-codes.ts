import type { LookupChoice } from "../lookup-choices.ts";

// Codes of a company's classification fields (seed 000 §2.L.2: 单位类型, 行业, 单位状态, 分类, 等级).
// Type, industry and rating are the admin's system tables (COMPANY_LOOKUP_TABLES; the lists below are
// their starting codes, lookup-defaults.ts): pickers and labels read the tables. Status, category and
// currency are fixed codes labelled by the `companies` i18n namespace. Older rows may hold free text
// (e.g. "最终用户" from lead conversion): it is shown as it is and kept unless the field is changed.

/** The system tables behind a company's type, industry and rating pickers. */
export const COMPANY_LOOKUP_TABLES = { type: "company_type", industry: "industry", rating: "company_rating" } as const;
export type CompanyLookupField = keyof typeof COMPANY_LOOKUP_TABLES;
/** The three tables' values as loaded for a page (loadLookupChoices(db, COMPANY_LOOKUP_TABLES)). */
export type CompanyLookups = Record<CompanyLookupField, LookupChoice[]>;

export const COMPANY_TYPES = [
  "end_user_direct",
  "end_user",
  "customer_end_user",
  "customer_professional",
  "customer_distribution",
  "customer_agent",
  "prospect",
  "partner",
  "competitor",
  "supplier",
] as const;

export const COMPANY_INDUSTRIES = [
  "manufacturing",
  "it",
  "retail",
  "business_services",
  "finance",
  "education",
  "healthcare",
  "government",
  "energy",
  "construction",
  "logistics",
  "other",
] as const;

export const COMPANY_STATUSES = ["active", "dormant", "inactive"] as const;
export const COMPANY_CATEGORIES = ["strategic", "key", "standard"] as const;
export const COMPANY_RATINGS = ["A", "B", "C", "D"] as const;
export const COMPANY_CURRENCIES = ["CNY", "USD", "EUR", "HKD", "JPY"] as const;

export type CompanyType = (typeof COMPANY_TYPES)[number];
export type CompanyIndustry = (typeof COMPANY_INDUSTRIES)[number];
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];
export type CompanyCategory = (typeof COMPANY_CATEGORIES)[number];
export type CompanyRating = (typeof COMPANY_RATINGS)[number];

/** Free-text values older rows carry, mapped to the code they mean (lead conversion writes "最终用户"). */
export const LEGACY_TYPE_CODES: Readonly<Record<string, CompanyType>> = {
  最终用户: "end_user",
  "最终用户-直接": "end_user_direct",
  "客户-最终用户": "customer_end_user",
  "客户-专业": "customer_professional",
  "客户-分销": "customer_distribution",
  "客户-代理": "customer_agent",
  潜在客户: "prospect",
  合作伙伴: "partner",
};

/** Free-text industries older rows and the scale generator carry (seed 000 §2.L.2 values). */
export const LEGACY_INDUSTRY_CODES: Readonly<Record<string, CompanyIndustry>> = {
  IT业: "it",
  制造业: "manufacturing",
  商务服务业: "business_services",
  "零售/批发业": "retail",
};

/** The stored values that mean `code`: the code itself and the legacy free texts mapped to it. */
export function storedValuesOf<T extends string>(code: T, legacy: Readonly<Record<string, T>>): string[] {
  return [code, ...Object.keys(legacy).filter((text) => legacy[text] === code)];
}

function isOneOf<T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return value != null && (values as readonly string[]).includes(value);
}

export const isCompanyType = (v: string | null | undefined): v is CompanyType => isOneOf(COMPANY_TYPES, v);
export const isCompanyIndustry = (v: string | null | undefined): v is CompanyIndustry => isOneOf(COMPANY_INDUSTRIES, v);
export const isCompanyStatus = (v: string | null | undefined): v is CompanyStatus => isOneOf(COMPANY_STATUSES, v);
export const isCompanyCategory = (v: string | null | undefined): v is CompanyCategory => isOneOf(COMPANY_CATEGORIES, v);
export const isCompanyRating = (v: string | null | undefined): v is CompanyRating => isOneOf(COMPANY_RATINGS, v);
