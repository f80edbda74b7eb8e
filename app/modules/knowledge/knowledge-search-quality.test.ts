import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestArticle } from "#tests/factories/knowledge.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { EmbeddedSearchEngine } from "#search/embedded-engine.server.ts";
import { setSearchEngine } from "#search/engine-selection.server.ts";
import { reindexAll } from "#search/reindex.server.ts";
import {
  addSynonymGroup,
  articleNeedsSignIn,
  deleteSynonymGroup,
  hotKnowledgeSearches,
  listSynonymGroups,
  logKnowledgeSearch,
} from "./knowledge-search-quality.server.ts";
import { searchKnowledge } from "./knowledge-search.server.ts";
import type { KnowledgeReader } from "./knowledge-visibility.ts";

// Issue #14 item 5 on the database: pinyin finds solutions, staff synonyms apply to search, the hot
// searches are logged queries that find something for the reader (counts only), and a visitor is
// asked to sign in for a members-only solution.

const visitor: KnowledgeReader = { kind: "visitor" };
const member: KnowledgeReader = { kind: "member", memberId: 1, customer: false };

beforeEach(async () => {
  await resetDatabase();
  setSearchEngine(new EmbeddedSearchEngine());
});

afterAll(() => setSearchEngine(undefined));

/** Fills the knowledge index of this test's engine from the database. */
const indexAll = () => reindexAll({ indexes: ["knowledge"], log: () => {} });

const found = async (q: string, reader: KnowledgeReader = visitor) =>
  (await searchKnowledge(db, reader, { q })).items.map((i) => i.id);

describe("knowledge search quality", () => {
  it("finds solutions by the pinyin of their summary and keywords", async () => {
    const a = await createTestArticle(db, { summary: "振动分析仪无法开机或电池很快耗尽", keywords: "电池, 充电" });
    await createTestArticle(db, { summary: "平衡机校准步骤", keywords: "标定" });
    await indexAll();
    for (const q of ["kaiji", "zhendong", "dianchi", "chongdian"]) expect(await found(q), q).toEqual([a.id]);
  });

  it("applies the staff synonym list: 开不了机 finds 无法开机 once the group exists, not after it is gone", async () => {
    const a = await createTestArticle(db, { summary: "振动分析仪无法开机或电池很快耗尽" });
    await indexAll();
    expect(await found("开不了机")).toEqual([]);
    const added = await addSynonymGroup(db, { terms: "开不了机，无法开机、开机失败" });
    expect(added.status).toBe("ok");
    expect(await found("开不了机")).toEqual([a.id]);
    expect(await found("仪器开机失败")).toEqual([]);
    expect(await found("开机失败")).toEqual([a.id]);
    expect((await listSynonymGroups(db))[0]?.terms).toEqual(["开不了机", "无法开机", "开机失败"]);
    if (added.status !== "ok") throw new Error("not added");
    expect((await deleteSynonymGroup(db, added.value.id)).status).toBe("ok");
    expect(await found("开不了机")).toEqual([]);
    expect((await deleteSynonymGroup(db, added.value.id)).status).toBe("not-found");
  });

  it("refuses a group of one word, an overlong word and a group that already exists", async () => {
    expect((await addSynonymGroup(db, { terms: "开机, 开机" })).status).toBe("invalid");
    expect((await addSynonymGroup(db, { terms: `开机, ${"长".repeat(31)}` })).status).toBe("invalid");
    expect((await addSynonymGroup(db, { terms: "发票, 开票" })).status).toBe("ok");
    expect((await addSynonymGroup(db, { terms: "开票 , 发票" })).status).toBe("conflict");
    expect(await db.searchSynonym.count()).toBe(1);
  });

  it("hot searches are logged queries that find something for this reader; no chip returns 0", async () => {
    await createTestArticle(db, { summary: "平衡机校准步骤", visibility: "public" });
    await createTestArticle(db, { summary: "会员专享：平衡机日常点检表", visibility: "members" });
    await indexAll();
    for (const [q, times] of [
      ["平衡机", 3],
      ["点检", 4],
      ["不存在的问题", 5],
      ["校准", 1],
    ] as const) {
      for (let i = 0; i < times; i++) await logKnowledgeSearch(db, q, (await searchKnowledge(db, member, { q })).total);
    }
    // 点检 finds only a members' solution: a visitor never gets a chip that shows nothing.
    expect(await hotKnowledgeSearches(db, visitor)).toEqual(["平衡机"]);
    expect(await hotKnowledgeSearches(db, member)).toEqual(["点检", "平衡机"]);
    for (const q of await hotKnowledgeSearches(db, visitor)) expect((await found(q)).length).toBeGreaterThan(0);
  });

  it("keeps counts only, and never logs what looks like personal data", async () => {
    await logKnowledgeSearch(db, "  平衡机  ", 2);
    await logKnowledgeSearch(db, "平衡机", 2);
    await logKnowledgeSearch(db, "13800138000", 1);
    await logKnowledgeSearch(db, "liu@example.com", 1);
    await logKnowledgeSearch(db, "a", 1);
    const rows = await db.searchQueryStat.findMany();
    expect(rows.map((r) => [r.query, r.count])).toEqual([["平衡机", 2]]);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      ["count", "id", "lastHits", "lastSearchedAt", "query", "scope"].sort(),
    );
  });

  it("asks a visitor to sign in for a published members-only solution, nothing else", async () => {
    const members = await createTestArticle(db, { visibility: "members" });
    const customers = await createTestArticle(db, { visibility: "customers" });
    const internal = await createTestArticle(db, { visibility: "internal" });
    const draft = await createTestArticle(db, { visibility: "members", status: "draft" });
    expect(await articleNeedsSignIn(db, visitor, members.id)).toBe(true);
    expect(await articleNeedsSignIn(db, visitor, customers.id)).toBe(true);
    expect(await articleNeedsSignIn(db, visitor, internal.id)).toBe(false);
    expect(await articleNeedsSignIn(db, visitor, draft.id)).toBe(false);
    expect(await articleNeedsSignIn(db, visitor, 999_999)).toBe(false);
    expect(await articleNeedsSignIn(db, member, customers.id)).toBe(false);
  });
});
