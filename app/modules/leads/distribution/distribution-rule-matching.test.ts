import { describe, expect, it } from "vitest";
import {
  applicableRules,
  evaluationOrder,
  formatKeywords,
  keywordList,
  parseKeywords,
  ruleConditionHolds,
  type MatchableLead,
  type MatchableRule,
} from "./distribution-rule-matching.ts";

// The seed's worked example (000.md §2.H.1): 北京, 上海, 其它地区.
const beijing: MatchableRule = {
  id: 1,
  position: 0,
  active: true,
  isCatchAll: false,
  alsoApply: false,
  regionKeywords: parseKeywords("北京 OR beijing"),
  phoneKeywords: parseKeywords("010- OR 8610-"),
};
const shanghai: MatchableRule = {
  id: 2,
  position: 1,
  active: true,
  isCatchAll: false,
  alsoApply: false,
  regionKeywords: parseKeywords("上海 OR shanghai"),
  phoneKeywords: parseKeywords("021- OR 8621-"),
};
const others: MatchableRule = {
  id: 3,
  position: 2,
  active: true,
  isCatchAll: true,
  alsoApply: false,
  regionKeywords: [],
  phoneKeywords: [],
};
const seedRules = [beijing, shanghai, others];

function lead(fields: Partial<MatchableLead> = {}): MatchableLead {
  return {
    companyProvince: null,
    companyCity: null,
    contactPhone: null,
    contactMobile: null,
    contactFax: null,
    companyPhone: null,
    companyFax: null,
    ...fields,
  };
}

const ids = (rules: MatchableRule[]) => rules.map((r) => r.id);

describe("keyword lists", () => {
  it("reads the seed's OR lists and other separators, dropping blanks and case-duplicates", () => {
    expect(parseKeywords("北京 OR beijing")).toEqual(["北京", "beijing"]);
    expect(parseKeywords("010- or 8610-")).toEqual(["010-", "8610-"]);
    expect(parseKeywords(" 上海，shanghai、 SHANGHAI ;\n沪 ")).toEqual(["上海", "shanghai", "沪"]);
    expect(parseKeywords("  ")).toEqual([]);
    // "or" inside a word is not a separator.
    expect(parseKeywords("Oregon OR york")).toEqual(["Oregon", "york"]);
  });

  it("formats back to the OR notation and reads only string arrays from JSON", () => {
    expect(formatKeywords(["北京", "beijing"])).toBe("北京 OR beijing");
    expect(keywordList(["a", 3, "", "b"])).toEqual(["a", "b"]);
    expect(keywordList({ a: 1 })).toEqual([]);
    expect(keywordList(null)).toEqual([]);
  });
});

describe("a rule's condition", () => {
  it("matches province or city by substring, ignoring case", () => {
    expect(ruleConditionHolds(beijing, lead({ companyProvince: "北京市" }))).toBe(true);
    expect(ruleConditionHolds(beijing, lead({ companyCity: "BEIJING" }))).toBe(true);
    expect(ruleConditionHolds(beijing, lead({ companyCity: "Beijing Shi" }))).toBe(true);
    expect(ruleConditionHolds(shanghai, lead({ companyProvince: "ShangHai" }))).toBe(true);
    expect(ruleConditionHolds(beijing, lead({ companyProvince: "上海市" }))).toBe(false);
  });

  it("matches any phone, mobile or fax field of the contact or the company", () => {
    expect(ruleConditionHolds(beijing, lead({ contactPhone: "010-62530000" }))).toBe(true);
    expect(ruleConditionHolds(beijing, lead({ contactMobile: "+8610-62530000" }))).toBe(true);
    expect(ruleConditionHolds(beijing, lead({ contactFax: "010-62530001" }))).toBe(true);
    expect(ruleConditionHolds(beijing, lead({ companyPhone: "8610-88886666" }))).toBe(true);
    expect(ruleConditionHolds(shanghai, lead({ companyFax: "021-55556666" }))).toBe(true);
    // Substring, not prefix-of-digits: "021-" does not occur in "0210-1234".
    expect(ruleConditionHolds(shanghai, lead({ contactPhone: "0210-1234" }))).toBe(false);
    expect(ruleConditionHolds(beijing, lead({ contactMobile: "13800138000" }))).toBe(false);
  });

  it("does not match region keywords against phones or phone keywords against regions", () => {
    const odd: MatchableRule = { ...beijing, regionKeywords: ["010"], phoneKeywords: ["北京"] };
    expect(ruleConditionHolds(odd, lead({ contactPhone: "010-1234", companyProvince: "北京" }))).toBe(false);
  });

  it("never matches with empty keyword lists or an empty lead", () => {
    expect(ruleConditionHolds({ regionKeywords: [], phoneKeywords: [] }, lead({ companyCity: "北京" }))).toBe(false);
    expect(ruleConditionHolds(beijing, lead())).toBe(false);
  });
});

