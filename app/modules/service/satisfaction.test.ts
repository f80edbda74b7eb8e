import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestServiceRequest } from "#tests/factories/knowledge.ts";
import { createTestZone } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { satisfactionOverview } from "./satisfaction.server.ts";

describe("satisfaction aggregates", () => {
  beforeEach(() => resetDatabase());

  it("sums ratings per zone and per CSR with averages, distributions and a monthly trend", async () => {
    const a = await createTestZone(db, { companyName: "甲单位有限公司" });
    const b = await createTestZone(db, { companyName: "乙单位有限公司" });
    const csr1 = a.csr.staff.id;
    const csr2 = b.csr.staff.id;
    const oct = new Date("2026-10-15T08:00:00Z");
    const nov = new Date("2026-11-10T08:00:00Z");
    const rated = [
      { zone: a, csr: csr1, rating: 5, at: oct },
      { zone: a, csr: csr1, rating: 4, at: nov },
      { zone: a, csr: csr2, rating: 2, at: nov, comment: "响应太慢" },
      { zone: b, csr: csr2, rating: 3, at: nov },
      { zone: b, csr: csr2, rating: 1, at: oct },
    ];
    for (const r of rated) {
      await createTestServiceRequest(db, {
        companyId: r.zone.company.id,
        zoneId: r.zone.zone.id,
        assigneeId: r.csr,
        rating: r.rating,
        ratedAt: r.at,
        ratingComment: r.comment ?? null,
      });
    }
    // Unrated requests count for nothing.
    await createTestServiceRequest(db, { companyId: a.company.id, zoneId: a.zone.id, assigneeId: csr1 });

    const all = await satisfactionOverview(db);
    expect(all.overall).toEqual({ count: 5, average: 3, distribution: [1, 1, 1, 1, 1] });
    const zoneA = all.byZone.find((z) => z.zoneId === a.zone.id)!;
    expect(zoneA).toMatchObject({ count: 3, average: 3.67, distribution: [0, 1, 0, 1, 1], zoneName: a.zone.name });
    const zoneB = all.byZone.find((z) => z.zoneId === b.zone.id)!;
    expect(zoneB).toMatchObject({ count: 2, average: 2, distribution: [1, 0, 1, 0, 0] });
    expect(all.byCsr.find((c) => c.staffId === csr1)).toMatchObject({ count: 2, average: 4.5 });
    expect(all.byCsr.find((c) => c.staffId === csr2)).toMatchObject({
      count: 3,
      average: 2,
      distribution: [1, 1, 1, 0, 0],
    });
    expect(all.trend).toEqual([
      { month: "2026-10", count: 2, average: 3 },
      { month: "2026-11", count: 3, average: 3 },
    ]);
    expect(all.recentComments).toMatchObject([{ rating: 2, comment: "响应太慢", zoneName: a.zone.name }]);

    const recent = await satisfactionOverview(db, { since: new Date("2026-11-01T00:00:00Z") });
    expect(recent.overall).toEqual({ count: 3, average: 3, distribution: [0, 1, 1, 1, 0] });
    expect(recent.trend.map((p) => p.month)).toEqual(["2026-11"]);

    const scoped = await satisfactionOverview(db, { zoneIds: [a.zone.id] });
    expect(scoped.overall.count).toBe(3);
    expect(scoped.trend.reduce((n, p) => n + p.count, 0)).toBe(3);
    expect((await satisfactionOverview(db, { zoneIds: [] })).overall.count).toBe(0);

    const onlyB = await satisfactionOverview(db, { zoneId: b.zone.id });
    expect(onlyB.overall.count).toBe(2);
    expect(onlyB.byZone.map((z) => z.zoneId)).toEqual([b.zone.id]);
  });

  it("is empty, not an error, without ratings", async () => {
    const empty = await satisfactionOverview(db);
    expect(empty).toMatchObject({ overall: { count: 0, average: null }, byZone: [], byCsr: [], trend: [] });
  });
});
