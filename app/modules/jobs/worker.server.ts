import { hostname } from "node:os";
import { db as defaultDb, type Db } from "#app/lib/db.server.ts";
import { deliverPendingEmails } from "#emails/delivery.server.ts";
import { claimJobs, completeJob, failJob, releaseStaleJobs } from "./job-queue.server.ts";
import { getJobHandler } from "./job-handlers.server.ts";
import "#search/search-jobs.server.ts";
import "#app/modules/leads/record/lead-batches.server.ts";
import { runServiceContractChecks } from "#app/modules/service/service-contract-jobs.server.ts";

export interface WorkerTickResult {
  emailsDelivered: number;
  emailsFailed: number;
  jobsDone: number;
  jobsFailed: number;
}

export function makeWorkerId(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
}

/** One pass: release stale claims, deliver due e-mail, run due jobs. Safe to run on many instances. */
export async function runWorkerOnce(db: Db = defaultDb, workerId: string = makeWorkerId()): Promise<WorkerTickResult> {
  await releaseStaleJobs(db);
  // periodic checks enqueue jobs (deduplicated), so a failure here must not stop the tick
  await runServiceContractChecks(db).catch((error: unknown) => console.error("[worker] contract checks failed", error));
  const mail = await deliverPendingEmails(db, workerId);
  let jobsDone = 0;
  let jobsFailed = 0;
  for (const job of await claimJobs(db, workerId)) {
    const handler = getJobHandler(job.type);
    try {
      if (!handler) throw new Error(`No handler registered for job type "${job.type}"`);
      await handler(job.payload);
      await completeJob(db, job.id);
      jobsDone++;
    } catch (error) {
      await failJob(db, job, error);
      jobsFailed++;
    }
  }
  return { emailsDelivered: mail.delivered, emailsFailed: mail.failed, jobsDone, jobsFailed };
}

/** Polls every `intervalMs` without overlapping ticks; returns a stop function. */
export function startWorker(options: { db?: Db; intervalMs?: number } = {}): () => void {
  const workerId = makeWorkerId();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runWorkerOnce(options.db ?? defaultDb, workerId)
      .catch((error: unknown) => console.error("[worker] tick failed", error))
      .finally(() => {
        running = false;
      });
  }, options.intervalMs ?? 2_000);
  timer.unref();
  return () => clearInterval(timer);
}
