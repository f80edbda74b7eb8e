import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestArticle } from "#tests/factories/knowledge.ts";
import { get, outcome, post, signedInStaff } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { EmbeddedSearchEngine } from "#search/embedded-engine.server.ts";
import { setSearchEngine } from "#search/engine-selection.server.ts";
import { searchKnowledge } from "#app/modules/knowledge/knowledge-search.server.ts";
import { action as synonymsAction, loader as synonymsLoader } from "./knowledge-synonyms.tsx";

// 知识库同义词 (issue #14 item 5): knowledge editors keep the list, search applies it at once.

beforeEach(async () => {
  await resetDatabase();
  setSearchEngine(new EmbeddedSearchEngine());
});

describe("knowledge synonyms page", () => {
  it("lets knowledge editors keep the synonym list; others get 403; bad input is a 400", async () => {
    const a = await createTestArticle(db, { summary: "振动分析仪无法开机" });
    const editor = await signedInStaff({ grants: [{ module: "knowledge", action: "modify", scope: "all" }] });
    const reader = await signedInStaff({ grants: [{ module: "knowledge", action: "browse", scope: "all" }] });
    expect((await outcome(() => synonymsLoader(get("/crm/knowledge/synonyms", reader.cookie)))).status).toBe(403);
    const path = "/crm/knowledge/synonyms";
    const added = await outcome(() =>
      synonymsAction(post(path, editor.cookie, { intent: "add", terms: "开不了机\n无法开机" })),
    );
    expect(added).toMatchObject({ status: 302, location: expect.stringContaining(path) });
    const page = (await outcome(() => synonymsLoader(get(path, editor.cookie)))).body as {
      groups: Array<{ id: number; terms: string[] }>;
    };
    expect(page.groups.map((g) => g.terms)).toEqual([["开不了机", "无法开机"]]);
    const search = await searchKnowledge(db, { kind: "visitor" }, { q: "开不了机" });
    expect(search.items.map((i) => i.id)).toEqual([a.id]);
    expect(
      (await outcome(() => synonymsAction(post(path, editor.cookie, { intent: "add", terms: "一个" })))).status,
    ).toBe(400);
    expect(
      (await outcome(() => synonymsAction(post(path, editor.cookie, { intent: "remove", id: "abc" })))).status,
    ).toBe(400);
    expect(
      (await outcome(() => synonymsAction(post(path, editor.cookie, { intent: "remove", id: "999999" })))).status,
    ).toBe(404);
    expect((await outcome(() => synonymsAction(post(path, editor.cookie, { intent: "nope" })))).status).toBe(400);
    expect(
      (await outcome(() => synonymsAction(post(path, reader.cookie, { intent: "add", terms: "a,b" })))).status,
    ).toBe(403);
    const id = String(page.groups[0]?.id);
    expect((await outcome(() => synonymsAction(post(path, editor.cookie, { intent: "remove", id })))).status).toBe(302);
    expect(await db.searchSynonym.count()).toBe(0);
  });
});
