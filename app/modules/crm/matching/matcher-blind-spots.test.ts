import { describe, expect, it } from "vitest";
import { toFeatures, type MatchFields } from "#search/fuzzy/features.ts";
import { parseFreeText } from "#search/fuzzy/free-text-query.ts";
import { MatchIndex } from "#search/fuzzy/match-index.ts";
import { normaliseName } from "#search/fuzzy/normalise.ts";
import { queryFields } from "./query-fields.ts";
import { compareRanked } from "#search/fuzzy/rank.ts";

// Issue #15 item 8: the matcher's blind spots, each with a query a team that did not write the
// matcher would type. Every case here failed before the fix.

function indexOf(records: Array<[number, MatchFields]>): MatchIndex {
  const index = new MatchIndex({ kind: "contact" });
  for (const [id, fields] of records) index.upsert(id, toFeatures(fields));
  return index;
}

function find(index: MatchIndex, text: string) {
  return index.search(toFeatures(queryFields(parseFreeText(text))), 5);
}

const codes = (m: { evidence: Array<{ code: string }> } | undefined) => m?.evidence.map((e) => e.code) ?? [];

describe("a bare @domain beside initials and a city", () => {
  const index = indexOf([
    [1, { name: "李强", email: "lq@xyz.com", city: "深圳", companyName: "讯驰科技" }],
    // Writes from qq.com, but the company's website is xyz.com.
    [2, { name: "刘强", email: "liuqiang88@qq.com", city: "深圳", emailDomain: "https://www.xyz.com/" }],
    [3, { name: "刘强", email: "liuqiang@abc.cn", city: "深圳" }],
    [4, { name: "王伟", email: "wangwei@xyz.com", city: "深圳" }],
  ]);

  it("reads @xyz.com as the mail domain and LQ as initials, not as an address or a name", () => {
    expect(parseFreeText("LQ @xyz.com 深圳")).toMatchObject({
      email: null,
      emailDomain: "xyz.com",
      initials: "lq",
      city: "深圳",
      name: null,
    });
    expect(parseFreeText("lzq www.xyz.com.cn")).toMatchObject({ emailDomain: "xyz.com.cn", initials: "lzq" });
  });

  it("finds the people whose e-mail or company website is on that domain, initials first", () => {
    const ranked = find(index, "LQ @xyz.com 深圳");
    expect(
      ranked
        .slice(0, 2)
        .map((m) => m.id)
        .sort(),
    ).toEqual([1, 2]);
    expect(codes(ranked[0])).toEqual(expect.arrayContaining(["email_domain", "name_initials", "city_match"]));
    expect(ranked.findIndex((m) => m.id === 4)).toBeGreaterThan(1);
    // Same initials and city on another domain: a weak hint at most, below both.
    expect(ranked.findIndex((m) => m.id === 3)).toBeGreaterThan(1);
    expect(ranked.find((m) => m.id === 3)?.verdict).toBe("none");
  });

  it("reads a mailbox made of initials (LQ@xyz.com) as initials when no name is given", () => {
    const ranked = find(index, "LQ@xyz.com 深圳");
    expect(ranked[0]?.id).toBe(1); // the exact address
    expect(codes(ranked.find((m) => m.id === 2))).toContain("name_initials");
    expect(ranked.findIndex((m) => m.id === 2)).toBeLessThan(ranked.findIndex((m) => m.id === 4));
  });
});

describe("pinyin names longer than 12 letters", () => {
  it("are still read as names and found", () => {
    const index = indexOf([
      [1, { name: "欧阳晓明", companyName: "星辰科技有限公司" }],
      [2, { name: "张伟", companyName: "星辰科技有限公司" }],
    ]);
    expect(parseFreeText("Ouyangxiaoming 星辰科技").name).toBe("Ouyangxiaoming");
    expect(parseFreeText("liuxiangzhuang 深圳").name).toBe("liuxiangzhuang");
    const ranked = find(index, "Ouyangxiaoming 星辰科技");
    expect(ranked[0]?.id).toBe(1);
    expect(codes(ranked[0])).toContain("name_pinyin");
    expect(find(index, "Liu Zhi Qiang")).toEqual([]); // three syllables, one a word: a name, nobody here
    expect(parseFreeText("Liu Zhi Qiang").name).toBe("Liu Zhi Qiang");
  });
});

