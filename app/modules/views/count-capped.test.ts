import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { countCapped, countCappedBy, countCappedUnion } from "./count-capped.server.ts";

describe("countCapped", () => {
  let ownerA = 0;
  let ownerB = 0;

  beforeAll(async () => {
    await resetDatabase();
    ownerA = (await createTestStaff(db, {})).staff.id;
    ownerB = (await createTestStaff(db, {})).staff.id;
    const rows = (ownerId: number, n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({
        number: `CAP${String(from + i).padStart(8, "0")}`,
        ownerId,
        routedBy: "manual" as const,
        source: "staff",
      }));
    await db.lead.createMany({ data: [...rows(ownerA, 12, 0), ...rows(ownerB, 5, 100)] });
  });

  const owner = (id: number) => Prisma.sql`\`ownerId\` = ${id}`;

  it("counts exactly up to the cap", async () => {
    expect(await countCapped(db, "Lead", owner(ownerA), 20)).toEqual({ count: 12, capped: false });
    expect(await countCapped(db, "Lead", owner(ownerA), 12)).toEqual({ count: 12, capped: false });
    expect(await countCapped(db, "Lead", Prisma.sql`\`ownerId\` = ${-1}`, 10)).toEqual({ count: 0, capped: false });
  });

  it("stops at the cap and says so", async () => {
    expect(await countCapped(db, "Lead", owner(ownerA), 11)).toEqual({ count: 11, capped: true });
    expect(await countCapped(db, "Lead", Prisma.sql`1 = 1`, 3)).toEqual({ count: 3, capped: true });
  });

  it("counts distinct rows over alternatives and caps the union", async () => {
    const both = [owner(ownerA), Prisma.sql`\`ownerId\` IN (${ownerA}, ${ownerB})`];
    expect(await countCappedUnion(db, "Lead", both, 100)).toEqual({ count: 17, capped: false });
    expect(await countCappedUnion(db, "Lead", both, 15)).toEqual({ count: 15, capped: true });
    expect(await countCappedUnion(db, "Lead", [], 15)).toEqual({ count: 0, capped: false });
  });

  it("caps a Prisma count", async () => {
    const count = (take: number) => db.lead.count({ where: { ownerId: ownerA }, take });
    expect(await countCappedBy(count, 5)).toEqual({ count: 5, capped: true });
    expect(await countCappedBy(count, 50)).toEqual({ count: 12, capped: false });
  });

  it("reads at most cap + 1 index entries (EXPLAIN: a LIMITed derived table)", async () => {
    const plan = await db.$queryRaw<Array<Record<string, unknown>>>`
      EXPLAIN SELECT COUNT(*) AS n FROM (SELECT 1 FROM \`Lead\` WHERE \`ownerId\` = ${ownerA} LIMIT ${11}) AS capped`;
    const inner = plan.find((row) => row.table === "Lead");
    expect(inner?.key).toMatch(/^Lead_ownerId/);
  });
});
