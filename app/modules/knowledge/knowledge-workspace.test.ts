import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createKnowledgeStaff, createTestArticle } from "#tests/factories/knowledge.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { articleResult, getKnowledgeWorkspace } from "./knowledge-workspace.server.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("knowledge workspace", () => {
  it("derives what the actor may do with the article from their grants and its author", async () => {
    const author = await createKnowledgeStaff(db, { browse: "all", modify: "own", delete: "own" });
    const reader = await createKnowledgeStaff(db, { browse: "all" });
    const article = await createTestArticle(db, { authorId: author.staff.id, keywords: "校准, E21" });

    const mine = await getKnowledgeWorkspace(db, author.actor, article.id);
    expect(mine?.capabilities).toEqual({ canModify: true, canDelete: true });
    expect(mine?.article.keywordList).toEqual(["校准", "E21"]);
    expect(mine?.categories).toContain("测试分类");

    const theirs = await getKnowledgeWorkspace(db, reader.actor, article.id);
    expect(theirs?.capabilities).toEqual({ canModify: false, canDelete: false });
    // only editors get the editor's suggestions
    expect(theirs?.categories).toEqual([]);
    expect(await getKnowledgeWorkspace(db, reader.actor, article.id + 1000)).toBeNull();
  });

  it("answers the services' results as the page's ServiceResult", () => {
    expect(articleResult({ ok: true, id: 7 })).toEqual({ status: "ok", value: { id: 7 } });
    expect(articleResult({ ok: false, reason: "not-found" }).status).toBe("not-found");
    expect(articleResult({ ok: false, reason: "forbidden" }).status).toBe("forbidden");
    expect(
      articleResult({ ok: false, reason: "invalid", fieldErrors: { summary: "knowledge.error.summaryRequired" } }),
    ).toMatchObject({ status: "invalid", fieldErrors: { summary: ["knowledge.error.summaryRequired"] } });
  });
});
