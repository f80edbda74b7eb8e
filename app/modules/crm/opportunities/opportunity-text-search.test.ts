import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { EmbeddedSearchEngine } from "#search/embedded-engine.server.ts";
import { SearchEngineError, type SearchEngine } from "#search/engine.ts";
import { stopSearchFollower } from "#search/feed-follower.server.ts";
import {
  createSalesCompany,
  createSalesOpportunity,
  createSalesStaff,
  createSalesTeam,
} from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { loadOpportunityBoard } from "./opportunity-board.server.ts";
import { listOpportunities } from "./opportunity-list.server.ts";
import { opportunityTextMatch, TEXT_SEARCH_ID_LIMIT } from "./opportunity-text-search.server.ts";

// The list's and board's text search through the search index (decision 057): by name, number,
// company and pinyin; never outside the actor's scope; paging and the capped total over the matches;
// the database's fallback for rows the index may not have yet and for an engine that is down.

const SLOW = 120_000;
let engine: EmbeddedSearchEngine;

beforeEach(async () => {
  await resetDatabase();
  engine = new EmbeddedSearchEngine();
}, SLOW);
afterEach(() => stopSearchFollower(engine));

/** Rows changed long ago: only the index can find them (the fresh-rows branch does not reach them). */
async function age() {
  await db.opportunity.updateMany({ data: { updatedAt: new Date("2026-01-01T00:00:00Z") } });
}

async function world() {
  const team = await createSalesTeam(db);
  const manager = await createSalesStaff(db, "salesManager", { teamId: team.id });
  const rep = await createSalesStaff(db, "sales", { teamId: team.id });
  const other = await createSalesStaff(db, "sales");
  const admin = await createSalesStaff(db, "admin");
  const company = await createSalesCompany(db, { name: "星辰精密机械有限公司" });
  const repOpp = await createSalesOpportunity(db, {
    ownerId: rep.staff.id,
    name: "数控机床改造项目",
    companyId: company.id,
    amount: "100",
  });
  const otherOpp = await createSalesOpportunity(db, { ownerId: other.staff.id, name: "数控机床采购", amount: "200" });
  const created = await createSalesOpportunity(db, { ownerId: manager.staff.id, name: "空压机站", amount: "300" });
  const managerOpp = await db.opportunity.update({ where: { id: created.id }, data: { number: "OPPT000000000777" } });
  await age();
  return { manager, rep, other, admin, company, repOpp, otherOpp, managerOpp };
}

const names = (page: { items: Array<{ name: string }> }) => page.items.map((o) => o.name).sort();

