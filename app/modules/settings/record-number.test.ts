import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { formatRecordNumber, periodFor } from "./record-number-format.ts";
import { listNumberFormats, nextRecordNumber, updateNumberFormat } from "./record-number.server.ts";

const LONG = { maxWait: 120_000, timeout: 120_000 };

describe("record numbers", { timeout: 120_000 }, () => {
  beforeEach(() => resetDatabase());

  it("reproduces today's numbers and continues after existing ids", async () => {
    const first = await db.$transaction((tx) => nextRecordNumber(tx, "contact"));
    expect(first).toBe("CONT000000000001");
    await db.company.create({ data: { number: "ACNT000000000007", name: "甲", nameKey: "甲", id: 7 } });
    expect(await db.$transaction((tx) => nextRecordNumber(tx, "company"))).toBe("ACNT000000000008");
    expect(await db.$transaction((tx) => nextRecordNumber(tx, "company"))).toBe("ACNT000000000009");
    // Numbers written past the counter (seeds, imports) are stepped over, never handed out twice.
    await db.company.create({ data: { number: "ACNT000000000010", name: "乙", nameKey: "乙" } });
    await db.company.create({ data: { number: "ACNT000000000011", name: "丙", nameKey: "丙" } });
    expect(await db.$transaction((tx) => nextRecordNumber(tx, "company"))).toBe("ACNT000000000012");
    // A placeholder row inserted before its number is taken does not count.
    await db.company.create({ data: { number: "~placeholder", name: "丁", nameKey: "丁" } });
    expect(await db.$transaction((tx) => nextRecordNumber(tx, "company"))).toBe("ACNT000000000013");
  });

  it("200 concurrent numbered creates get distinct, gap-free numbers; rolled-back creates leave no gap", async () => {
    const create = (i: number) =>
      db.$transaction(async (tx) => {
        const number = await nextRecordNumber(tx, "company");
        await tx.company.create({ data: { number, name: `并发单位${i}`, nameKey: `并发单位${i}` } });
        // Every tenth create fails after taking its number: its number must come back.
        if (i % 10 === 9) throw new Error("rollback");
        return number;
      }, LONG);
    // The database never sees more transactions at once than the pool has connections (10), so 10
    // lanes of 20 keep every connection contending for the counter throughout, without queueing 200
    // transactions behind the pool (the driver gives up on a connection after 10 s on a busy machine).
    const results: Array<PromiseSettledResult<string>> = [];
    await Promise.all(
      Array.from({ length: 10 }, async (_, lane) => {
        for (let j = 0; j < 20; j++) {
          const [settled] = await Promise.allSettled([create(lane * 20 + j)]);
          results.push(settled!);
        }
      }),
    );
    const numbers = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const failures = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    expect(failures).toEqual(Array.from({ length: 20 }, () => "Error: rollback"));
    expect(new Set(numbers).size).toBe(180);
    const stored = await db.company.findMany({ select: { number: true }, orderBy: { number: "asc" } });
    expect(stored.map((s) => s.number)).toEqual(
      Array.from({ length: 180 }, (_, i) => `ACNT${String(i + 1).padStart(12, "0")}`),
    );
  });

  it("builds prefix + date part + sequence, restarting the sequence each period", async () => {
    const { staff } = await createTestStaff(db, { isAdmin: true });
    const actor = staffActorFor(staff, { isAdmin: true });
    const saved = await updateNumberFormat(db, actor, { kind: "quote", prefix: "qt", datePart: "yyyymm", width: 4 });
    expect(saved.status).toBe("ok");
    const dec = new Date("2026-12-15T04:00:00Z");
    const jan = new Date("2027-01-02T04:00:00Z");
    expect(await db.$transaction((tx) => nextRecordNumber(tx, "quote", dec))).toBe("QT2026120001");
    expect(await db.$transaction((tx) => nextRecordNumber(tx, "quote", dec))).toBe("QT2026120002");
    expect(await db.$transaction((tx) => nextRecordNumber(tx, "quote", jan))).toBe("QT2027010001");
    // The day is the business's (Asia/Shanghai): 2026-12-31T17:00Z is already 1 January there.
    expect(periodFor("yyyymmdd", new Date("2026-12-31T17:00:00Z"))).toBe("20270101");
    expect(formatRecordNumber({ prefix: "SR", datePart: "yyyymmdd", width: 3 }, "20050222", 6)).toBe("SR20050222006");
    expect(await db.auditLog.count({ where: { action: "numberFormat.updated" } })).toBe(1);
  });

  it("refuses formats that do not fit or cannot be read, changing nothing", async () => {
    const { staff } = await createTestStaff(db, { isAdmin: true });
    const actor = staffActorFor(staff, { isAdmin: true });
    const tooLong = await updateNumberFormat(db, actor, {
      kind: "company",
      prefix: "ACCOUNT",
      datePart: "yyyymmdd",
      width: 8,
    });
    expect(tooLong).toMatchObject({ status: "invalid", fieldErrors: { width: ["adminSystem.numbers.tooLong"] } });
    expect(
      await updateNumberFormat(db, actor, { kind: "nope", prefix: "X", datePart: "none", width: 5 }),
    ).toMatchObject({ status: "invalid" });
    expect(
      await updateNumberFormat(db, actor, { kind: "company", prefix: "单位", datePart: "none", width: 5 }),
    ).toMatchObject({ status: "invalid", fieldErrors: { prefix: ["adminSystem.numbers.prefixInvalid"] } });
    expect(await db.numberFormat.count()).toBe(0);
    const rows = await listNumberFormats(db);
    expect(rows.find((r) => r.kind === "company")?.preview).toBe("ACNT000000000001");
  });
});
