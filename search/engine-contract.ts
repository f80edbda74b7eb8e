// The behaviour every SearchEngine must show, as one vitest suite run per engine
// (embedded-engine.test.ts always; meilisearch-engine.test.ts when MEILI_HOST points at a server).
// Uses a fresh, randomly named index per test so it can run against a shared Meilisearch.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defineIndex, SearchEngineError, type IndexSettings, type SearchEngine, type SearchResult } from "./engine.ts";

export const CONTRACT_SETTINGS: IndexSettings = defineIndex({
  weights: { fullName: 10, email: 6, company: 4, city: 2 },
  filterable: ["ownerId", "city", "tag"],
  pinyin: [
    { name: "fullName", personName: true },
    { name: "company", organisation: true },
  ],
  exact: ["email"],
});

/** Added by the typo tests only (a long Latin name; the other tests count five documents). */
export const TYPO_DOC = {
  id: 6,
  fullName: "Johnson Smith",
  email: "jsmith@example.com",
  company: "Globex",
  city: "Shenzhen 13812345678",
  ownerId: 3,
  tag: "c",
};

/** Added by the organisation-pinyin and noise tests only: companies with a place and a legal form. */
export const COMPANY_DOCS = [
  {
    id: 7,
    fullName: "赵敏",
    email: "zm@example.com",
    company: "北京远航物流有限公司",
    city: "北京",
    ownerId: 1,
    tag: "a",
  },
  {
    id: 8,
    fullName: "钱坤",
    email: "qk@example.com",
    company: "南京华泰证券股份有限公司",
    city: "南京",
    ownerId: 2,
    tag: "b",
  },
];

/** A filter value full of characters that must be quoted/escaped in a Meilisearch filter. */
export const AWKWARD_TAG = `O'Brien "VIP" \\ AND city = x`;

export const CONTRACT_DOCS = [
  { id: 1, fullName: "刘强", email: "liu.qiang@example.com", company: "接力科技", city: "北京", ownerId: 1, tag: "a" },
  { id: 2, fullName: "刘强伟", email: "lqw@example.net", company: "华为技术", city: "上海", ownerId: 2, tag: "b" },
  { id: 3, fullName: "张伟", email: "zhang@example.com", company: "接力科技", city: "北京", ownerId: 1, tag: "a" },
  { id: 4, fullName: "王芳", email: "wangfang@example.cn", company: "阿里巴巴", city: "杭州", ownerId: 3, tag: "c" },
  {
    id: 5,
    fullName: `Li Lei <script>alert(1)</script>`,
    email: "li@example.org",
    company: "Acme & Sons",
    city: "上海",
    ownerId: 2,
    tag: AWKWARD_TAG,
  },
];

const ids = (r: SearchResult): string[] => r.hits.map((h) => h.id);
const sortedIds = (r: SearchResult): string[] => ids(r).sort((a, b) => Number(a) - Number(b));

