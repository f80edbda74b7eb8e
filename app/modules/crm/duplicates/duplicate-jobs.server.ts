import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { registerJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import { enqueueJob } from "#app/modules/jobs/job-queue.server.ts";
import { DUPLICATE_SCAN_JOB } from "./duplicate-queue.server.ts";
import { scanDuplicateBatch } from "./duplicate-scan.server.ts";

// One batch per job: a crash or a deploy loses at most one batch, and the next job continues after
// the last id scanned (resumable), so a scan of 1M contacts never holds a worker for long.

const payloadSchema = z.object({ entity: z.enum(["contact", "company"]), afterId: z.number().int().min(0) });

registerJobHandler(DUPLICATE_SCAN_JOB, async (payload) => {
  const { entity, afterId } = payloadSchema.parse(payload);
  const result = await scanDuplicateBatch(db, entity, afterId);
  if (result.nextAfterId !== null) {
    await enqueueJob(db, { type: DUPLICATE_SCAN_JOB, payload: { entity, afterId: result.nextAfterId } });
  }
});
