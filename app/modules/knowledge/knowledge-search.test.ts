import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createKnowledgeStaff, createTestArticle } from "#tests/factories/knowledge.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { EmbeddedSearchEngine } from "#search/embedded-engine.server.ts";
import { setSearchEngine } from "#search/engine-selection.server.ts";
import { syncSearchDocuments } from "#search/search-jobs.server.ts";
import { createArticle } from "./knowledge-articles.server.ts";
import { searchKnowledge } from "./knowledge-search.server.ts";
import type { KnowledgeReader } from "./knowledge-visibility.ts";

// Text search goes through the `knowledge` index with the reader's visibility as engine filters.

const visitor: KnowledgeReader = { kind: "visitor" };
const member: KnowledgeReader = { kind: "member", memberId: 1, customer: false };
const customer: KnowledgeReader = { kind: "member", memberId: 1, customer: true };
const staff: KnowledgeReader = { kind: "staff", staffId: 1 };

beforeEach(async () => {
  await resetDatabase();
  setSearchEngine(new EmbeddedSearchEngine());
});

afterAll(() => setSearchEngine(undefined));

async function indexAll() {
  const ids = (await db.knowledgeArticle.findMany({ select: { id: true } })).map((r) => r.id);
  await syncSearchDocuments("knowledge", ids);
}

describe("knowledge search", () => {
  it("finds by summary, keyword and solution text, filtered by what the reader may see", async () => {
    const pub = await createTestArticle(db, {
      summary: "平衡机校准失败怎么办",
      visibility: "public",
      keywords: "标定",
    });
    const mem = await createTestArticle(db, { summary: "平衡机操作培训资料", visibility: "members" });
    const cus = await createTestArticle(db, { summary: "平衡机主轴更换流程", visibility: "customers" });
    const int = await createTestArticle(db, { summary: "平衡机返厂内部流程", visibility: "internal" });
    const draft = await createTestArticle(db, { summary: "平衡机新版固件说明", status: "draft" });
    await createTestArticle(db, { summary: "振动分析仪电池", solutionHtml: "<p>更换电池</p>" });
    await indexAll();

    const ids = async (reader: KnowledgeReader, q: string) =>
      (await searchKnowledge(db, reader, { q })).items.map((i) => i.id).sort((a, b) => a - b);
    expect(await ids(visitor, "平衡机")).toEqual([pub.id]);
    expect(await ids(member, "平衡机")).toEqual([pub.id, mem.id]);
    expect(await ids(customer, "平衡机")).toEqual([pub.id, mem.id, cus.id]);
    expect(await ids(staff, "平衡机")).toEqual([pub.id, mem.id, cus.id, int.id, draft.id]);
    expect(await ids(visitor, "标定")).toEqual([pub.id]);
    expect(await ids(visitor, "更换电池")).toHaveLength(1);

    const hit = (await searchKnowledge(db, visitor, { q: "校准" })).items[0]!;
    expect(hit.summaryHighlight).toContain("<mark>");
    expect(hit.snippet).toBeTruthy();
  });

  it("counts and pages only visible hits: the filter is applied in the engine, not after it", async () => {
    for (let i = 0; i < 25; i++) await createTestArticle(db, { summary: `校准内部记录 ${i}`, visibility: "internal" });
    const visible = [];
    for (let i = 0; i < 3; i++) visible.push((await createTestArticle(db, { summary: `校准公开说明 ${i}` })).id);
    await indexAll();

    const first = await searchKnowledge(db, visitor, { q: "校准", pageSize: 2 });
    expect(first).toMatchObject({ total: 3, pageCount: 2, source: "index" });
    expect(first.items).toHaveLength(2);
    const second = await searchKnowledge(db, visitor, { q: "校准", pageSize: 2, page: 2 });
    expect(second.items).toHaveLength(1);
    expect([...first.items, ...second.items].map((i) => i.id).sort((a, b) => a - b)).toEqual(visible);
    expect((await searchKnowledge(db, staff, { q: "校准" })).total).toBe(28);
  });

  it("a change reaches search through the sync job; the database re-check hides an article the index has not caught up with", async () => {
    const { actor } = await createKnowledgeStaff(db, { add: "all" });
    const created = await createArticle(db, actor, {
      summary: "动平衡精度等级 G2.5 说明",
      solutionHtml: "<p>按 ISO 21940 选择精度等级。</p>",
      visibility: "public",
      status: "published",
    });
    if (!created.ok) throw new Error("create failed");
    await syncSearchDocuments("knowledge", [created.id]);
    expect((await searchKnowledge(db, visitor, { q: "精度等级" })).items.map((i) => i.id)).toEqual([created.id]);

    // Unpublished in the database, index not yet synced: the reader still does not get it.
    await db.knowledgeArticle.update({ where: { id: created.id }, data: { status: "draft" } });
    expect((await searchKnowledge(db, visitor, { q: "精度等级" })).items).toEqual([]);
    await syncSearchDocuments("knowledge", [created.id]);
    expect((await searchKnowledge(db, visitor, { q: "精度等级" })).total).toBe(0);
  });

  it("narrows by category in the engine too", async () => {
    const a = await createTestArticle(db, { summary: "传感器校准", category: "平衡机" });
    await createTestArticle(db, { summary: "传感器校准", category: "振动分析" });
    await indexAll();
    const result = await searchKnowledge(db, visitor, { q: "传感器", category: "平衡机" });
    expect(result.items.map((i) => i.id)).toEqual([a.id]);
    expect(result.total).toBe(1);
  });
});
