import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMeilisearchStandIn, type MeilisearchStandIn } from "#tests/stand-ins/meilisearch-stand-in.ts";
import { AWKWARD_TAG, COMPANY_DOCS, CONTRACT_DOCS, CONTRACT_SETTINGS, runEngineContract } from "./engine-contract.ts";
import { SearchEngineError } from "./engine.ts";
import {
  DEFAULT_RANKING_RULES,
  MeilisearchEngine,
  buildMeilisearchFilter,
  filterLiteral,
  queryPrefixes,
} from "./meilisearch-engine.server.ts";

// The real thing, only when a server is configured (nothing here can install one; see search/README.md).
const meiliHost = process.env.MEILI_HOST;
if (meiliHost) {
  runEngineContract(
    "meilisearch (MEILI_HOST)",
    () => new MeilisearchEngine({ host: meiliHost, apiKey: process.env.MEILI_API_KEY }),
  );
}

describe("Meilisearch filter expressions", () => {
  it("quotes strings and escapes backslashes before quotes", () => {
    expect(filterLiteral(`a"b\\c'd`)).toBe(`"a\\"b\\\\c'd"`);
    expect(filterLiteral("北京 AND x = 1")).toBe(`"北京 AND x = 1"`);
    expect(filterLiteral(42)).toBe("42");
    expect(filterLiteral(false)).toBe("false");
    expect(() => filterLiteral(Number.NaN)).toThrow(SearchEngineError);
  });

  it("joins equality and IN conditions with AND; an empty IN matches nothing", () => {
    expect(buildMeilisearchFilter({ city: "北京", ownerId: [1, 2] })).toEqual({
      expression: `city = "北京" AND ownerId IN [1, 2]`,
      matchesNothing: false,
    });
    expect(buildMeilisearchFilter({})).toEqual({ expression: undefined, matchesNothing: false });
    expect(buildMeilisearchFilter({ ownerId: [] }).matchesNothing).toBe(true);
    expect(() => buildMeilisearchFilter({ "a = 1 OR b": "x" })).toThrow(/Invalid filter attribute/);
  });
});

