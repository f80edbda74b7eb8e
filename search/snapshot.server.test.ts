// The snapshot's binary image (decision 059): an engine loaded from it must answer exactly as the
// engine that wrote it, keep doing so after writes on top of the loaded (frozen) postings, and a
// snapshot written from such a mixed engine must load again. No database: the engine alone.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EmbeddedSearchEngine } from "./embedded-engine.server.ts";
import type { SearchDocument, SearchQuery } from "./engine.ts";
import { SEARCH_INDEXES } from "./indexes.ts";
import { loadSnapshot, writeSnapshot } from "./snapshot.server.ts";

const DATABASE = "test-db#snapshot";
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "relay-snapshot-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨"];
const GIVEN = ["强", "伟", "芳", "娜", "敏", "静", "丽", "军"];
const CITIES = ["杭州", "上海", "北京", "深圳"];

function contact(id: number, overrides: Partial<SearchDocument> = {}): SearchDocument {
  const name = `${SURNAMES[id % SURNAMES.length]}${GIVEN[id % GIVEN.length]}${id % 3 === 0 ? "伟" : ""}`;
  return {
    id,
    number: `C${String(id).padStart(6, "0")}`,
    fullName: name,
    email: `user${id}.zhang@example.com`,
    mobile: `139${String(10_000_000 + id).slice(-8)}`,
    phone: id % 2 ? `010-6234${String(id).padStart(4, "0")}` : null,
    title: id % 4 ? "销售经理" : "Purchasing Manager",
    city: CITIES[id % CITIES.length],
    province: "浙江",
    companyId: id % 5,
    companyName: `恒通科技${id % 5}有限公司`,
    ownerId: id % 3,
    ...overrides,
  };
}

const QUERIES: SearchQuery[] = [
  { q: "王" },
  { q: "刘强" },
  { q: "liuqiang" },
  { q: "lq" },
  { q: "zhnag" }, // a typo
  { q: "恒通" },
  { q: "hengtong" },
  { q: "13910000007" },
  { q: "6234" },
  { q: "purchas" }, // prefix
  { q: "经理", filters: { city: "杭州" } },
  { q: "", filters: { companyId: [1, 2] } },
  { q: "伟", filters: { ownerId: 0 } },
  { q: "user12" },
];

async function answers(engine: EmbeddedSearchEngine): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const query of QUERIES) {
    const result = await engine.query("contacts", { ...query, limit: 50, highlight: true });
    out.push({ q: query.q, total: result.total, hits: result.hits.map((h) => [h.id, h.score, h.highlights]) });
  }
  return out;
}

async function fresh(docs: SearchDocument[]): Promise<EmbeddedSearchEngine> {
  const engine = new EmbeddedSearchEngine();
  await engine.ensureIndex("contacts", SEARCH_INDEXES.contacts);
  await engine.upsert("contacts", docs);
  return engine;
}

async function reload(engine: EmbeddedSearchEngine, name: string): Promise<EmbeddedSearchEngine> {
  const path = join(dir, name);
  const written = await writeSnapshot(engine, 42n, path, DATABASE);
  const loaded = new EmbeddedSearchEngine();
  const result = await loadSnapshot(loaded, path, DATABASE);
  expect(result).toMatchObject({ ok: true, position: 42n, docs: written.docs });
  return loaded;
}

/** The same writes on any engine: a changed name, a deleted document, a new one, a moved city. */
async function writeSome(engine: EmbeddedSearchEngine): Promise<void> {
  await engine.upsert("contacts", [
    contact(7, { fullName: "欧阳娜娜", email: "ouyang@example.com" }),
    contact(500, { fullName: "刘强", city: "杭州" }),
    contact(12, { city: "上海" }),
  ]);
  await engine.delete("contacts", [3, 9, 400]);
}

describe("search snapshot (binary image)", () => {
  it("loads an engine that answers exactly as the one that wrote it, before and after writes", async () => {
    const docs = Array.from({ length: 400 }, (_, i) => contact(i + 1));
    const original = await fresh(docs);
    const loaded = await reload(original, "a.bin");
    expect(await answers(loaded)).toEqual(await answers(original));
    expect(await loaded.stats("contacts")).toEqual({ documents: 400, isIndexing: false });

    // Writes on top of the frozen postings: the same result as on an engine built from scratch.
    await writeSome(original);
    await writeSome(loaded);
    const expected = await answers(original);
    expect(await answers(loaded)).toEqual(expected);
    expect(await loaded.query("contacts", { q: "欧阳" })).toMatchObject({ total: 1 });
    expect(await loaded.query("contacts", { q: "", filters: { id: 9 } })).toMatchObject({ total: 0 });

    // A snapshot of the mixed engine (frozen and live postings, freed numbers) loads again.
    const again = await reload(loaded, "b.bin");
    expect(await answers(again)).toEqual(expected);
    expect((await again.stats("contacts")).documents).toBe(398);
  });

  it("refuses another database's snapshot and a missing file, leaving the engine empty", async () => {
    const engine = await fresh([contact(1), contact(2)]);
    const path = join(dir, "c.bin");
    await writeSnapshot(engine, 1n, path, DATABASE);
    const other = await fresh([contact(3)]);
    expect(await loadSnapshot(other, path, "another#db")).toEqual({ ok: false, reason: "another database" });
    expect(await loadSnapshot(other, join(dir, "missing.bin"), DATABASE)).toEqual({
      ok: false,
      reason: "no snapshot",
    });
    expect(other.indexNames()).toEqual([]);
  });
});