describe("a name that is also a city's pinyin", () => {
  const index = indexOf([
    [1, { name: "张三", companyName: "星辰科技有限公司", city: "临沂" }],
    [2, { name: "林毅", companyName: "星辰科技有限公司", city: "深圳" }],
  ]);

  it("keeps both readings: the person 林毅 beats a colleague who lives in 临沂", () => {
    expect(parseFreeText("linyi 星辰科技")).toMatchObject({ name: "linyi", city: "临沂", nameMayBeCity: true });
    const ranked = find(index, "linyi 星辰科技");
    expect(ranked[0]?.id).toBe(2);
    expect(codes(ranked[0])).not.toContain("city_conflict");
  });

  it("is the city when a name is given beside it", () => {
    expect(parseFreeText("刘强 linyi")).toMatchObject({ name: "刘强", city: "临沂", nameMayBeCity: false });
  });
});

describe("ü in pinyin", () => {
  it("folds ü, ǚ, u: and the passport spelling lyu to v", () => {
    for (const written of ["Lü Qiang", "Lǚ Qiang", "Lu: Qiang", "LYU Qiang", "Qiang Lü"]) {
      const name = normaliseName(written)!;
      expect([name.pinyin, name.pinyinAlt]).toContain("lvqiang");
    }
    expect(parseFreeText("Lu: Qiang 星辰科技").name).toBe("Lv Qiang");
  });

  it("finds 吕强 from any of those spellings", () => {
    const index = indexOf([
      [1, { name: "陆强", companyName: "星辰科技有限公司" }],
      [2, { name: "吕强", companyName: "星辰科技有限公司" }],
    ]);
    for (const q of ["Lü Qiang 星辰科技", "Qiang Lu: 星辰科技", "Lǚ Qiang 星辰科技"]) {
      const ranked = find(index, q);
      expect(ranked[0]?.id, q).toBe(2);
      expect(codes(ranked[0])).toContain("name_pinyin");
    }
  });
});

describe("honorifics", () => {
  it("are stripped to the family name, not read as given names", () => {
    for (const [written, key] of [
      ["王经理", "王"],
      ["刘总", "刘"],
      ["张工", "张"],
      ["李老师", "李"],
      ["陈主任", "陈"],
      ["赵女士", "赵"],
      ["孙先生", "孙"],
      ["欧阳总经理", "欧阳"],
      ["王强经理", "王强"],
      ["老王", "王"],
    ] as const) {
      expect(normaliseName(written), written).toMatchObject({ key });
      expect(parseFreeText(`${written} 星辰科技`).name, written).toBe(key);
    }
    expect(normaliseName("王经理")?.surnameOnly).toBe(true);
    expect(normaliseName("王强经理")?.surnameOnly).toBe(false);
  });

  it("credit a matching family name and cost a different one", () => {
    const index = indexOf([
      [1, { name: "张伟", companyName: "星辰科技有限公司", city: "深圳" }],
      [2, { name: "王强", companyName: "星辰科技有限公司", city: "深圳" }],
    ]);
    const ranked = find(index, "王经理 星辰科技 深圳");
    expect(ranked[0]?.id).toBe(2);
    expect(codes(ranked[0])).toContain("name_surname");
    expect(ranked[0]!.score).toBeGreaterThan(0.55);
    expect(codes(ranked.find((m) => m.id === 1))).toContain("name_conflict");
  });
});