describe("Meilisearch adapter against the stand-in", () => {
  const apiKey = "test-master-key";
  let standIn: MeilisearchStandIn;
  let engine: MeilisearchEngine;

  beforeAll(async () => {
    standIn = await startMeilisearchStandIn({ apiKey });
  });
  afterAll(async () => {
    await standIn.close();
  });
  beforeEach(() => {
    standIn.reset();
    engine = new MeilisearchEngine({ host: standIn.url, apiKey, taskIntervalMs: 1 });
  });

  const lastCall = (path: string) =>
    standIn
      .calls()
      .filter((r) => r.path === path)
      .at(-1);

  it("creates the index with its primary key and sends settings in weight order, waiting for both tasks", async () => {
    await engine.ensureIndex("people", {
      ...CONTRACT_SETTINGS,
      // Declared out of order on purpose: Meilisearch gets them sorted by weight.
      searchableAttributes: [
        { name: "city", weight: 2 },
        { name: "fullName", weight: 10 },
        { name: "company", weight: 4 },
        { name: "email", weight: 6 },
      ],
      synonyms: { 公司: ["单位"] },
    });
    const calls = standIn.calls().map((r) => `${r.method} ${r.path}`);
    expect(calls).toEqual([
      "GET /indexes/people",
      "POST /indexes",
      "GET /indexes/people/settings",
      "PATCH /indexes/people/settings",
    ]);
    expect(lastCall("/indexes")?.body).toEqual({ uid: "people", primaryKey: "id" });
    expect(lastCall("/indexes/people/settings")?.body).toEqual({
      // Each pinyin field right after its Chinese source.
      searchableAttributes: ["fullName", "fullName_pinyin", "email", "company", "company_pinyin", "city"],
      filterableAttributes: ["ownerId", "city", "tag"],
      rankingRules: DEFAULT_RANKING_RULES,
      synonyms: { 公司: ["单位"] },
      typoTolerance: {
        enabled: true,
        minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
        disableOnAttributes: ["email"],
      },
    });
    // Each task was polled until done (the stand-in says "processing" first).
    expect(standIn.requests.filter((r) => r.path.startsWith("/tasks/")).length).toBeGreaterThanOrEqual(4);
    for (const r of standIn.requests) {
      expect(r.headers.authorization).toBe(`Bearer ${apiKey}`);
      expect(r.headers["x-meilisearch-client"]).toContain("relay-crm");
    }
  });

  it("skips the settings update when nothing changed", async () => {
    await engine.ensureIndex("people", CONTRACT_SETTINGS);
    standIn.requests.length = 0;
    await new MeilisearchEngine({ host: standIn.url, apiKey }).ensureIndex("people", CONTRACT_SETTINGS);
    expect(standIn.calls().map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /indexes/people",
      "GET /indexes/people/settings",
    ]);
  });

  it("refuses an existing index with another primary key", async () => {
    await engine.ensureIndex("people", CONTRACT_SETTINGS);
    await expect(engine.ensureIndex("people", { ...CONTRACT_SETTINGS, primaryKey: "uuid" })).rejects.toMatchObject({
      code: "invalid_settings",
      message: expect.stringContaining(`primary key "id"`),
    });
  });

  it("sends documents with the primary key, delete-batch ids and clear", async () => {
    await engine.ensureIndex("people", CONTRACT_SETTINGS);
    await engine.upsert("people", CONTRACT_DOCS);
    const add = lastCall("/indexes/people/documents");
    expect(add?.method).toBe("POST");
    expect(add?.query).toEqual({ primaryKey: "id" });
    expect(add?.headers["content-type"]).toBe("application/json");
    // Documents go out with their derived pinyin fields filled.
    const sent = add?.body as Array<Record<string, unknown>>;
    expect(sent.map(({ fullName_pinyin: _a, company_pinyin: _b, ...rest }) => rest)).toEqual(CONTRACT_DOCS);
    expect(sent[0]).toMatchObject({
      fullName_pinyin: "liuqiang lq liu qiang",
      company_pinyin: "jielikeji jlkj jie li ke ji jieli like keji jl",
    });
    expect(sent[4]).toMatchObject({ fullName_pinyin: null, company_pinyin: null });
    expect((await engine.stats("people")).documents).toBe(5);

    await engine.delete("people", [4, "5"]);
    expect(lastCall("/indexes/people/documents/delete-batch")?.body).toEqual(["4", "5"]);
    expect((await engine.stats("people")).documents).toBe(3);

    await engine.clear("people");
    expect(lastCall("/indexes/people/documents")?.method).toBe("DELETE");
    expect((await engine.stats("people")).documents).toBe(0);
  });

  it("sends the documented search body and escapes filter values so they round-trip", async () => {
    await engine.ensureIndex("people", CONTRACT_SETTINGS);
    await engine.upsert("people", CONTRACT_DOCS);
    const r = await engine.query("people", {
      q: "Li",
      filters: { tag: AWKWARD_TAG, ownerId: [2, 3] },
      limit: 10,
      offset: 0,
      highlight: true,
    });
    expect(lastCall("/indexes/people/search")?.body).toEqual({
      q: "Li",
      filter: `tag = "O'Brien \\"VIP\\" \\\\ AND city = x" AND ownerId IN [2, 3]`,
      matchingStrategy: "all",
      page: 1,
      hitsPerPage: 10,
      showRankingScore: true,
      attributesToHighlight: ["fullName", "email", "company", "city"],
      highlightPreTag: "\uE000",
      highlightPostTag: "\uE001",
    });
    // The stand-in parsed the escaped value back and matched only document 5.
    expect(r.total).toBe(1);
    expect(r.hits[0]).toMatchObject({ id: "5", score: 1, doc: CONTRACT_DOCS[4] });
    expect(r.hits[0]?.doc).not.toHaveProperty("_formatted");
    expect(r.hits[0]?.doc).not.toHaveProperty("_rankingScore");
    expect(r.hits[0]?.highlights).toEqual({
      fullName: "<mark>Li</mark> Lei &lt;script&gt;alert(1)&lt;/script&gt;",
      email: "<mark>li</mark>@example.org",
      company: "Acme &amp; Sons",
      city: "上海",
    });
  });

  it("finds names through the derived pinyin field, strips it from hits and highlights the characters", async () => {
    await engine.ensureIndex("people", CONTRACT_SETTINGS);
    await engine.upsert("people", CONTRACT_DOCS);
    const r = await engine.query("people", { q: "liuq", filters: { ownerId: 1 }, highlight: true });
    expect(lastCall("/indexes/people/search")?.body).toMatchObject({ q: "liuq", filter: "ownerId = 1" });
    expect(r.hits.map((h) => h.id)).toEqual(["1"]);
    expect(r.hits[0]?.doc).toEqual(CONTRACT_DOCS[0]);
    expect(r.hits[0]?.highlights.fullName).toBe("<mark>刘强</mark>");
    const initials = await engine.query("people", { q: "jlkj", highlight: true });
    expect(initials.hits.map((h) => h.id).sort()).toEqual(["1", "3"]);
    expect(initials.hits[0]?.highlights.company).toBe("<mark>接力科技</mark>");
  });

  it("sends typo tolerance and skips the update when the server already has it", async () => {
    const settings = {
      ...CONTRACT_SETTINGS,
      typoTolerance: { minWordSizeForTypos: { oneTypo: 4 }, disableOnAttributes: ["email"] },
    };
    await engine.ensureIndex("people", settings);
    expect(lastCall("/indexes/people/settings")?.body).toMatchObject({
      typoTolerance: {
        enabled: true,
        minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 },
        disableOnAttributes: ["email"],
      },
    });
    standIn.requests.length = 0;
    await new MeilisearchEngine({ host: standIn.url, apiKey }).ensureIndex("people", settings);
    expect(standIn.calls().map((r) => r.method)).toEqual(["GET", "GET"]);
    await engine.ensureIndex("people", { ...settings, typoTolerance: { enabled: false } });
    expect(lastCall("/indexes/people/settings")?.body).toMatchObject({
      typoTolerance: { enabled: false, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: [] },
    });
  });

  it("uses offset/limit when the offset is not page-aligned and reads estimatedTotalHits", async () => {
    await engine.ensureIndex("people", CONTRACT_SETTINGS);
    await engine.upsert("people", CONTRACT_DOCS);
    const r = await engine.query("people", { q: "", limit: 2, offset: 3 });
    expect(lastCall("/indexes/people/search")?.body).toEqual({
      q: "",
      matchingStrategy: "all",
      limit: 2,
      offset: 3,
      showRankingScore: true,
    });
    expect(r.total).toBe(5);
    expect(r.hits.map((h) => h.id)).toEqual(["4", "5"]);
    expect(r.hits[0]?.highlights).toEqual({});
  });

  it("drops words from the end only when nothing matches, and tries a homophone slip as pinyin", async () => {
    await engine.ensureIndex("people", CONTRACT_SETTINGS);
    await engine.upsert("people", [...CONTRACT_DOCS, ...COMPANY_DOCS]);
    expect(queryPrefixes("恒通科技 北京")).toEqual(["恒通科技 北京", "恒通 科技", "恒通"]);
    const noisy = await engine.query("people", { q: "远航科技" });
    expect(noisy.hits.map((h) => h.id)).toEqual(["7"]);
    expect(noisy.total).toBe(1);
    standIn.requests.length = 0;
    const slip = await engine.query("people", { q: "远杭", highlight: true });
    expect(slip.hits.map((h) => h.id)).toEqual(["7"]);
    expect(slip.hits[0]?.highlights.company).toBe("北京<mark>远航</mark>物流有限公司");
    const bodies = standIn
      .calls()
      .filter((c) => c.path.endsWith("/search"))
      .map((c) => c.body);
    expect(bodies.at(-1)).toMatchObject({
      q: "yuanhang",
      attributesToSearchOn: ["fullName_pinyin", "company_pinyin"],
    });
    for (const q of ["yuanhang", "yhwl", "huatai"]) {
      expect(
        (await engine.query("people", { q })).hits.map((h) => h.id),
        q,
      ).toHaveLength(1);
    }
  });

  it("rejects non-filterable filters before sending anything, and answers empty IN lists locally", async () => {
    await engine.ensureIndex("people", CONTRACT_SETTINGS);
    standIn.requests.length = 0;
    await expect(engine.query("people", { filters: { email: "x" } })).rejects.toMatchObject({
      name: "SearchEngineError",
      code: "invalid_filter",
      message: expect.stringMatching(/"email".*not a filterable attribute.*ownerId, city, tag/),
    });
    expect(await engine.query("people", { filters: { ownerId: [] } })).toEqual({ hits: [], total: 0, tookMs: 0 });
    expect(standIn.calls()).toEqual([]);
  });

  it("learns an index's settings from the server when another process ensured it", async () => {
    await engine.ensureIndex("people", CONTRACT_SETTINGS);
    await engine.upsert("people", CONTRACT_DOCS);
    const fresh = new MeilisearchEngine({ host: standIn.url, apiKey, taskIntervalMs: 1 });
    await expect(fresh.query("people", { filters: { email: "x" } })).rejects.toMatchObject({ code: "invalid_filter" });
    const r = await fresh.query("people", { filters: { city: "北京" } });
    expect(r.hits.map((h) => h.id)).toEqual(["1", "3"]);
  });

  it("maps server errors to SearchEngineError codes", async () => {
    await expect(engine.query("nope", { q: "x" })).rejects.toMatchObject({
      code: "index_not_found",
      engineCode: "index_not_found",
    });

    const wrongKey = new MeilisearchEngine({ host: standIn.url, apiKey: "wrong" });
    await expect(wrongKey.stats("people")).rejects.toMatchObject({ code: "auth", engineCode: "invalid_api_key" });
    const noKey = new MeilisearchEngine({ host: standIn.url });
    await expect(noKey.stats("people")).rejects.toMatchObject({
      code: "auth",
      engineCode: "missing_authorization_header",
    });

    await engine.ensureIndex("people", CONTRACT_SETTINGS);
    standIn.failNextTask("internal", "No space left on device");
    await expect(engine.upsert("people", CONTRACT_DOCS)).rejects.toMatchObject({
      code: "engine_error",
      message: expect.stringContaining("No space left on device"),
    });

    await expect(engine.upsert("people", [{ fullName: "no id" }])).rejects.toMatchObject({ code: "invalid_document" });
  });

  it("reports an unreachable server as unavailable", async () => {
    const down = new MeilisearchEngine({ host: "http://127.0.0.1:9", requestTimeoutMs: 2_000 });
    await expect(down.stats("people")).rejects.toMatchObject({ code: "unavailable" });
  });

  it("can return before indexing finishes when asked not to wait", async () => {
    await engine.ensureIndex("people", CONTRACT_SETTINGS);
    const noWait = new MeilisearchEngine({ host: standIn.url, apiKey, waitForTasks: false });
    standIn.requests.length = 0;
    await noWait.upsert("people", CONTRACT_DOCS);
    expect(standIn.requests.map((r) => r.path)).toEqual([
      "/indexes/people",
      "/indexes/people/settings",
      "/indexes/people/documents",
    ]);
  });

  it("drops indexes and ignores unknown ones", async () => {
    await engine.ensureIndex("people", CONTRACT_SETTINGS);
    await engine.dropIndex("people");
    await engine.dropIndex("people");
    await expect(engine.stats("people")).rejects.toMatchObject({ code: "index_not_found" });
  });
});
