import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestArticle } from "#tests/factories/knowledge.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { get, memberCookieFor, outcome } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { EmbeddedSearchEngine } from "#search/embedded-engine.server.ts";
import { setSearchEngine } from "#search/engine-selection.server.ts";
import { loader as homeLoader } from "./home.tsx";
import { loader as articleLoader } from "./knowledge-article.tsx";
import { loader as listLoader } from "./knowledge.tsx";

// Issue #14 item 5 through the portal routes: searches are counted and come back as 热门搜索 only
// when they find something for the reader; a visitor gets 401 (the sign-in prompt) for a
// members-only solution. The synonym page: backoffice/routes/knowledge-synonyms.test.ts.

beforeEach(async () => {
  await resetDatabase();
  setSearchEngine(new EmbeddedSearchEngine());
});

type ListData = { hot: string[]; result: { total: number; items: Array<{ id: number }> } };

describe("knowledge search quality routes", () => {
  it("counts portal searches and offers only those that find something as hot searches", async () => {
    const a = await createTestArticle(db, { summary: "振动分析仪无法开机或电池很快耗尽" });
    await createTestArticle(db, { summary: "会员专享：平衡机日常点检表", visibility: "members" });
    const member = await memberCookieFor((await createTestMember(db, { level: "prospect" })).member.id);
    for (const q of ["开机", "开机", "点检", "点检", "没有这个", "没有这个", "kaiji"]) {
      await listLoader(get(`/knowledge?q=${encodeURIComponent(q)}`, member));
    }
    // Page 2 is not a new search.
    await listLoader(get(`/knowledge?q=kaiji&page=2`, null));
    const visitorPage = (await listLoader(get("/knowledge", null))) as ListData;
    expect(visitorPage.hot).toEqual(["开机"]);
    expect(((await homeLoader(get("/", null))) as { hotSearches: string[] }).hotSearches).toEqual(["开机"]);
    const memberPage = (await listLoader(get("/knowledge", member))) as ListData;
    expect(memberPage.hot.sort()).toEqual(["开机", "点检"].sort());
    const pinyin = (await listLoader(get("/knowledge?q=kaiji", null))) as ListData;
    expect(pinyin.result.items.map((i) => i.id)).toEqual([a.id]);
    expect(
      await db.searchQueryStat.findUnique({ where: { scope_query: { scope: "knowledge", query: "kaiji" } } }),
    ).toMatchObject({ count: 2 });
  });

  it("answers a visitor 401 (sign in) for a members-only solution and a member 200", async () => {
    const members = await createTestArticle(db, { visibility: "members" });
    const internal = await createTestArticle(db, { visibility: "internal" });
    const args = (id: number, cookie: string | null) => get(`/knowledge/${id}`, cookie, { articleId: String(id) });
    expect((await outcome(() => articleLoader(args(members.id, null)))).status).toBe(401);
    expect((await outcome(() => articleLoader(args(internal.id, null)))).status).toBe(404);
    const member = await memberCookieFor((await createTestMember(db, { level: "prospect" })).member.id);
    expect((await outcome(() => articleLoader(args(members.id, member)))).status).toBe(200);
  });
});
