import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestCompany } from "#tests/factories/member-admin.ts";
import { createKnowledgeStaff, createTestArticle, createTestServiceRequest } from "#tests/factories/knowledge.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  articleDraftFromRequest,
  createArticle,
  createArticleFromRequest,
  deleteArticle,
  normaliseKeywords,
  setArticleStatus,
  updateArticle,
} from "./knowledge-articles.server.ts";

const valid = {
  summary: "平衡机开机后校准失败",
  descriptionHtml: "<p>开机自检后提示 <strong>E21</strong></p>",
  solutionHtml: "<p>重新标定传感器。</p>",
  category: "平衡机",
  keywords: "校准，标定、 E21 校准",
  visibility: "public",
  status: "draft",
};

async function searchJobs(id: number) {
  // Search changes go onto the search change feed (decision 047); `type` keeps the old job names.
  const rows = await db.searchChange.findMany({ where: { index: "knowledge", entityId: id } });
  return rows.map((r) => ({ type: `search.${r.op}` }));
}

describe("knowledge articles", () => {
  beforeEach(() => resetDatabase());

  it("creates a sanitised article with its record number, audit row and search sync job", async () => {
    const { actor } = await createKnowledgeStaff(db, { add: "all" });
    const result = await createArticle(db, actor, {
      ...valid,
      solutionHtml: '<p onclick="x()">步骤<script>alert(1)</script><a href="javascript:alert(1)">链接</a></p>',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await db.knowledgeArticle.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.number).toBe(`SOLN${String(row.id).padStart(12, "0")}`);
    expect(row.solutionHtml).not.toMatch(/script|onclick|javascript:/i);
    expect(row.solutionHtml).toContain("步骤");
    expect(row.keywords).toBe("校准, 标定, E21");
    expect(row.authorId).toBe(actor.staffId);
    expect(row.publishedAt).toBeNull();
    expect(await db.auditLog.count({ where: { action: "knowledge.create", entityId: String(row.id) } })).toBe(1);
    expect(await searchJobs(row.id)).toHaveLength(1);
  });

  it("refuses empty summaries and solutions that are only markup", async () => {
    const { actor } = await createKnowledgeStaff(db, { add: "all" });
    const noSummary = await createArticle(db, actor, { ...valid, summary: "  " });
    expect(noSummary).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { summary: "knowledge.error.summaryRequired" },
    });
    const emptySolution = await createArticle(db, actor, { ...valid, solutionHtml: "<p></p><script>x</script>" });
    expect(emptySolution).toMatchObject({
      ok: false,
      fieldErrors: { solutionHtml: "knowledge.error.solutionRequired" },
    });
    const badVisibility = await createArticle(db, actor, { ...valid, visibility: "everyone" });
    expect(badVisibility).toMatchObject({ ok: false, fieldErrors: { visibility: "knowledge.error.visibility" } });
    expect(await db.knowledgeArticle.count()).toBe(0);
  });

  it("follows the role's grants: add, modify and delete with own / team / all scope", async () => {
    const { actor: reader } = await createKnowledgeStaff(db, { browse: "all" });
    expect(await createArticle(db, reader, valid)).toEqual({ ok: false, reason: "forbidden" });

    const team = await db.team.create({ data: { name: "客服一组" } });
    const { actor: author } = await createKnowledgeStaff(
      db,
      { add: "all", modify: "own", delete: "own" },
      { teamId: team.id },
    );
    const { actor: colleague } = await createKnowledgeStaff(db, { modify: "team", delete: "own" }, { teamId: team.id });
    const { actor: outsider } = await createKnowledgeStaff(db, { modify: "own", delete: "team" });
    const created = await createArticle(db, author, valid);
    if (!created.ok) throw new Error("create failed");

    expect(await updateArticle(db, outsider, created.id, { ...valid, summary: "改" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await updateArticle(db, colleague, created.id, { ...valid, summary: "同组修改" })).toEqual({
      ok: true,
      id: created.id,
    });
    expect(await deleteArticle(db, colleague, created.id)).toEqual({ ok: false, reason: "forbidden" });
    expect(await deleteArticle(db, outsider, created.id)).toEqual({ ok: false, reason: "forbidden" });
    expect((await db.knowledgeArticle.findUniqueOrThrow({ where: { id: created.id } })).summary).toBe("同组修改");

    expect(await deleteArticle(db, author, created.id)).toEqual({ ok: true });
    expect(await db.knowledgeArticle.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "knowledge.delete" } })).toBe(1);
    // A delete also syncs the index (the job removes the document).
    expect((await searchJobs(created.id)).map((j) => j.type)).toContain("search.delete");
  });

  it("publishing stamps publishedAt, unpublishing clears it, and each change re-syncs search", async () => {
    const { actor } = await createKnowledgeStaff(db, { add: "all", modify: "all" });
    const created = await createArticle(db, actor, valid);
    if (!created.ok) throw new Error("create failed");
    await setArticleStatus(db, actor, created.id, "published");
    const published = await db.knowledgeArticle.findUniqueOrThrow({ where: { id: created.id } });
    expect(published.status).toBe("published");
    expect(published.publishedAt).toBeInstanceOf(Date);
    await setArticleStatus(db, actor, created.id, "draft");
    const drafted = await db.knowledgeArticle.findUniqueOrThrow({ where: { id: created.id } });
    expect(drafted).toMatchObject({ status: "draft", publishedAt: null });
    expect(await searchJobs(created.id)).toHaveLength(3);
  });

  it("turns a request's answer into a draft solution: published solution first, else the last public staff reply, never an internal note", async () => {
    const knowledgeStaff = await createKnowledgeStaff(db, { add: "all" });
    // Reading the request needs its service scope too (issue #13).
    const actor = {
      ...knowledgeStaff.actor,
      grants: { ...knowledgeStaff.actor.grants, service: { browse: "all" as const } },
    };
    const company = await createTestCompany(db);
    const request = await createTestServiceRequest(db, {
      companyId: company.id,
      subject: "动平衡机振动值超标",
      descriptionHtml: "<p>转速 1200 时振动 8mm/s</p>",
    });
    await db.serviceReply.createMany({
      data: [
        {
          requestId: request.id,
          authorType: "staff",
          internal: false,
          bodyHtml: "<p>请先清洁转子</p>",
          createdAt: new Date(Date.now() - 60_000),
        },
        {
          requestId: request.id,
          authorType: "staff",
          internal: false,
          bodyHtml: "<p>更换轴承后恢复正常</p>",
          createdAt: new Date(Date.now() - 30_000),
        },
        {
          requestId: request.id,
          authorType: "staff",
          internal: true,
          bodyHtml: "<p>内部：客户操作不当</p>",
          createdAt: new Date(),
        },
        {
          requestId: request.id,
          authorType: "member",
          internal: false,
          bodyHtml: "<p>谢谢</p>",
          createdAt: new Date(),
        },
      ],
    });

    const draft = await articleDraftFromRequest(db, actor, request.id);
    expect(draft).toMatchObject({
      summary: "动平衡机振动值超标",
      descriptionHtml: "<p>转速 1200 时振动 8mm/s</p>",
      solutionHtml: "<p>更换轴承后恢复正常</p>",
      sourceRequestId: request.id,
      visibility: "customers",
    });

    await db.serviceRequest.update({ where: { id: request.id }, data: { solutionHtml: "<p>已发布的解决方案</p>" } });
    const created = await createArticleFromRequest(db, actor, request.id);
    if (!created.ok) throw new Error("create failed");
    const row = await db.knowledgeArticle.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      sourceRequestId: request.id,
      status: "draft",
      solutionHtml: "<p>已发布的解决方案</p>",
    });
    expect(row.solutionHtml).not.toContain("内部");

    expect(await articleDraftFromRequest(db, actor, request.id + 999)).toBeNull();
    expect(await createArticleFromRequest(db, actor, request.id + 999)).toEqual({ ok: false, reason: "not-found" });
  });

  it("normalises keywords from mixed separators", () => {
    expect(normaliseKeywords(" 校准，标定;Calibration  calibration 、E21 ")).toBe("校准, 标定, Calibration, E21");
    expect(normaliseKeywords("  ")).toBeNull();
  });

  it("keeps the first publication date across edits", async () => {
    const { actor } = await createKnowledgeStaff(db, { modify: "all" });
    const article = await createTestArticle(db, { status: "published" });
    const before = article.publishedAt!;
    await updateArticle(db, actor, article.id, { ...valid, status: "published" });
    const after = await db.knowledgeArticle.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.publishedAt?.getTime()).toBe(before.getTime());
  });

  it("keeps the article's status when an edit does not name one", async () => {
    const { actor } = await createKnowledgeStaff(db, { modify: "all" });
    const article = await createTestArticle(db, { status: "published" });
    const { status: _status, ...withoutStatus } = valid;
    expect(await updateArticle(db, actor, article.id, { ...withoutStatus, summary: "只改摘要" })).toEqual({
      ok: true,
      id: article.id,
    });
    const after = await db.knowledgeArticle.findUniqueOrThrow({ where: { id: article.id } });
    expect(after).toMatchObject({ summary: "只改摘要", status: "published" });
  });
});