describe("a company that contradicts the candidate's", () => {
  it("costs score", () => {
    const index = indexOf([[1, { name: "刘强", city: "深圳", companyName: "星辰科技有限公司" }]]);
    const without = find(index, "刘强 深圳")[0]!;
    const contradicted = find(index, "刘强 深圳 华创电子")[0]!;
    expect(codes(contradicted)).toContain("company_conflict");
    expect(contradicted.score).toBeLessThan(without.score);
  });

  it("ranks the namesake at the named company first", () => {
    const index = indexOf([
      [1, { name: "刘强", city: "深圳", companyName: "华创电子有限公司" }],
      [2, { name: "刘强", city: "深圳", companyName: "星辰科技有限公司" }],
      [3, { name: "刘强", city: "深圳" }],
    ]);
    expect(find(index, "刘强 深圳 星辰科技")[0]?.id).toBe(2);
    const other = find(index, "刘强 深圳 星辰科技").find((m) => m.id === 1)!;
    const none = find(index, "刘强 深圳 星辰科技").find((m) => m.id === 3)!;
    expect(other.score).toBeLessThan(none.score);
  });
});

describe("an e-mail typo that is exactly another person's address", () => {
  const index = indexOf([
    [1, { name: "王璐", email: "wanglu@xyz.com", city: "深圳" }],
    [2, { name: "王丽", email: "wangli@xyz.com", city: "深圳" }],
  ]);

  it("gives no typo credit and no confident 'same' for the address's owner", () => {
    // 王丽 meant wangli@ and typed wanglu@ — which is 王璐's real address.
    const ranked = find(index, "王丽 wanglu@xyz.com 深圳");
    expect(ranked[0]?.id).toBe(2);
    expect(ranked.every((m) => m.verdict !== "same")).toBe(true);
    expect(codes(ranked[0])).not.toContain("email_local_similar");
    expect(codes(ranked.find((m) => m.id === 1))).toContain("email_name_elsewhere");
  });

  it("an exact address with the same name is still 'same'", () => {
    const ranked = find(index, "王璐 wanglu@xyz.com 深圳");
    expect(ranked[0]).toMatchObject({ id: 1, verdict: "same" });
  });

  it("a real typo (nobody's address) still gets typo credit", () => {
    const ranked = find(index, "王丽 wangki@xyz.com 深圳");
    expect(ranked[0]?.id).toBe(2);
    expect(codes(ranked[0])).toContain("email_local_similar");
  });
});

describe("short local parts", () => {
  const index = indexOf([[1, { name: "李志强", email: "lzq@xyz.com", city: "深圳" }]]);

  it("get typo credit on the same domain beside the same name", () => {
    expect(codes(find(index, "李志强 lzp@xyz.com 深圳")[0])).toContain("email_local_similar");
  });

  it("get none beside another name or on another domain", () => {
    expect(codes(find(index, "张伟 lzp@xyz.com 深圳")[0])).not.toContain("email_local_similar");
    expect(codes(find(index, "李志强 lzp@abc.com 深圳")[0])).not.toContain("email_local_similar");
  });
});

describe("same-surname colleagues", () => {
  it("are told apart by the other evidence (phone fragment), not by id order", () => {
    const index = indexOf([
      [5, { name: "王强", companyName: "星辰科技有限公司", city: "深圳", phones: ["13800001111"] }],
      [9, { name: "王伟", companyName: "星辰科技有限公司", city: "深圳", phones: ["13900008000"] }],
    ]);
    expect(parseFreeText("王经理 星辰科技 尾号8000").phoneFragments).toEqual(["8000"]);
    expect(find(index, "王经理 星辰科技 尾号8000")[0]?.id).toBe(9);
    expect(find(index, "王工 星辰科技 8000")[0]?.id).toBe(9);
  });

  it("on equal scores, more agreeing clues and fewer conflicts rank first; id order only last", () => {
    const base = { verdict: "possible" as const, score: 0.5 };
    const e = (code: string, weight: number) => ({ code, field: "name" as const, weight });
    const ranked = [
      { ...base, id: 1, evidence: [e("company_exact", 0.5)] },
      { ...base, id: 2, evidence: [e("company_similar", 0.25), e("name_surname", 0.2), e("city_match", 0.15)] },
      { ...base, id: 3, evidence: [e("company_exact", 0.5), e("city_conflict", -0.1)] },
      { ...base, id: 4, evidence: [e("company_exact", 0.5)] },
    ].sort(compareRanked);
    expect(ranked.map((r) => r.id)).toEqual([2, 1, 4, 3]);
  });
});
