import { beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { db } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { moveToBin, purgeFromBin, restoreFromBin } from "#app/modules/crm/recycle-bin/recycle-bin.server.ts";
import { createSalesCompany, createSalesStaff, createSalesTeam } from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { EmbeddedSearchEngine } from "#search/embedded-engine.server.ts";
import { stopSearchFollower } from "#search/feed-follower.server.ts";
import { loadOpportunityBoard } from "./opportunity-board.server.ts";
import { cappedGroups, filterSql } from "./opportunity-filter-sql.server.ts";
import { filterWhere } from "./opportunity-filters.server.ts";
import type { OpportunityFilters } from "./opportunity-list-query.ts";
import { listOpportunities } from "./opportunity-list.server.ts";
import { opportunityScopeWhere } from "./opportunity-scope.server.ts";
import { opportunityTextMatch } from "./opportunity-text-search.server.ts";
import { moveOpportunityStage } from "./opportunity-stage.server.ts";
import { foldOpportunityTotals } from "./opportunity-totals.server.ts";
import { changeOpportunityOwner, createOpportunity, editOpportunity } from "./opportunity-write.server.ts";
import { defaultSalesMethod } from "./sales-stages.server.ts";

// The maintained opportunity totals (decision 052) against a fresh GROUP BY: random sequences of
// creates, edits, stage moves, owner changes, bin / restore / purge, a raw bulk owner update (the
// hand-over's path) and folds, through the services; then summary + pending deltas must equal the
// rows themselves, key by key. Also: the filtered views' SQL spelling equals the Prisma one, and two
// concurrent stage moves (one wins) with a fold running meanwhile leave the totals exact.

/** Deterministic pseudo-random numbers (mulberry32), so a failure replays with its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const baseInput = {
  description: null,
  companyId: null,
  contactId: null,
  expectedCloseDate: null,
  forecast: false,
  forecastValue: null,
};

type KeyRow = { k: string; n: number; amount: string };

/** The maintained totals per key, as the readers see them (summary + pending deltas). */
async function maintained(): Promise<KeyRow[]> {
  const rows = await db.$queryRaw<Array<{ k: string; n: unknown; amount: unknown }>>`
    SELECT CONCAT_WS('/', ownerId, teamId, salesMethodId, stageId, stage, probability) AS k,
           SUM(n) AS n, SUM(amount) AS amount FROM (
      SELECT ownerId, teamId, salesMethodId, stageId, stage, probability, opportunities AS n, amount FROM OpportunityTotal
      UNION ALL
      SELECT ownerId, teamId, salesMethodId, stageId, stage, probability, opportunities AS n, amount FROM OpportunityTotalDelta
    ) AS t GROUP BY k HAVING SUM(n) <> 0 OR SUM(amount) <> 0 ORDER BY k`;
  return rows.map((r) => ({ k: r.k, n: Number(r.n), amount: Number(r.amount).toFixed(2) }));
}

/** The same from the rows themselves. */
async function fresh(): Promise<KeyRow[]> {
  const rows = await db.$queryRaw<Array<{ k: string; n: unknown; amount: unknown }>>`
    SELECT CONCAT_WS('/', ownerId, COALESCE(teamId, 0), COALESCE(salesMethodId, 0), COALESCE(stageId, 0), stage, probability) AS k,
           COUNT(*) AS n, SUM(amount) AS amount
    FROM Opportunity WHERE deletedAt IS NULL GROUP BY k ORDER BY k`;
  return rows.map((r) => ({ k: r.k, n: Number(r.n), amount: Number(r.amount).toFixed(2) }));
}

async function versionOf(id: number) {
  return (await db.opportunity.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } })).updatedAt;
}

async function world() {
  const teams = [await createSalesTeam(db), await createSalesTeam(db)];
  const admin = await createSalesStaff(db, "admin");
  const manager = await createSalesStaff(db, "salesManager", { teamId: teams[0]!.id });
  const reps = [
    await createSalesStaff(db, "sales", { teamId: teams[0]!.id }),
    await createSalesStaff(db, "sales", { teamId: teams[1]!.id }),
  ];
  const method = await defaultSalesMethod(db);
  return { teams, admin, manager, reps, method, staff: [admin, manager, ...reps].map((s) => s.staff.id) };
}

// Slow on the shared 2-core machine (many service calls each): generous per-test timeouts.
const SLOW = 240_000;

