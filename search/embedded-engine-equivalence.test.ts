import { describe, expect, it } from "vitest";
import { EmbeddedSearchEngine } from "./embedded-engine.server.ts";
import { referenceQuery } from "./embedded-engine.reference.ts";
import type { IndexSettings, SearchDocument, SearchFilters, SearchQuery, SearchResult } from "./engine.ts";
import { SEARCH_INDEXES } from "./indexes.ts";

// Decision 062: the embedded engine keeps only the first `keep` matches as objects and computes the
// whole-field bonus only where it can change them. Its answers must equal the ranking before that
// change (search/embedded-engine.reference.ts, run on the same index) exactly — same hits, order, scores, total and
// highlights — on random corpora and queries: dense texts matching most documents (with ties
// broken by id), specific ones, pinyin, initials, typos, prefixes, phrase and word synonyms,
// filters, writes that reuse internal numbers, and an index restored from a snapshot.

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  "数控机床",
  "改造",
  "项目",
  "采购",
  "空压机",
  "站",
  "精密",
  "机械",
  "平衡机",
  "远航",
  "星辰",
  "开不了机",
];
const COMPANIES = ["星辰精密机械有限公司", "远航科技", "北京大学", "接力科技有限公司", "恒通科技", "杭州远杭"];
const PEOPLE = ["刘强", "刘强伟", "张伟", "王磊", "李娜", "Anna Zhang", "liu.qiang"];
const LATIN = ["compressor", "balance", "machine", "project", "upgrade", "zhang", "beijing"];

const settings = (): IndexSettings => ({
  ...structuredClone(SEARCH_INDEXES.opportunities),
  synonyms: { 空压机: ["压缩机"], 机床: ["车床"], zhang: ["chang"], 开不了机: ["无法开机"], compressor: ["pump"] },
});

function corpus(rand: () => number, size: number, ids: "numeric" | "mixed"): SearchDocument[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const docs: SearchDocument[] = [];
  for (let i = 1; i <= size; i++) {
    const kind = rand();
    // Dense names ("基准机会 N", as the bench data), exact duplicates (ties on score), and mixes.
    const name =
      kind < 0.4
        ? `基准机会 ${Math.floor(rand() * 60)}`
        : kind < 0.5
          ? pick(WORDS)
          : kind < 0.8
            ? `${pick(WORDS)}${pick(WORDS)} ${pick(LATIN)}`
            : `${pick(LATIN)} ${pick(WORDS)}${rand() < 0.5 ? ` ${Math.floor(rand() * 100)}` : ""}`;
    const id = ids === "numeric" || rand() < 0.5 ? i : rand() < 0.5 ? `k${i}` : `00${i}`;
    docs.push({
      id,
      name,
      number: `OPPT${String(i).padStart(8, "0")}`,
      companyName: rand() < 0.9 ? pick(COMPANIES) : undefined,
      contactName: rand() < 0.8 ? pick(PEOPLE) : undefined,
      ownerId: 1 + Math.floor(rand() * 6),
      stage: pick(["qualify", "propose", "won"]),
      companyId: 1 + Math.floor(rand() * 4),
      contactId: 1 + Math.floor(rand() * 9),
    });
  }
  return docs;
}

function queries(rand: () => number, docs: readonly SearchDocument[]): SearchQuery[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const typo = (word: string) => {
    const at = 1 + Math.floor(rand() * (word.length - 1));
    return word.slice(0, at) + "x" + word.slice(at + 1);
  };
  const texts = [
    "基准机会",
    "基准机会 ",
    "基准",
    "机会 12",
    "基准机会 1",
    "数控机床",
    "机床",
    "空压机",
    "开不了机",
    "远杭",
    "刘强",
    "lq",
    "liuqiang",
    "liu",
    "xingchen",
    "jizhun",
    "zhang",
    "zhang ",
    "chang",
    "compresor",
    "balanse",
    typo("machine"),
    typo("upgrade"),
    "OPPT000000",
    "科技",
    "有限公司",
    "接力科技有限公司",
    "基",
    "",
  ];
  for (let i = 0; i < 10; i++) {
    const name = String(pick(docs).name);
    const start = Math.floor(rand() * Math.max(1, name.length - 2));
    texts.push(name.slice(start, start + 2 + Math.floor(rand() * 4)));
  }
  const filters: Array<SearchFilters | undefined> = [
    undefined,
    { ownerId: [2, 5] },
    { ownerId: 3, stage: "won" },
    { companyId: 2 },
    { ownerId: [] },
    { stage: ["qualify", "propose"], contactId: [1, 2, 3, 4] },
  ];
  const out: SearchQuery[] = [];
  for (const q of texts) {
    for (let n = 0; n < 3; n++) {
      out.push({
        q,
        filters: pick(filters),
        limit: pick([1, 3, 20, 1000]),
        offset: pick([0, 0, 2]),
        highlight: rand() < 0.5,
      });
    }
  }
  return out;
}