describe("opportunity text search", () => {
  it(
    "finds by name, number, company and pinyin, only within the actor's scope",
    async () => {
      const w = await world();
      const list = (actor: typeof w.admin.actor, q: string, extra = {}) =>
        listOpportunities(db, actor, { filters: { q, ...extra }, engine });
      expect(names(await list(w.admin.actor, "机床"))).toEqual(["数控机床改造项目", "数控机床采购"]);
      expect(names(await list(w.admin.actor, w.managerOpp.number.toLowerCase()))).toEqual(["空压机站"]);
      expect(names(await list(w.admin.actor, "星辰精密"))).toEqual(["数控机床改造项目"]);
      expect(names(await list(w.admin.actor, "xingchen"))).toEqual(["数控机床改造项目"]);
      // own: the rep never sees the other rep's 机床 through q; team: the manager sees the rep's.
      expect(names(await list(w.rep.actor, "机床"))).toEqual(["数控机床改造项目"]);
      expect(names(await list(w.other.actor, "机床"))).toEqual(["数控机床采购"]);
      expect(names(await list(w.manager.actor, "机床"))).toEqual(["数控机床改造项目"]);
      expect((await list(w.rep.actor, w.managerOpp.number)).items).toEqual([]);
      // An owner filter outside one's scope finds nothing; inside it, only that owner's.
      expect((await list(w.rep.actor, "机床", { owner: w.other.staff.id })).items).toEqual([]);
      expect(names(await list(w.admin.actor, "机床", { owner: w.other.staff.id }))).toEqual(["数控机床采购"]);
      const found = await list(w.manager.actor, "机床");
      expect([found.total, found.totals?.amount]).toEqual([{ count: 1, capped: false }, "100.00"]);
      expect((await list(w.admin.actor, "不存在的词")).total).toEqual({ count: 0, capped: false });

      // The board narrows its columns the same way.
      const board = await loadOpportunityBoard(db, w.rep.actor, { q: "机床" }, undefined, engine);
      expect(board.columns.flatMap((c) => c.cards.map((card) => card.name))).toEqual(["数控机床改造项目"]);
      expect(board.columns.reduce((n, c) => n + (c.count ?? 0), 0)).toBe(1);
      const adminBoard = await loadOpportunityBoard(db, w.admin.actor, { q: "机床" }, undefined, engine);
      expect(adminBoard.columns.flatMap((c) => c.cards.map((card) => card.name)).sort()).toEqual([
        "数控机床改造项目",
        "数控机床采购",
      ]);
    },
    SLOW,
  );

  it(
    "pages through the matches; more matches than the index hands over read as a capped total",
    async () => {
      const w = await world();
      await db.opportunity.createMany({
        data: Array.from({ length: 30 }, (_, i) => ({
          number: `PG${i}`,
          name: `离心泵 ${i}`,
          ownerId: w.rep.staff.id,
          amount: "10",
        })),
      });
      await age();
      const first = await listOpportunities(db, w.rep.actor, { filters: { q: "离心泵" }, take: 12, engine });
      expect([first.total, first.pageCount, first.items.length, first.totals?.amount]).toEqual([
        { count: 30, capped: false },
        3,
        12,
        "300.00",
      ]);
      const last = await listOpportunities(db, w.rep.actor, { filters: { q: "离心泵" }, take: 12, page: 3, engine });
      expect(last.items).toHaveLength(6);
      const all = new Set([...first.items, ...last.items].map((o) => o.id));
      expect(all.size).toBe(18);

      await db.opportunity.createMany({
        data: Array.from({ length: TEXT_SEARCH_ID_LIMIT + 5 }, (_, i) => ({
          number: `BULK${i}`,
          name: `螺杆压缩机 ${i}`,
          ownerId: w.other.staff.id,
          amount: "1",
        })),
      });
      await age();
      const fresh = new EmbeddedSearchEngine();
      try {
        const many = await listOpportunities(db, w.admin.actor, { filters: { q: "螺杆压缩机" }, engine: fresh });
        expect([many.total, many.totals]).toEqual([{ count: TEXT_SEARCH_ID_LIMIT, capped: true }, null]);
        // The rep's scope goes into the index query itself: none of the other rep's 1,005 rows.
        const mine = await listOpportunities(db, w.rep.actor, { filters: { q: "螺杆压缩机" }, engine: fresh });
        expect(mine.total).toEqual({ count: 0, capped: false });
      } finally {
        await stopSearchFollower(fresh);
      }
    },
    SLOW,
  );

  it(
    "finds rows the index has not seen yet, and answers when the engine is down",
    async () => {
      const w = await world();
      const down: SearchEngine = Object.assign(new EmbeddedSearchEngine(), {
        query: () => Promise.reject(new SearchEngineError("unavailable", "down")),
      });
      // A just-saved opportunity (changed within the window) is found by substring in the database.
      const saved = await createSalesOpportunity(db, { ownerId: w.rep.staff.id, name: "刚保存的冷却塔项目" });
      const match = await opportunityTextMatch(db, w.rep.actor, { q: "冷却塔" }, { engine: down });
      expect(match).toEqual({ ids: [saved.id], truncated: false });
      // The exact record number is always found; old rows need the index (down here): none, no error.
      const byNumber = await listOpportunities(db, w.admin.actor, { filters: { q: w.otherOpp.number }, engine: down });
      expect(names(byNumber)).toEqual(["数控机床采购"]);
      expect((await listOpportunities(db, w.admin.actor, { filters: { q: "机床" }, engine: down })).items).toEqual([]);
      // "%" and "_" are plain characters, not wildcards.
      expect((await opportunityTextMatch(db, w.admin.actor, { q: "%" }, { engine: down }))?.ids).toEqual([]);
      // The fresh-rows branch still honours the scope: another rep's fresh row stays out of the list.
      expect((await listOpportunities(db, w.other.actor, { filters: { q: "冷却塔" }, engine: down })).items).toEqual(
        [],
      );
    },
    SLOW,
  );
});