describe("maintained opportunity totals", () => {
  beforeEach(() => resetDatabase(), SLOW);

  it(
    "equal a fresh GROUP BY after random sequences of changes through every write path",
    async () => {
      const w = await world();
      const admin = w.admin.actor;
      for (const seed of [1, 2]) {
        const r = random(seed);
        const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
        const money = () => (Math.floor(r() * 10_000_000) / 100).toFixed(2);
        const live = async () =>
          (await db.opportunity.findMany({ where: { deletedAt: null }, select: { id: true } })).map((o) => o.id);
        const binned = async () =>
          (await db.opportunity.findMany({ where: { deletedAt: { not: null } }, select: { id: true } })).map(
            (o) => o.id,
          );
        for (let step = 0; step < 45; step++) {
          const ids = await live();
          const op = ids.length < 3 ? 0 : Math.floor(r() * 9);
          const id = ids.length > 0 ? pick(ids) : 0;
          if (op === 0) {
            const res = await createOpportunity(db, admin, {
              ...baseInput,
              name: `机会 ${seed}-${step}`,
              ownerId: pick(w.staff),
              teamId: r() < 0.3 ? null : pick(w.teams).id,
              amount: money(),
              salesMethodId: null,
              stageId: pick(w.method.stages).id,
            });
            expect(res.status).toBe("ok");
          } else if (op === 1) {
            const res = await editOpportunity(db, admin, id, {
              ...baseInput,
              name: "改过的机会",
              teamId: r() < 0.3 ? null : pick(w.teams).id,
              amount: money(),
              version: await versionOf(id),
            });
            expect(res.status).toBe("ok");
          } else if (op === 2) {
            const res = await moveOpportunityStage(db, admin, id, {
              stageId: pick(w.method.stages).id,
              reason: "价格",
              version: await versionOf(id),
            });
            expect(res.status).toBe("ok");
          } else if (op === 3) {
            const res = await changeOpportunityOwner(db, admin, id, {
              ownerId: pick(w.staff),
              version: await versionOf(id),
            });
            expect(res.status).toBe("ok");
          } else if (op === 4) {
            expect((await moveToBin(db, admin, { entity: "opportunity", id })).status).toBe("ok");
          } else if (op === 5) {
            const bin = await binned();
            if (bin.length > 0) expect((await restoreFromBin(db, admin, "opportunity", pick(bin))).status).toBe("ok");
          } else if (op === 6) {
            const bin = await binned();
            if (bin.length > 0) await purgeFromBin(db, admin, "opportunity", pick(bin));
          } else if (op === 7) {
            // The hand-over's bulk path (admin/handover.server.ts): updateMany outside the services.
            const from = pick(w.staff);
            await db.opportunity.updateMany({ where: { ownerId: from }, data: { ownerId: pick(w.staff) } });
          } else {
            await foldOpportunityTotals(db, 1 + Math.floor(r() * 20));
          }
        }
        expect(await maintained(), `seed ${seed}`).toEqual(await fresh());
      }
      // And a fold leaves the readers' answer unchanged while emptying the deltas.
      const before = await maintained();
      while ((await foldOpportunityTotals(db)) > 0);
      expect(await db.opportunityTotalDelta.count()).toBe(0);
      expect(await maintained()).toEqual(before);
    },
    SLOW,
  );

  it(
    "answer the list and board exactly as counting the rows does, for every scope",
    async () => {
      const w = await world();
      const r = random(7);
      for (let i = 0; i < 24; i++) {
        await createOpportunity(db, w.admin.actor, {
          ...baseInput,
          name: `机会 ${i}`,
          ownerId: w.staff[i % w.staff.length]!,
          teamId: i % 3 === 0 ? null : w.teams[i % 2]!.id,
          amount: (Math.floor(r() * 1_000_000) / 100).toFixed(2),
          salesMethodId: null,
          stageId: w.method.stages[i % w.method.stages.length]!.id,
        });
      }
      // Rows written outside the services without stage/method ids still count (decision 038 fallback).
      await db.opportunity.create({
        data: { number: "RAW1", name: "线索转化", ownerId: w.reps[0]!.staff.id, stage: "proposal", amount: "12.34" },
      });
      await foldOpportunityTotals(db, 10);
      for (const actor of [w.admin.actor, w.manager.actor, w.reps[0]!.actor, w.reps[1]!.actor]) {
        const viaRows = async (f: OpportunityFilters) => {
          const where = filterSql(actor, f, w.method, w.method.id, { withStage: true, text: null })!;
          return cappedGroups(db, where);
        };
        // amountMin 0 forces the row-counting path over the same set (every amount is ≥ 0).
        const summary = await listOpportunities(db, actor);
        const counted = await listOpportunities(db, actor, { filters: { amountMin: "0" } });
        expect(summary.total).toEqual(counted.total);
        expect(summary.totals).toEqual(counted.totals);
        const stage = w.method.stages[2]!.id;
        const byStage = await listOpportunities(db, actor, { filters: { stage } });
        expect(byStage.total.count).toBe((await viaRows({ stage })).count);
        const board = await loadOpportunityBoard(db, actor);
        const countedBoard = await loadOpportunityBoard(db, actor, { amountMin: "0" });
        expect(board.columns.map((c) => [c.count, c.totals])).toEqual(
          countedBoard.columns.map((c) => [c.count, c.totals]),
        );
        const team = w.teams[0]!.id;
        const owner = w.reps[0]!.staff.id;
        for (const f of [{ team }, { owner }, { team, owner }] satisfies OpportunityFilters[]) {
          const listed = await listOpportunities(db, actor, { filters: f });
          const rows = await listOpportunities(db, actor, { filters: { ...f, amountMin: "0" } });
          expect([listed.total, listed.totals]).toEqual([rows.total, rows.totals]);
        }
      }
    },
    SLOW,
  );

  it(
    "writes the filtered views' SQL exactly as the Prisma filters select rows",
    async () => {
      const w = await world();
      const company = await createSalesCompany(db, { name: "星辰_科技%有限公司" });
      const r = random(11);
      // Rows straight in (fast on a loaded machine); every third without stage/method ids (decision 038).
      await db.opportunity.createMany({
        data: Array.from({ length: 30 }, (_, i) => {
          const stage = w.method.stages[i % w.method.stages.length]!;
          return {
            number: `FSQL${i}`,
            name: i % 4 === 0 ? `星辰 空压机 ${i}` : i === 7 ? "100%_满意" : `数控机床 ${i}`,
            companyId: i % 5 === 0 ? company.id : null,
            ownerId: w.staff[i % w.staff.length]!,
            teamId: i % 3 === 0 ? null : w.teams[i % 2]!.id,
            amount: (Math.floor(r() * 1_000_000) / 100).toFixed(2),
            expectedCloseDate: i % 6 === 0 ? null : new Date(Date.UTC(2027, i % 12, 1 + (i % 27))),
            salesMethodId: i % 3 === 1 ? null : w.method.id,
            stageId: i % 3 === 1 ? null : stage.id,
            stage: stage.legacyStage,
            probability: stage.probability,
            deletedAt: i === 29 ? new Date() : null,
          };
        }),
      });
      const filters: OpportunityFilters[] = [
        { q: "星辰" },
        { q: "_" },
        { q: "%" },
        { q: "0%_满" },
        { q: "fsql3" },
        { company: company.id },
        { closeFrom: "2027-03-01", closeTo: "2027-06-30" },
        { amountMin: "1,000", amountMax: "5000.5" },
        { stage: w.method.stages[1]!.id, owner: w.reps[0]!.staff.id },
        { team: w.teams[1]!.id, q: "机床" },
        { stage: 999_999 },
      ];
      const actors: StaffActor[] = [w.admin.actor, w.manager.actor, w.reps[1]!.actor];
      const engine = new EmbeddedSearchEngine();
      onTestFinished(() => stopSearchFollower(engine));
      for (const actor of actors) {
        for (const f of filters) {
          // The text arrives as ids (decision 057); both spellings take the same ones.
          const text = await opportunityTextMatch(db, actor, f, { engine });
          const prismaWhere = {
            AND: [
              opportunityScopeWhere(actor, "browse")!,
              ...filterWhere(f, w.method, w.method.id, { withStage: true, text }),
            ],
          };
          const expected = await db.opportunity.count({ where: prismaWhere });
          const sql = filterSql(actor, f, w.method, w.method.id, { withStage: true, text })!;
          const got = await db.$queryRaw<Array<{ n: bigint }>>`SELECT COUNT(*) AS n FROM Opportunity o WHERE ${sql}`;
          expect(Number(got[0]!.n), JSON.stringify(f)).toBe(expected);
        }
      }
      // Above the cap: no totals, the count says "cap+".
      const capped = await cappedGroups(
        db,
        filterSql(w.admin.actor, {}, w.method, w.method.id, { withStage: false, text: null })!,
        5,
      );
      expect([capped.count, capped.capped]).toEqual([5, true]);
    },
    SLOW,
  );

  it(
    "stays exact under two concurrent stage moves of one opportunity and moves of others during a fold",
    async () => {
      const w = await world();
      const stages = w.method.stages;
      const created = [];
      for (let i = 0; i < 6; i++) {
        const res = await createOpportunity(db, w.admin.actor, {
          ...baseInput,
          name: `并发 ${i}`,
          ownerId: w.reps[i % 2]!.staff.id,
          teamId: null,
          amount: "1000.00",
          salesMethodId: null,
          stageId: stages[0]!.id,
        });
        if (res.status !== "ok") throw new Error("create failed");
        created.push(res.value.id);
      }
      const [first, ...others] = created as [number, ...number[]];
      const version = await versionOf(first);
      const results = await Promise.all([
        moveOpportunityStage(db, w.admin.actor, first, { stageId: stages[1]!.id, reason: null, version }),
        moveOpportunityStage(db, w.admin.actor, first, { stageId: stages[2]!.id, reason: null, version }),
        foldOpportunityTotals(db),
        ...others.map(async (id, i) =>
          moveOpportunityStage(db, w.admin.actor, id, {
            stageId: stages[1 + (i % 3)]!.id,
            reason: null,
            version: await versionOf(id),
          }),
        ),
        foldOpportunityTotals(db),
      ]);
      const statuses = results.slice(0, 2).map((x) => (typeof x === "number" ? x : x.status));
      expect(statuses.sort()).toEqual(["conflict", "ok"]);
      expect(await maintained()).toEqual(await fresh());
      const board = await loadOpportunityBoard(db, w.admin.actor);
      expect(board.columns.reduce((s, c) => s + (c.count ?? 0), 0)).toBe(6);
      while ((await foldOpportunityTotals(db)) > 0);
      expect(await maintained()).toEqual(await fresh());
    },
    SLOW,
  );
});