type Ask = (query: SearchQuery) => Promise<SearchResult> | SearchResult;

async function answers(ask: Ask, list: readonly SearchQuery[]) {
  const out = [];
  for (const query of list) {
    const result = await ask(query);
    out.push({
      query,
      total: result.total,
      hits: result.hits.map((hit) => [hit.id, hit.score, hit.highlights]),
    });
  }
  return out;
}

async function loaded(docs: SearchDocument[]): Promise<EmbeddedSearchEngine> {
  const engine = new EmbeddedSearchEngine();
  await engine.ensureIndex("opportunities", settings());
  await engine.upsert("opportunities", docs);
  return engine;
}

/** The engine's answers and the reference ranking's, on the same index. */
async function both(engine: EmbeddedSearchEngine, list: readonly SearchQuery[]) {
  return {
    engine: await answers((query) => engine.query("opportunities", query), list),
    reference: await answers((query) => referenceQuery(engine, "opportunities", query), list),
  };
}

describe("embedded engine ranking equals the reference ranking (decision 062)", () => {
  for (const [seed, size, ids] of [
    [1, 400, "numeric"],
    [2, 900, "numeric"],
    [3, 300, "mixed"],
    [4, 1500, "mixed"],
  ] as const) {
    it(`seed ${seed}: ${size} documents, ${ids} ids, then writes and a snapshot`, async () => {
      const rand = random(seed);
      const docs = corpus(rand, size, ids);
      const engine = await loaded(docs);
      const list = queries(rand, docs);
      // Dense queries must really be dense, or the pruning is not exercised.
      expect((await engine.query("opportunities", { q: "基准机会", limit: 1 })).total).toBeGreaterThan(size / 4);
      const first = await both(engine, list);
      expect(first.engine).toEqual(first.reference);

      // Writes: deletes free internal numbers, new and renamed documents reuse them.
      await engine.delete(
        "opportunities",
        docs.filter(() => rand() < 0.2).map((d) => d.id as string | number),
      );
      await engine.upsert(
        "opportunities",
        corpus(rand, Math.floor(size / 3), ids).map((d, i) => ({ ...d, id: docs[i * 2]?.id ?? d.id })),
      );
      const written = await both(engine, list);
      expect(written.engine).toEqual(written.reference);
      expect(written.engine).not.toEqual(first.engine);

      const restored = new EmbeddedSearchEngine();
      restored.restoreImages(await engine.snapshotImages());
      const reloaded = await both(restored, list);
      expect(reloaded.engine).toEqual(reloaded.reference);
      expect(reloaded.engine).toEqual(written.engine);
    }, 60_000);
  }

  it("keeps the id order among a thousand equal scores whatever order the documents were written in", async () => {
    const docs = Array.from({ length: 3000 }, (_, i) => ({
      id: 3000 - i,
      name: `基准机会 ${i % 7}`,
      ownerId: 1 + (i % 3),
    }));
    const engine = await loaded(docs);
    const list: SearchQuery[] = ["基准机会", "基准机会 3", "jizhun", "基准"].flatMap((q) => [
      { q, limit: 1000 },
      { q, limit: 10, offset: 5, filters: { ownerId: [2] } },
    ]);
    const got = await both(engine, list);
    expect(got.engine).toEqual(got.reference);
    expect(got.engine[0]?.hits.slice(0, 3).map((h) => h[0])).toEqual(["1", "2", "3"]);
  });
});