describe("which rules apply to a lead", () => {
  it("routes the worked example's leads: 北京, 上海, everything else to 其它地区", () => {
    expect(ids(applicableRules(lead({ companyProvince: "北京" }), seedRules))).toEqual([1]);
    expect(ids(applicableRules(lead({ contactPhone: "021-6888 0000" }), seedRules))).toEqual([2]);
    expect(ids(applicableRules(lead({ companyCity: "Shanghai" }), seedRules))).toEqual([2]);
    expect(ids(applicableRules(lead({ companyProvince: "广东", companyCity: "深圳" }), seedRules))).toEqual([3]);
    expect(ids(applicableRules(lead(), seedRules))).toEqual([3]);
  });

  it("first match wins: a lead matching two rules goes to the earlier one only", () => {
    // A Beijing company with a Shanghai phone number.
    const both = lead({ companyProvince: "北京", contactPhone: "021-12345678" });
    expect(ids(applicableRules(both, seedRules))).toEqual([1]);
    const swapped = [{ ...beijing, position: 5 }, shanghai, others];
    expect(ids(applicableRules(both, swapped))).toEqual([2]);
  });

  it("an also-apply rule lets evaluation continue to the next matching rule", () => {
    const both = lead({ companyProvince: "北京", contactPhone: "021-12345678" });
    const rules = [{ ...beijing, alsoApply: true }, shanghai, others];
    expect(ids(applicableRules(both, rules))).toEqual([1, 2]);
    // Only Beijing matches: the also-apply flag does not drag in the catch-all.
    expect(ids(applicableRules(lead({ companyCity: "北京" }), rules))).toEqual([1]);
  });

  it("evaluation stops at the first rule that matches without also-apply", () => {
    const national: MatchableRule = { ...shanghai, id: 4, position: 3, regionKeywords: ["北京", "上海"] };
    const rules = [{ ...beijing, alsoApply: true }, shanghai, national, others];
    // 北京 (also apply) → 上海 does not match → national matches and stops.
    expect(ids(applicableRules(lead({ companyCity: "北京" }), rules))).toEqual([1, 4]);
  });

  it("the catch-all counts only the rules being applied", () => {
    const beijingLead = lead({ companyProvince: "北京" });
    // Applying 上海 + 其它地区 only: the Beijing lead matches none of those, so the catch-all takes it.
    expect(ids(applicableRules(beijingLead, [shanghai, others]))).toEqual([3]);
    // Applying only 上海: nothing applies.
    expect(ids(applicableRules(beijingLead, [shanghai]))).toEqual([]);
    // Applying only the catch-all: it takes every lead.
    expect(ids(applicableRules(beijingLead, [others]))).toEqual([3]);
  });

  it("ignores inactive rules and evaluates the catch-all last whatever its position", () => {
    const rules = [{ ...others, position: -1 }, { ...beijing, active: false }, shanghai];
    expect(ids(applicableRules(lead({ companyProvince: "北京" }), rules))).toEqual([3]);
    expect(ids(evaluationOrder(rules))).toEqual([1, 2, 3]);
    expect(ids(applicableRules(lead({ companyProvince: "北京" }), [{ ...others, active: false }]))).toEqual([]);
  });
});
