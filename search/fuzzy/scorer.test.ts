import { describe, expect, it } from "vitest";
import { toFeatures } from "./features.ts";
import { combine, scoreCandidate, THRESHOLDS } from "./scorer.ts";

const record = toFeatures({
  name: "刘强",
  email: "liuqiang@xyz.com",
  phones: ["13800138000"],
  companyName: "深圳星辰科技有限公司",
  city: "深圳",
});

function codes(q: Parameters<typeof toFeatures>[0]) {
  const r = scoreCandidate(toFeatures(q), record);
  return { ...r, codes: r.evidence.map((e) => e.code) };
}

describe("scoreCandidate", () => {
  it("an invented name does not sink a true e-mail + city: still the same person", () => {
    const r = codes({ name: "王小二", email: "LiuQiang+crm@xyz.com", city: "深圳市" });
    expect(r.codes).toEqual(["email_normalised", "name_conflict", "city_match"]);
    expect(r.verdict).toBe("same");
  });

  it("says which clue matched: e-mail local part = name pinyin, domain, city", () => {
    const r = codes({ email: "liu.qiang@163.com", city: "深圳" });
    expect(r.codes).toContain("email_local_pinyin");
    expect(r.codes).toContain("city_match");
    expect(r.verdict).not.toBe("same");
    expect(codes({ name: "刘强", email: "liu@xyz.com", city: "深圳" }).codes).toEqual([
      "email_local_similar",
      "email_domain",
      "name_exact",
      "city_match",
    ]);
  });

  it("a reformatted mobile and a name typo are one person; a phone ending alone is only possible", () => {
    expect(codes({ name: "刘墙", phones: ["+86 138 0013 8000"] })).toMatchObject({
      verdict: "same",
      codes: ["phone_exact", "name_pinyin"],
    });
    expect(codes({ phones: ["0013 8000"] }).verdict).not.toBe("same");
  });

  it("a namesake in another city is at most possible", () => {
    const r = codes({ name: "刘强", city: "北京" });
    expect(r.codes).toEqual(["name_exact", "city_conflict"]);
    expect(r.verdict).toBe("possible");
    expect(r.score).toBeLessThan(THRESHOLDS.same);
  });

  it("nothing in common scores 0", () => {
    expect(codes({ name: "张伟", email: "zw@abc.cn" }).score).toBe(0);
  });

  it("combines positives as noisy-OR and applies conflicts as factors", () => {
    expect(
      combine([
        { code: "a", field: "email", weight: 0.5 },
        { code: "b", field: "city", weight: 0.5 },
      ]),
    ).toBe(0.75);
    expect(
      combine([
        { code: "a", field: "email", weight: 0.5 },
        { code: "c", field: "name", weight: -0.1 },
      ]),
    ).toBe(0.45);
  });

  it("scores companies by their name key", () => {
    const company = toFeatures({ companyName: "星辰科技（深圳）有限公司", city: "深圳" });
    const r = scoreCandidate(toFeatures({ companyName: "深圳市星辰科技股份有限公司" }), company, "company");
    expect(r).toMatchObject({ verdict: "same" });
    expect(r.evidence.map((e) => e.code)).toEqual(["company_exact"]);
  });
});
