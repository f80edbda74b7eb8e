import { z } from "zod";
import { db as defaultDb, type Db, type DbOrTx } from "#app/lib/db.server.ts";
import { settingNumberField, writeSettingRow } from "#app/modules/settings/settings.server.ts";
import { ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { registerJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import { enqueueJob } from "#app/modules/jobs/job-queue.server.ts";

// Audit-log retention: rows older than N days are purged by a background job in small batches (each
// batch its own short statement, so the purge never holds a long lock on a table every change writes
// to). 0 keeps everything. Stored as a Setting row (decision 031).

export const AUDIT_RETENTION_KEY = "audit.retentionDays";
export const AUDIT_PURGE_JOB = "audit.purge";
/** The default: keep three years, the usual horizon for reviewing who changed what. */
export const DEFAULT_RETENTION_DAYS = 1095;
const PURGE_BATCH = 5_000;

export const RetentionForm = z.object({ retentionDays: settingNumberField(36_500) });

export async function getAuditRetentionDays(db: DbOrTx): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: AUDIT_RETENTION_KEY } });
  const parsed = z.number().int().min(0).max(36_500).safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_RETENTION_DAYS;
}

export async function setAuditRetentionDays(
  db: Db,
  actor: StaffActor,
  days: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ days: number }>> {
  return db.$transaction(async (tx) => {
    const before = await getAuditRetentionDays(tx);
    if (before === days) return ok({ days });
    await writeSettingRow(tx, AUDIT_RETENTION_KEY, days, actor.staffId);
    await recordStaffAudit(tx, actor, {
      action: "audit.retention",
      entityType: "Setting",
      entityId: AUDIT_RETENTION_KEY,
      before: { retentionDays: before },
      after: { retentionDays: days },
      ipAddress: meta.ipAddress,
    });
    // Purge now rather than waiting for the daily run; deduplicated per day.
    await enqueueJob(tx, {
      type: AUDIT_PURGE_JOB,
      payload: {},
      dedupeKey: `${AUDIT_PURGE_JOB}:${dayKey(new Date())}:set`,
    });
    return ok({ days });
  });
}

function dayKey(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Deletes audit rows older than the retention, `batch` rows per statement, until none are left or
 * `maxBatches` ran (the job then re-enqueues itself). Returns how many rows went.
 */
export async function purgeAuditLog(
  db: Db,
  options: { now?: Date; batch?: number; maxBatches?: number } = {},
): Promise<{ deleted: number; done: boolean }> {
  const days = await getAuditRetentionDays(db);
  if (days === 0) return { deleted: 0, done: true };
  const cutoff = new Date((options.now ?? new Date()).getTime() - days * 24 * 60 * 60 * 1000);
  const batch = options.batch ?? PURGE_BATCH;
  const maxBatches = options.maxBatches ?? 200;
  let deleted = 0;
  for (let i = 0; i < maxBatches; i++) {
    // ORDER BY id walks the primary key; createdAt grows with id, so the oldest go first.
    const n = await db.$executeRaw`DELETE FROM \`AuditLog\` WHERE createdAt < ${cutoff} ORDER BY id LIMIT ${batch}`;
    deleted += n;
    if (n < batch) return { deleted, done: true };
  }
  return { deleted, done: false };
}

registerJobHandler(AUDIT_PURGE_JOB, async () => {
  const result = await purgeAuditLog(defaultDb);
  if (!result.done) await enqueueJob(defaultDb, { type: AUDIT_PURGE_JOB, payload: {} });
});

const CHECK_EVERY_MS = 60 * 60 * 1000;
let lastCheck = 0;

/** The next 03:00 in Asia/Shanghai (19:00 UTC): the purge runs at night, when nobody is writing much. */
export function nextPurgeAt(now: Date): Date {
  const at = new Date(now);
  at.setUTCHours(19, 0, 0, 0);
  if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

/** Called on each worker tick: enqueues the night's purge once (deduplicated across instances). */
export async function scheduleAuditPurge(database: Db, now: Date = new Date()): Promise<void> {
  if (now.getTime() - lastCheck < CHECK_EVERY_MS) return;
  lastCheck = now.getTime();
  const runAt = nextPurgeAt(now);
  await enqueueJob(database, {
    type: AUDIT_PURGE_JOB,
    payload: {},
    runAt,
    dedupeKey: `${AUDIT_PURGE_JOB}:${dayKey(runAt)}`,
  });
}
