import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import type { Grants, Scope } from "#app/modules/auth/permissions.ts";
import { staffActorFor, type StaffActor } from "#app/modules/auth/staff-actor.ts";
import { createSearchWorld } from "#tests/factories/search.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { EmbeddedSearchEngine } from "./embedded-engine.server.ts";
import { setSearchEngine } from "./engine-selection.server.ts";
import { globalSearch, looksLikePerson } from "./global-search.server.ts";
import { reindexAll } from "./reindex.server.ts";

let engine: EmbeddedSearchEngine;
let world: Awaited<ReturnType<typeof createSearchWorld>>;

beforeEach(async () => {
  await resetDatabase();
  world = await createSearchWorld(db);
  engine = new EmbeddedSearchEngine();
  setSearchEngine(engine);
  await reindexAll({ engine, log: () => {} });
});

afterAll(async () => {
  setSearchEngine(undefined);
  await db.$disconnect();
});

function viewer(staff: { id: number; teamId: number | null }, scope: Scope | null, isAdmin = false): StaffActor {
  const grants: Grants = {};
  if (scope)
    for (const m of ["contacts", "companies", "leads", "opportunities"] as const) grants[m] = { browse: scope };
  return staffActorFor(staff, { isAdmin, grants });
}

const idsOf = (r: Awaited<ReturnType<typeof globalSearch>>, kind: string) =>
  r.groups.find((g) => g.kind === kind)?.items.map((i) => Number(i.id)) ?? [];

describe("global search", () => {
  it("finds contacts by pinyin (full, initials, as-you-type) and companies by part of their name", async () => {
    const admin = viewer(world.me, "all", true);
    for (const q of ["liuqiang", "lq", "liuq", "刘强"]) {
      const r = await globalSearch(db, admin, q);
      expect(idsOf(r, "contacts")[0], q).toBe(world.liuQiang.id);
    }
    const r = await globalSearch(db, admin, "星河数");
    expect(idsOf(r, "companies")).toEqual([world.company.id]);
    expect(idsOf(r, "opportunities")).toEqual([world.opportunity.id]);
    const item = r.groups.find((g) => g.kind === "companies")?.items[0];
    expect(item?.title).toBe("<mark>星河数</mark>据科技有限公司");
    expect(item?.href).toBe(`/crm/companies/${world.company.id}`);
  });

  it("applies the browse scope as owner filters: own, team, all", async () => {
    const own = await globalSearch(db, viewer(world.me, "own"), "liu");
    expect(idsOf(own, "contacts")).toEqual([world.liuQiang.id]);
    expect(own.groups.find((g) => g.kind === "contacts")?.total).toBe(1);
    expect(idsOf(own, "leads")).toEqual([]);

    const team = await globalSearch(db, viewer(world.me, "team"), "liu");
    expect(idsOf(team, "contacts").sort()).toEqual([world.liuQiang.id, world.liuQiangTeam.id].sort());

    const all = await globalSearch(db, viewer(world.me, "all"), "liu");
    expect(idsOf(all, "contacts")).toHaveLength(3);
    expect(idsOf(all, "leads")).toEqual([world.lead.id]);
    expect(all.groups.find((g) => g.kind === "leads")?.items[0]).toMatchObject({
      href: `/crm/leads/${world.lead.id}`,
      badge: "leads.status.new",
    });
  });

  it("does not search modules the viewer may not browse", async () => {
    const onlyLeads = staffActorFor(world.outsider, { grants: { leads: { browse: "own" } } });
    const r = await globalSearch(db, onlyLeads, "刘强");
    expect(r.groups.map((g) => g.kind)).toEqual(["leads"]);
    expect(idsOf(r, "leads")).toEqual([world.lead.id]);
    const none = await globalSearch(db, viewer(world.me, null), "刘强");
    expect(none.groups).toEqual([]);
  });

  it("pages one kind and answers an empty query with empty groups", async () => {
    const admin = viewer(world.me, "all", true);
    const page = await globalSearch(db, admin, "liu", { only: "contacts", limit: 2, offset: 2 });
    expect(page.groups).toHaveLength(1);
    expect(page.groups[0]?.total).toBe(3);
    expect(page.groups[0]?.items).toHaveLength(1);
    const empty = await globalSearch(db, admin, "   ");
    expect(empty.groups.every((g) => g.total === 0 && g.items.length === 0)).toBe(true);
  });

  it("escapes record text in titles and subtitles", async () => {
    await db.company.update({ where: { id: world.company.id }, data: { name: "星河<script>x</script>" } });
    await reindexAll({ engine, log: () => {} });
    const r = await globalSearch(db, viewer(world.me, "all", true), "星河");
    const titles = r.groups.flatMap((g) => g.items.map((i) => i.title + i.subtitle)).join("\n");
    expect(titles).toContain("&lt;script&gt;");
    expect(titles).not.toContain("<script>");
  });
});

describe("looksLikePerson", () => {
  it("recognises names, e-mails, phones and the seed's loose example", () => {
    expect(looksLikePerson("刘强 深圳 liu@xyz.com")).toBe(true);
    expect(looksLikePerson("王芳")).toBe(true);
    expect(looksLikePerson("liu@xyz.com")).toBe(true);
    expect(looksLikePerson("138 1234 5678")).toBe(true);
    expect(looksLikePerson("北京")).toBe(false);
    expect(looksLikePerson("星河数据科技")).toBe(false);
    expect(looksLikePerson("")).toBe(false);
  });
});
