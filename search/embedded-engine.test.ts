import { describe, expect, it } from "vitest";
import { EmbeddedSearchEngine, typoDistance } from "./embedded-engine.server.ts";
import { runEngineContract } from "./engine-contract.ts";
import { compareIds, type IndexSettings } from "./engine.ts";
import { highlightText, sentinelsToHtml } from "./highlight.ts";
import { pinyinMatchRanges, pinyinTerms } from "./pinyin.ts";
import { indexTerms, normalizeText, parseQuery } from "./tokenize.ts";

runEngineContract("embedded", () => new EmbeddedSearchEngine());

describe("tokenize", () => {
  it("normalises full-width characters and case", () => {
    expect(normalizeText("ＺＨＡＮＧ１２３ Ａｂｃ")).toBe("zhang123 abc");
  });

  it("indexes CJK as bigrams plus segmenter words, single characters as unigrams", () => {
    const terms = indexTerms("刘强伟 北京大学 王");
    expect(terms).toEqual(expect.arrayContaining(["刘强", "强伟", "北京", "京大", "大学", "王"]));
    expect(terms).not.toContain("刘");
  });

  it("indexes Latin words, the parts of dotted words and joined phone digits", () => {
    const terms = indexTerms("liu.qiang@example.com 138-1234-5678");
    expect(terms).toEqual(
      expect.arrayContaining(["liu.qiang", "liu", "qiang", "example.com", "example", "com", "13812345678"]),
    );
  });

  it("marks the last token as a prefix unless a space follows", () => {
    expect(parseQuery("zhang wei").required).toEqual([
      { term: "zhang", kind: "word", prefix: false },
      { term: "wei", kind: "word", prefix: true },
    ]);
    expect(parseQuery("zhang ").required).toEqual([{ term: "zhang", kind: "word", prefix: false }]);
    expect(parseQuery("刘强伟").required.map((t) => [t.term, t.prefix])).toEqual([
      ["刘强", false],
      ["强伟", true],
    ]);
    expect(parseQuery("北京大学").boosts).toEqual([]);
    expect(parseQuery("接力科技有限公司").boosts).toContain("有限公司");
  });
});

describe("highlight", () => {
  it("maps matches found in normalised text back onto the original", () => {
    expect(highlightText("ＺＨＡＮＧ@x.com", [{ text: "zhan", mode: "prefix" }])).toBe("<mark>ＺＨＡＮ</mark>Ｇ@x.com");
    expect(
      highlightText("北京大学", [
        { text: "北京", mode: "anywhere" },
        { text: "京大", mode: "anywhere" },
      ]),
    ).toBe("<mark>北京大</mark>学");
    expect(highlightText("Tel 138-1234-5678", [{ text: "13812345678", mode: "word" }])).toBe(
      "Tel <mark>138-1234-5678</mark>",
    );
    expect(highlightText("Anna & Ann", [{ text: "ann", mode: "word" }])).toBe("Anna &amp; <mark>Ann</mark>");
  });

  it("turns Meilisearch sentinel tags into marks after escaping", () => {
    expect(sentinelsToHtml("\uE000Li\uE001 <b>&")).toBe("<mark>Li</mark> &lt;b&gt;&amp;");
  });
});