export function runEngineContract(name: string, makeEngine: () => SearchEngine | Promise<SearchEngine>): void {
  describe(`search engine contract: ${name}`, () => {
    let engine: SearchEngine;
    let index: string;

    beforeEach(async () => {
      engine = await makeEngine();
      index = `contract_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
      await engine.ensureIndex(index, CONTRACT_SETTINGS);
      await engine.upsert(index, CONTRACT_DOCS);
    });

    afterEach(async () => {
      await engine.dropIndex(index);
    });

    it("indexes documents and reports stats", async () => {
      expect((await engine.stats(index)).documents).toBe(5);
    });

    it("ensureIndex is idempotent", async () => {
      await engine.ensureIndex(index, CONTRACT_SETTINGS);
      expect((await engine.stats(index)).documents).toBe(5);
    });

    it("finds Chinese names by partial match and ranks the exact name first", async () => {
      const r = await engine.query(index, { q: "刘强" });
      expect(ids(r)[0]).toBe("1");
      expect(ids(r)).toContain("2");
      expect(ids(r)).not.toContain("3");
      expect(r.total).toBe(2);
    });

    it("matches the last Latin token as a prefix (as-you-type)", async () => {
      const r = await engine.query(index, { q: "zhan", highlight: true });
      expect(ids(r)).toContain("3");
      expect(r.hits.find((h) => h.id === "3")?.highlights.email).toMatch(/^<mark>zhan/);
    });

    it("still answers when one query word matches nothing", async () => {
      const r = await engine.query(index, { q: "刘强 qqqqqq" });
      expect(ids(r)).toContain("1");
    });

    it("upsert replaces the whole document", async () => {
      await engine.upsert(index, [{ id: 3, fullName: "张三", email: "san@example.com", city: "北京", ownerId: 1 }]);
      expect((await engine.query(index, { q: "张伟" })).total).toBe(0);
      const r = await engine.query(index, { q: "张三" });
      expect(ids(r)).toEqual(["3"]);
      expect(r.hits[0]?.doc).not.toHaveProperty("company");
      expect((await engine.stats(index)).documents).toBe(5);
    });

    it("deletes documents by id and ignores unknown ids", async () => {
      await engine.delete(index, [4, "999"]);
      expect((await engine.query(index, { q: "王芳" })).total).toBe(0);
      expect((await engine.stats(index)).documents).toBe(4);
    });

    it("clear empties the index but keeps it usable", async () => {
      await engine.clear(index);
      expect((await engine.stats(index)).documents).toBe(0);
      expect((await engine.query(index, { q: "" })).total).toBe(0);
      await engine.upsert(index, [CONTRACT_DOCS[0]!]);
      expect(ids(await engine.query(index, { q: "刘强" }))).toEqual(["1"]);
    });

    it("filters by equality and IN, alone and with a query", async () => {
      expect(sortedIds(await engine.query(index, { q: "", filters: { city: "北京" } }))).toEqual(["1", "3"]);
      expect(sortedIds(await engine.query(index, { filters: { ownerId: [1, 2] } }))).toEqual(["1", "2", "3", "5"]);
      expect(sortedIds(await engine.query(index, { q: "刘强", filters: { ownerId: 2 } }))).toEqual(["2"]);
      expect((await engine.query(index, { filters: { ownerId: [] } })).total).toBe(0);
      expect(sortedIds(await engine.query(index, { filters: { city: "北京", ownerId: 1 } }))).toEqual(["1", "3"]);
    });

    it("filters on values that need quoting and escaping", async () => {
      expect(ids(await engine.query(index, { filters: { tag: AWKWARD_TAG } }))).toEqual(["5"]);
      expect((await engine.query(index, { filters: { tag: `O'Brien` } })).total).toBe(0);
    });

    it("rejects filters on non-filterable attributes with a clear error", async () => {
      const attempt = engine.query(index, { q: "", filters: { email: "zhang@example.com" } });
      await expect(attempt).rejects.toBeInstanceOf(SearchEngineError);
      await expect(engine.query(index, { filters: { email: "x" } })).rejects.toMatchObject({
        code: "invalid_filter",
        message: expect.stringContaining("email"),
      });
    });

    it("highlights matches with <mark> and escapes the rest", async () => {
      const r = await engine.query(index, { q: "刘强", highlight: true });
      expect(r.hits.find((h) => h.id === "2")?.highlights.fullName).toBe("<mark>刘强</mark>伟");
      const latin = await engine.query(index, { q: "li lei", highlight: true });
      const hit = latin.hits.find((h) => h.id === "5");
      expect(hit?.highlights.fullName).toBe("<mark>Li</mark> <mark>Lei</mark> &lt;script&gt;alert(1)&lt;/script&gt;");
      expect(hit?.highlights.company).toBe("Acme &amp; Sons");
      const plain = await engine.query(index, { q: "刘强" });
      expect(plain.hits[0]?.highlights).toEqual({});
    });

    it("paginates with limit/offset and a stable total", async () => {
      const pages = await Promise.all([0, 2, 4].map((offset) => engine.query(index, { q: "", limit: 2, offset })));
      expect(pages.map((p) => p.hits.length)).toEqual([2, 2, 1]);
      expect(pages.every((p) => p.total === 5)).toBe(true);
      expect(new Set(pages.flatMap(ids)).size).toBe(5);
    });

    it("returns documents and numeric scores in hits", async () => {
      const r = await engine.query(index, { q: "王芳" });
      expect(r.hits[0]).toMatchObject({ id: "4", doc: { id: 4, fullName: "王芳", city: "杭州" } });
      expect(typeof r.hits[0]?.score).toBe("number");
      expect(typeof r.tookMs).toBe("number");
    });

    it("finds Chinese names by full pinyin, initials, syllables and a prefix of the full pinyin", async () => {
      expect(ids(await engine.query(index, { q: "liuqiang" }))[0]).toBe("1");
      expect(sortedIds(await engine.query(index, { q: "liuqiang" }))).toEqual(["1", "2"]);
      expect(ids(await engine.query(index, { q: "lq" }))[0]).toBe("1");
      expect(sortedIds(await engine.query(index, { q: "liuq" }))).toEqual(["1", "2"]);
      expect(ids(await engine.query(index, { q: "liu qiang" }))).toContain("1");
      expect(ids(await engine.query(index, { q: "zhangwei" }))).toEqual(["3"]);
      expect(ids(await engine.query(index, { q: "wangf" }))).toEqual(["4"]);
      // Company names have pinyin too (接力科技).
      expect(sortedIds(await engine.query(index, { q: "jieli" }))).toEqual(["1", "3"]);
      expect(sortedIds(await engine.query(index, { q: "jlkj" }))).toEqual(["1", "3"]);
      // Pinyin is not a wildcard: a different name stays out.
      expect(ids(await engine.query(index, { q: "liuqiang" }))).not.toContain("3");
    });

    it("combines pinyin queries with filters", async () => {
      expect(ids(await engine.query(index, { q: "liuq", filters: { ownerId: 2 } }))).toEqual(["2"]);
      expect(ids(await engine.query(index, { q: "lq", filters: { city: "北京" } }))).toEqual(["1"]);
    });

    it("highlights the characters a pinyin query spelled", async () => {
      const full = await engine.query(index, { q: "liuqiang", highlight: true });
      expect(full.hits.find((h) => h.id === "1")?.highlights.fullName).toBe("<mark>刘强</mark>");
      const initials = await engine.query(index, { q: "zw", highlight: true });
      expect(initials.hits.find((h) => h.id === "3")?.highlights.fullName).toBe("<mark>张伟</mark>");
      const typing = await engine.query(index, { q: "liuq", highlight: true });
      expect(typing.hits.find((h) => h.id === "2")?.highlights.fullName).toBe("<mark>刘强</mark>伟");
      // Stored documents come back as indexed: no derived pinyin fields.
      for (const hit of full.hits) expect(Object.keys(hit.doc).sort()).toEqual(Object.keys(CONTRACT_DOCS[0]!).sort());
    });

    it("tolerates typos in long Latin words, as Meilisearch does", async () => {
      await engine.upsert(index, [TYPO_DOC]);
      // 7 letters: one typo (a swap counts as one).
      expect(ids(await engine.query(index, { q: "jonhson" }))).toEqual(["6"]);
      expect(ids(await engine.query(index, { q: "johnsen" }))).toEqual(["6"]);
      // 5 letters: one typo, not two.
      expect(ids(await engine.query(index, { q: "smyth" }))).toEqual(["6"]);
      expect((await engine.query(index, { q: "smyht" })).total).toBe(0);
      // 4 letters: no typo at all.
      expect((await engine.query(index, { q: "smth" })).total).toBe(0);
      // A typo in the first letter costs two.
      expect((await engine.query(index, { q: "xmith" })).total).toBe(0);
      // Pinyin with a typo still finds the name.
      expect(ids(await engine.query(index, { q: "liuqaing" }))).toContain("1");
    });

    it("does not apply typos to numbers or to typo-disabled attributes (e-mail)", async () => {
      await engine.upsert(index, [TYPO_DOC]);
      expect(ids(await engine.query(index, { q: "13812345678" }))).toEqual(["6"]);
      expect((await engine.query(index, { q: "13812345679" })).total).toBe(0);
      expect(ids(await engine.query(index, { q: "jsmith" }))).toEqual(["6"]);
      expect((await engine.query(index, { q: "jsmiht" })).total).toBe(0);
    });

    it("uses the last word as a prefix only while it is being typed", async () => {
      expect(ids(await engine.query(index, { q: "wangfa" }))).toEqual(["4"]);
      expect((await engine.query(index, { q: "zhan " })).total).toBe(0);
      expect(ids(await engine.query(index, { q: "北京 zhan" }))).toEqual(["3"]);
    });

    it("finds organisations by the pinyin of part of their name and by their core's initials", async () => {
      await engine.upsert(index, COMPANY_DOCS);
      for (const q of ["yuanhang", "yhwl", "yuanhangwuliu", "yuan hang"]) {
        expect(ids(await engine.query(index, { q })), q).toEqual(["7"]);
      }
      expect(ids(await engine.query(index, { q: "huatai" }))).toEqual(["8"]);
      const marked = await engine.query(index, { q: "yuanhang", highlight: true });
      expect(marked.hits[0]?.highlights.company).toBe("北京<mark>远航</mark>物流有限公司");
    });

    it("finds a name typed with a homophone (远杭 for 远航), below exact matches", async () => {
      await engine.upsert(index, COMPANY_DOCS);
      expect(ids(await engine.query(index, { q: "远杭" }))).toEqual(["7"]);
      expect(ids(await engine.query(index, { q: "刘墙" }))[0]).toBe("1");
    });

    it("requires every word, dropping words from the end only when nothing matches (no weak matches)", async () => {
      await engine.upsert(index, COMPANY_DOCS);
      // 科技 alone (接力科技) is not a match for 远航科技: the total counts only what is shown.
      const r = await engine.query(index, { q: "远航科技" });
      expect(ids(r)).toEqual(["7"]);
      expect(r.total).toBe(1);
      expect(sortedIds(await engine.query(index, { q: "接力科技 北京 zzzz" }))).toEqual(["1", "3"]);
      expect((await engine.query(index, { q: "zzzz 接力科技" })).total).toBe(0);
    });

    it("reports unknown indexes as index_not_found", async () => {
      await expect(engine.query(`${index}_missing`, { q: "x" })).rejects.toMatchObject({ code: "index_not_found" });
    });
  });
}
