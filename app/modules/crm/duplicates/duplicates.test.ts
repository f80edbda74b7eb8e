import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { actorWith, makeCompany, makeContact, makeStaff } from "#app/modules/crm/merge/test-world.ts";
import { mergeRecords } from "#app/modules/crm/merge/merge.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { dismissPair, listDuplicatePairs } from "./duplicate-queue.server.ts";
import { scanAllDuplicates, scanDuplicateBatch } from "./duplicate-scan.server.ts";

beforeEach(() => resetDatabase());

describe("duplicate scan and review queue", () => {
  it("finds likely pairs by blocking keys, resumes in batches, and keeps dismissed pairs closed", async () => {
    const owner = await makeStaff(db, "王磊");
    const other = await makeStaff(db, "陈静");
    const company = await makeCompany(db, "深圳星辰科技有限公司", owner.id);
    const a = await makeContact(db, "刘强", owner.id, { email: "liu@xyz.com", companyId: company.id, city: "深圳" });
    const b = await makeContact(db, "刘强", other.id, { email: "liu@xyz.com", mobile: "13800138000" });
    const c = await makeContact(db, "刘强", owner.id, { mobile: "13800138000", companyId: company.id });
    await makeContact(db, "张伟", owner.id, { email: "zhang@abc.com" });
    await makeCompany(db, "深圳星辰科技", other.id);

    // Batches of 2 ids: the same pairs as one pass.
    let afterId: number | null = 0;
    let batches = 0;
    while (afterId !== null) {
      const r: Awaited<ReturnType<typeof scanDuplicateBatch>> = await scanDuplicateBatch(db, "contact", afterId, 2);
      afterId = r.nextAfterId;
      batches++;
    }
    expect(batches).toBeGreaterThan(1);
    const pairs = await db.duplicatePair.findMany({ where: { entityType: "contact" }, orderBy: { leftId: "asc" } });
    expect(pairs.map((p) => [p.leftId, p.rightId]).sort()).toEqual(
      [
        [a.id, b.id],
        [a.id, c.id],
        [b.id, c.id],
      ].sort(),
    );
    expect(pairs.every((p) => p.leftId < p.rightId && p.score >= 45)).toBe(true);
    expect((await scanAllDuplicates(db, "company")).pairsFound).toBe(1);

    // Scoped queue: the owner sees only pairs of records he may browse.
    const mine = actorWith(owner, [
      ["contacts", "browse", "own"],
      ["contacts", "modify", "own"],
    ]);
    const visible = await listDuplicatePairs(db, mine, "contact");
    expect(visible?.map((p) => [p.left.id, p.right.id])).toEqual([[a.id, c.id]]);
    const all = actorWith(owner, [
      ["contacts", "browse", "all"],
      ["contacts", "modify", "all"],
    ]);
    expect(await listDuplicatePairs(db, all, "contact")).toHaveLength(3);

    const pairAC = pairs.find((p) => p.leftId === a.id && p.rightId === c.id)!;
    expect((await dismissPair(db, mine, pairAC.id)).status).toBe("ok");
    const pairAB = pairs.find((p) => p.leftId === a.id && p.rightId === b.id)!;
    expect((await dismissPair(db, mine, pairAB.id)).status).toBe("not-found");
    await scanAllDuplicates(db, "contact");
    expect((await db.duplicatePair.findUniqueOrThrow({ where: { id: pairAC.id } })).status).toBe("dismissed");
    expect(await listDuplicatePairs(db, mine, "contact")).toEqual([]);

    // Merging closes the pairs of the loser; binned records leave the scan.
    expect((await mergeRecords(db, all, { entity: "contact", survivorId: a.id, loserIds: [b.id] })).status).toBe("ok");
    expect((await db.duplicatePair.findUniqueOrThrow({ where: { id: pairAB.id } })).status).toBe("merged");
    await db.duplicatePair.deleteMany();
    await scanAllDuplicates(db, "contact");
    expect(await db.duplicatePair.count({ where: { OR: [{ leftId: b.id }, { rightId: b.id }] } })).toBe(0);
  });
});