describe("embedded engine specifics", () => {
  const settings: IndexSettings = {
    primaryKey: "id",
    searchableAttributes: [
      { name: "name", weight: 10 },
      { name: "phone", weight: 5 },
      { name: "city", weight: 1 },
    ],
    filterableAttributes: ["city", "active"],
    synonyms: { 公司: ["单位"] },
  };

  it("finds full-width queries, phone digits and synonyms", async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.ensureIndex("t", settings);
    await engine.upsert("t", [
      { id: 1, name: "Zhang Wei", phone: "138-1234-5678", city: "Beijing", active: true },
      { id: 2, name: "接力单位", phone: null, city: "Shanghai", active: false },
    ]);
    expect((await engine.query("t", { q: "ＺＨＡＮＧ" })).hits.map((h) => h.id)).toEqual(["1"]);
    expect((await engine.query("t", { q: "13812345678" })).hits.map((h) => h.id)).toEqual(["1"]);
    expect((await engine.query("t", { q: "公司" })).hits.map((h) => h.id)).toEqual(["2"]);
    // Filters compare strings case-insensitively and booleans by value.
    expect((await engine.query("t", { filters: { city: "BEIJING" } })).total).toBe(1);
    expect((await engine.query("t", { filters: { active: false } })).hits.map((h) => h.id)).toEqual(["2"]);
  });

  it("weights fields: a name match outranks a city match", async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.ensureIndex("t", settings);
    await engine.upsert("t", [
      { id: 1, name: "Somebody", city: "Paris" },
      { id: 2, name: "Paris Hilton", city: "Rome" },
    ]);
    expect((await engine.query("t", { q: "paris" })).hits.map((h) => h.id)).toEqual(["2", "1"]);
  });

  it("re-indexes existing documents when settings change", async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.ensureIndex("t", settings);
    await engine.upsert("t", [{ id: 1, name: "Zhang", city: "Beijing" }]);
    expect((await engine.query("t", { q: "beijing" })).total).toBe(1);
    await engine.ensureIndex("t", { ...settings, searchableAttributes: [{ name: "name", weight: 1 }] });
    expect((await engine.query("t", { q: "beijing" })).total).toBe(0);
    expect((await engine.query("t", { q: "zhang" })).total).toBe(1);
  });

  it("rejects documents without a valid id and leaves the index unchanged", async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.ensureIndex("t", settings);
    await expect(engine.upsert("t", [{ id: 1, name: "a" }, { name: "no id" }])).rejects.toMatchObject({
      code: "invalid_document",
    });
    expect((await engine.stats("t")).documents).toBe(0);
  });

  it("orders ids numerically and deterministically", () => {
    expect(["10", "9", "b", "a", "100"].sort(compareIds)).toEqual(["9", "10", "100", "a", "b"]);
  });

  it("stays fast on 20 000 documents", async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.ensureIndex("t", settings);
    const family = "王李张刘陈杨黄赵吴周";
    const given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平";
    const docs = Array.from({ length: 20_000 }, (_, i) => ({
      id: i + 1,
      name: `${family[i % 10]}${given[(i * 7) % 20]}${given[(i * 13) % 20]} user${i}`,
      phone: `139${String(i).padStart(8, "0")}`,
      city: i % 2 ? "Beijing" : "Shanghai",
    }));
    // CPU time, not wall time: the test machines are shared and often loaded.
    const cpu = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const t0 = cpu();
    await engine.upsert("t", docs);
    const indexMs = cpu() - t0;
    const t1 = cpu();
    for (const q of ["王伟", "user12", "刘", "13900001", "Beijing 张", "beijnig"]) {
      await engine.query("t", { q, highlight: true });
    }
    const queryMs = (cpu() - t1) / 6;
    expect(indexMs).toBeLessThan(10_000);
    expect(queryMs).toBeLessThan(200);
  });
});

describe("pinyin", () => {
  it("derives full pinyin, initials and syllables; person names read the surname", () => {
    expect(pinyinTerms("刘强伟")).toEqual(["liuqiangwei", "lqw", "liu", "qiang", "wei", "liuqiang", "qiangwei"]);
    expect(pinyinTerms("单雄信", { personName: true })).toContain("shanxiongxin");
    expect(pinyinTerms("曾小明", { personName: true })).toContain("zengxiaoming");
    expect(pinyinTerms("绿洲")).toContain("lvzhou");
    expect(pinyinTerms("Acme 王")).toEqual(["wang"]);
    expect(pinyinTerms("Acme Ltd")).toEqual([]);
  });

  it("finds the characters a pinyin word spells, by syllables, initials or a typed prefix", () => {
    expect(pinyinMatchRanges("刘强伟", "liuqiang")).toEqual([[0, 2]]);
    expect(pinyinMatchRanges("刘强伟", "lq")).toEqual([[0, 2]]);
    expect(pinyinMatchRanges("刘强伟", "liuq")).toEqual([[0, 2]]);
    expect(pinyinMatchRanges("刘强伟", "liuqi")).toEqual([]);
    expect(pinyinMatchRanges("刘强伟", "liuqi", { prefix: true })).toEqual([[0, 2]]);
    expect(pinyinMatchRanges("销售 刘强", "qiang")).toEqual([[4, 5]]);
    expect(pinyinMatchRanges("刘强", "xyz")).toEqual([]);
  });

  it("counts typos as Damerau–Levenshtein with an early stop", () => {
    expect(typoDistance("johnson", "jonhson", 2)).toBe(1);
    expect(typoDistance("smith", "smyth", 1)).toBe(1);
    expect(typoDistance("smith", "smyht", 1)).toBe(2);
    expect(typoDistance("abc", "abcdef", 1)).toBe(2);
  });
});
