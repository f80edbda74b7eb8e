import { z } from "zod";
import { db as defaultDb, type Db } from "#app/lib/db.server.ts";
import { registerJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import { enqueueJob } from "#app/modules/jobs/job-queue.server.ts";
import { getSetting } from "#app/modules/settings/settings.server.ts";
import { BIN_ENTITIES, type BinEntity } from "./bin-permission.ts";
import { purgeFromBin } from "./recycle-bin.server.ts";

// The automatic purge: records binned longer than the `recycleBin.retentionDays` setting (90 by
// default, 0 = off) are purged in batches by a daily job. Records history must keep are refused by
// the same rule as a manual purge and simply stay in the bin.

export const BIN_PURGE_JOB = "recycle-bin.purge";
export const BIN_PURGE_BATCH = 200;
const DAY_MS = 86_400_000;

export interface PurgeRun {
  purged: number;
  kept: number;
  /** True when a type had a full batch: more may be due. */
  more: boolean;
}

export async function purgeExpired(db: Db, now = new Date(), batch = BIN_PURGE_BATCH): Promise<PurgeRun> {
  const days = await getSetting(db, "recycleBin.retentionDays");
  const run: PurgeRun = { purged: 0, kept: 0, more: false };
  if (days <= 0) return run;
  const before = new Date(now.getTime() - days * DAY_MS);
  for (const entity of BIN_ENTITIES) {
    // Keyset over ids so refused records do not come back in every batch.
    const ids = await dueIds(db, entity, before, batch);
    if (ids.length === batch) run.more = true;
    for (const id of ids) {
      const result = await purgeFromBin(db, { system: true }, entity, id);
      if (result.status === "ok") run.purged++;
      else run.kept++;
    }
  }
  return run;
}

async function dueIds(db: Db, entity: BinEntity, before: Date, take: number): Promise<number[]> {
  const where = { deletedAt: { not: null, lt: before } };
  const args = { where, select: { id: true }, orderBy: { id: "asc" as const }, take };
  const rows =
    entity === "company"
      ? await db.company.findMany(args)
      : entity === "contact"
        ? await db.contact.findMany(args)
        : entity === "lead"
          ? await db.lead.findMany(args)
          : await db.opportunity.findMany(args);
  return rows.map((r) => r.id);
}

/** Called on each worker tick: one purge job per day (deduplicated), only when something is due. */
export async function scheduleBinPurge(db: Db, now = new Date()): Promise<void> {
  const days = await getSetting(db, "recycleBin.retentionDays");
  if (days <= 0) return;
  const before = new Date(now.getTime() - days * DAY_MS);
  let due = false;
  for (const entity of BIN_ENTITIES) if (!due) due = (await dueIds(db, entity, before, 1)).length > 0;
  if (!due) return;
  const day = now.toISOString().slice(0, 10);
  await enqueueJob(db, { type: BIN_PURGE_JOB, payload: { day }, dedupeKey: `${BIN_PURGE_JOB}:${day}` });
}

const payloadSchema = z.object({ day: z.string().optional() });

registerJobHandler(BIN_PURGE_JOB, async (payload) => {
  payloadSchema.parse(payload);
  const run = await purgeExpired(defaultDb);
  // A full batch: continue in a new job rather than holding the worker.
  if (run.more && run.purged > 0) await enqueueJob(defaultDb, { type: BIN_PURGE_JOB, payload: {} });
});
