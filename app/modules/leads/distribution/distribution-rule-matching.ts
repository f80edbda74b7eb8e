// 线索自动分发规则, the pure part: which rules a lead falls under. No database, no clock, so the
// route (preview), the batch job and the tests all share exactly one definition.
//
// Semantics (decision 014):
// - A rule matches when the lead's province or city contains any of its region keywords, OR any
//   of the lead's phone / mobile / fax numbers (contact and company) contains any of its phone
//   keywords. "Contains" is a case-insensitive substring test: `beijing` matches "Beijing Shi",
//   `010-` matches "010-6253 0000".
// - Rules are evaluated in their list order. The FIRST matching rule wins and evaluation stops,
//   unless that rule is marked "also apply" (alsoApply): then later rules are still evaluated.
// - The catch-all rule (其它地区, isCatchAll) never matches by keywords; it takes the leads that no
//   other applied rule matched. When the owner applies only some rules, "no other rule" means none
//   of the rules being applied: the catch-all is relative to the selection.
// - Inactive rules and rules that are not being applied are ignored entirely.

export interface MatchableRule {
  id: number;
  position: number;
  active: boolean;
  isCatchAll: boolean;
  alsoApply: boolean;
  regionKeywords: readonly string[];
  phoneKeywords: readonly string[];
}

export interface MatchableLead {
  companyProvince: string | null;
  companyCity: string | null;
  contactPhone: string | null;
  contactMobile: string | null;
  contactFax: string | null;
  companyPhone: string | null;
  companyFax: string | null;
}

/** The lead columns the matcher reads, for Prisma `select`s. */
export const MATCHABLE_LEAD_SELECT = {
  companyProvince: true,
  companyCity: true,
  contactPhone: true,
  contactMobile: true,
  contactFax: true,
  companyPhone: true,
  companyFax: true,
} as const;

export const MAX_KEYWORDS = 30;
export const MAX_KEYWORD_LENGTH = 50;

/**
 * Keywords as people type them: "北京 OR beijing", "010-, 8610-", one per line, 、 or ；. Trimmed,
 * empty parts dropped, duplicates (ignoring case) dropped, first spelling kept.
 */
export function parseKeywords(input: string): string[] {
  const parts = input.split(/\s+or\s+|[,，;；、\n\r|]+/i);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of parts) {
    const keyword = raw.trim();
    if (!keyword) continue;
    const key = keyword.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(keyword);
  }
  return out;
}

/** The stored JSON column back to a keyword list (anything that is not a string array is empty). */
export function keywordList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === "string" && v.trim() !== "");
}

/** "北京 OR beijing", the way the seed writes a condition. */
export function formatKeywords(keywords: readonly string[]): string {
  return keywords.join(" OR ");
}

function containsAny(values: ReadonlyArray<string | null>, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return false;
  const haystacks = values.filter((v): v is string => !!v).map((v) => v.toLowerCase());
  if (haystacks.length === 0) return false;
  return keywords.some((k) => {
    const needle = k.trim().toLowerCase();
    return needle !== "" && haystacks.some((h) => h.includes(needle));
  });
}

/** Does this (non-catch-all) rule's condition hold for the lead? */
export function ruleConditionHolds(rule: Pick<MatchableRule, "regionKeywords" | "phoneKeywords">, lead: MatchableLead) {
  return (
    containsAny([lead.companyProvince, lead.companyCity], rule.regionKeywords) ||
    containsAny(
      [lead.contactPhone, lead.contactMobile, lead.contactFax, lead.companyPhone, lead.companyFax],
      rule.phoneKeywords,
    )
  );
}

/** Rules in evaluation order: by position, the catch-all last whatever its position. */
export function evaluationOrder<R extends MatchableRule>(rules: readonly R[]): R[] {
  return [...rules].sort((a, b) => Number(a.isCatchAll) - Number(b.isCatchAll) || a.position - b.position);
}

/**
 * The rules that apply to one lead, in evaluation order. `rules` are the rules being applied (the
 * owner's selection); inactive ones are ignored. Returns [] when nothing applies (no catch-all among
 * the applied rules and no match).
 */
export function applicableRules<R extends MatchableRule>(lead: MatchableLead, rules: readonly R[]): R[] {
  const ordered = evaluationOrder(rules.filter((r) => r.active));
  const matched: R[] = [];
  for (const rule of ordered) {
    if (rule.isCatchAll) continue;
    if (!ruleConditionHolds(rule, lead)) continue;
    matched.push(rule);
    if (!rule.alsoApply) break;
  }
  if (matched.length > 0) return matched;
  const catchAll = ordered.find((r) => r.isCatchAll);
  return catchAll ? [catchAll] : [];
}
