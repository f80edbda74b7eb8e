import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { getJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  AUDIT_PURGE_JOB,
  DEFAULT_RETENTION_DAYS,
  getAuditRetentionDays,
  nextPurgeAt,
  purgeAuditLog,
  scheduleAuditPurge,
  setAuditRetentionDays,
} from "./audit-log-retention.server.ts";

const DAY = 24 * 60 * 60 * 1000;

describe("audit-log retention", () => {
  beforeEach(() => resetDatabase());

  async function seedAges(now: Date, ages: number[]) {
    await db.auditLog.createMany({
      data: ages.map((days, i) => ({
        actorType: "system",
        action: "test.row",
        entityType: "Test",
        entityId: String(i),
        createdAt: new Date(now.getTime() - days * DAY),
      })),
    });
  }

  it("purges rows older than the retention in batches, keeps the rest; 0 keeps everything", async () => {
    const { staff } = await createTestStaff(db, { isAdmin: true });
    const actor = staffActorFor(staff, { isAdmin: true });
    const now = new Date();
    expect(await getAuditRetentionDays(db)).toBe(DEFAULT_RETENTION_DAYS);
    await seedAges(now, [400, 200, 95, 89, 10, 1, 0]);

    expect(await setAuditRetentionDays(db, actor, 90)).toEqual({ status: "ok", value: { days: 90 } });
    // Batch of 2, at most 1 batch: not done yet, resumes where it stopped.
    expect(await purgeAuditLog(db, { now, batch: 2, maxBatches: 1 })).toEqual({ deleted: 2, done: false });
    expect(await purgeAuditLog(db, { now, batch: 2 })).toEqual({ deleted: 1, done: true });
    const left = await db.auditLog.findMany({ where: { action: "test.row" }, orderBy: { id: "asc" } });
    expect(left.map((r) => r.entityId)).toEqual(["3", "4", "5", "6"]);

    await setAuditRetentionDays(db, actor, 0);
    expect(await purgeAuditLog(db, { now: new Date(now.getTime() + 10_000 * DAY) })).toEqual({
      deleted: 0,
      done: true,
    });
    expect(await db.auditLog.count({ where: { action: "test.row" } })).toBe(4);
    const audit = await db.auditLog.findMany({ where: { action: "audit.retention" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.after)).toEqual([{ retentionDays: 90 }, { retentionDays: 0 }]);
  });

  it("the job handler purges with the stored setting; the worker schedules one purge a night", async () => {
    const { staff } = await createTestStaff(db, { isAdmin: true });
    await setAuditRetentionDays(db, staffActorFor(staff, { isAdmin: true }), 30);
    await seedAges(new Date(), [31, 29]);
    await getJobHandler(AUDIT_PURGE_JOB)!({});
    expect(await db.auditLog.count({ where: { action: "test.row" } })).toBe(1);

    const now = new Date("2026-12-06T20:00:00Z");
    expect(nextPurgeAt(now).toISOString()).toBe("2026-12-07T19:00:00.000Z");
    expect(nextPurgeAt(new Date("2026-12-06T10:00:00Z")).toISOString()).toBe("2026-12-06T19:00:00.000Z");
    await scheduleAuditPurge(db, now);
    await scheduleAuditPurge(db, new Date(now.getTime() + 2 * 60 * 60 * 1000));
    // The nightly slots only: changing the setting queued a purge for the real "now" (key
    // "…:set"), which falls after the 7th once the real clock passes midnight UTC.
    const jobs = await db.job.findMany({
      where: {
        type: AUDIT_PURGE_JOB,
        runAt: { gt: new Date("2026-12-07T00:00:00Z") },
        NOT: { dedupeKey: { endsWith: ":set" } },
      },
    });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.runAt.toISOString()).toBe("2026-12-07T19:00:00.000Z");
  });
});
