import { type Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx, Db } from "#app/lib/db.server.ts";

// A generic job/outbox table. Producers enqueue inside their own transaction, so a job exists iff
// the business change committed. Workers on any number of app instances claim with
// FOR UPDATE SKIP LOCKED, so no two workers ever run the same job.

export interface EnqueueInput {
  type: string;
  payload: Prisma.InputJsonValue;
  runAt?: Date;
  /** Enqueueing the same key twice keeps the first job (idempotent producers). */
  dedupeKey?: string;
  maxAttempts?: number;
}

export async function enqueueJob(tx: DbOrTx, input: EnqueueInput): Promise<void> {
  if (input.dedupeKey) {
    // INSERT IGNORE semantics via the unique key, without aborting the caller's transaction.
    await tx.$executeRaw`INSERT INTO \`Job\` (type, payload, runAt, dedupeKey, maxAttempts)
      VALUES (${input.type}, ${JSON.stringify(input.payload)}, ${input.runAt ?? new Date()}, ${input.dedupeKey}, ${input.maxAttempts ?? 8})
      ON DUPLICATE KEY UPDATE id = id`;
    return;
  }
  await tx.job.create({
    data: {
      type: input.type,
      payload: input.payload,
      runAt: input.runAt ?? new Date(),
      maxAttempts: input.maxAttempts ?? 8,
    },
  });
}

export interface ClaimedJob {
  id: bigint;
  type: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/** Claims up to `limit` due jobs for this worker. Rows locked by another worker are skipped. */
export async function claimJobs(db: Db, workerId: string, limit = 10, now = new Date()): Promise<ClaimedJob[]> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: bigint }>>`SELECT id FROM \`Job\`
      WHERE status = 'pending' AND runAt <= ${now}
      ORDER BY runAt, id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    await tx.job.updateMany({
      where: { id: { in: ids } },
      data: { status: "running", lockedAt: now, lockedBy: workerId, attempts: { increment: 1 } },
    });
    const jobs = await tx.job.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    return jobs.map((j) => ({
      id: j.id,
      type: j.type,
      payload: j.payload,
      attempts: j.attempts,
      maxAttempts: j.maxAttempts,
    }));
  });
}

export async function completeJob(db: DbOrTx, id: bigint): Promise<void> {
  await db.job.update({
    where: { id },
    data: { status: "done", finishedAt: new Date(), lockedAt: null, lockedBy: null },
  });
}

/** Exponential backoff: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export async function failJob(db: DbOrTx, job: ClaimedJob, error: unknown, now = new Date()): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const giveUp = job.attempts >= job.maxAttempts;
  await db.job.update({
    where: { id: job.id },
    data: {
      status: giveUp ? "failed" : "pending",
      lastError: message.slice(0, 60_000),
      runAt: giveUp ? undefined : new Date(now.getTime() + retryDelayMs(job.attempts)),
      finishedAt: giveUp ? now : null,
      lockedAt: null,
      lockedBy: null,
    },
  });
}

/** Jobs left "running" by a crashed worker go back to the queue after `staleMs`. */
export async function releaseStaleJobs(db: Db, staleMs = 10 * 60_000, now = new Date()): Promise<number> {
  const result = await db.job.updateMany({
    where: { status: "running", lockedAt: { lt: new Date(now.getTime() - staleMs) } },
    data: { status: "pending", lockedAt: null, lockedBy: null },
  });
  return result.count;
}
