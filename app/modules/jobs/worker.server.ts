import { hostname } from "node:os";
import { errorFields, log } from "#app/lib/log.server.ts";
import { db as defaultDb, type Db } from "#app/lib/db.server.ts";
import { deliverPendingEmails, MAIL_CLAIM_LIMIT } from "#emails/delivery.server.ts";
import { claimJobs, completeJob, failJob, releaseStaleJobs } from "./job-queue.server.ts";
import { getJobHandler } from "./job-handlers.server.ts";
import { recordWorkerBeat } from "./worker-heartbeat.ts";
import "#search/search-jobs.server.ts";
import { pruneSearchFeed } from "#search/change-feed.server.ts";
import { followSharedSearchFeed } from "#search/feed-follower.server.ts";
import { getSearchEngine } from "#search/engine-selection.server.ts";
import "#app/modules/leads/record/lead-batches.server.ts";
import "#app/modules/crm/duplicates/duplicate-jobs.server.ts";
import { scheduleBinPurge } from "#app/modules/crm/recycle-bin/recycle-bin-jobs.server.ts";
import { runServiceContractChecks } from "#app/modules/service/service-contract-jobs.server.ts";
import { runContractPaymentChecks } from "#app/modules/contracts/contract-jobs.server.ts";
import { runQuoteExpiryChecks } from "#app/modules/quotes/quote-expiry-jobs.server.ts";
import { remindPendingApprovals } from "#app/modules/approvals/approval-reminders.server.ts";
import "#app/modules/admin/handover.server.ts";
import { returnAwayStaff } from "#app/modules/admin/staff-accounts.server.ts";
import { scheduleAuditPurge } from "#app/modules/admin/audit-log-retention.server.ts";
import "#app/modules/forum/notify/delivery.server.ts";
import { scheduleForumDigests } from "#app/modules/forum/notify/digest.server.ts";
import { foldAllOpportunityTotals } from "#app/modules/crm/opportunities/opportunity-totals.server.ts";

export interface WorkerTickResult {
  emailsDelivered: number;
  emailsFailed: number;
  jobsDone: number;
  jobsFailed: number;
}

export function makeWorkerId(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
}

/** One housekeeping check; a failure is logged and does not stop the others or the worker. */
async function check(name: string, run: () => Promise<unknown>): Promise<void> {
  await run().catch((error: unknown) => log.error("worker.check.failed", { check: name, ...errorFields(error) }));
}

/** The periodic checks: each enqueues deduplicated jobs or flips a state, and none may stop the worker. */
async function runHousekeeping(db: Db): Promise<void> {
  await releaseStaleJobs(db);
  await check("service-contracts", () => runServiceContractChecks(db));
  // 收款提醒: instalments 7 days before, on and after their due date, once per kind.
  await check("contract-payments", () => runContractPaymentChecks(db));
  // 报价单过期: sent quotes past validity become expired once (decision 050).
  await check("quote-expiry", () => runQuoteExpiryChecks(db));
  // Approvers of a step waiting longer than the configured delay are reminded once (claimed per step).
  await check("approval-reminders", () => remindPendingApprovals(db));
  await check("bin-purge", () => scheduleBinPurge(db));
  // "Away until …" ends by itself: the token rotation reads the status, so flip it back here.
  await check("away-return", () => returnAwayStaff(db));
  await check("audit-purge", () => scheduleAuditPurge(db));
  // Search change feed rows every live instance has passed (decision 047).
  await check("search-feed-prune", () => pruneSearchFeed(db));
  // The forum's daily digest (decision 042): one day job, deduplicated, whichever worker gets here first.
  await check("forum-digest", () => scheduleForumDigests(db));
  // Opportunity totals (decision 052): fold the triggers' delta rows into the summary.
  await check("opportunity-totals", () => foldAllOpportunityTotals(db));
}

export const DRAIN_BATCH = 25;

/** One batch of due e-mail and due jobs; `more` says a batch came back full, so work is waiting. */
export async function drainOnce(
  db: Db,
  workerId: string,
  batch: number = DRAIN_BATCH,
): Promise<WorkerTickResult & { more: boolean }> {
  // Mail: one full Resend batch (100) per pass, whatever the job batch size (decision 055).
  const mail = await deliverPendingEmails(db, workerId, { limit: MAIL_CLAIM_LIMIT });
  // Meilisearch is one index for every instance: one worker at a time applies the change feed.
  await followSharedSearchFeed(db, getSearchEngine());
  let jobsDone = 0;
  let jobsFailed = 0;
  const jobs = await claimJobs(db, workerId, batch);
  for (const job of jobs) {
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
  const mailClaimed = mail.delivered + mail.failed;
  return {
    emailsDelivered: mail.delivered,
    emailsFailed: mail.failed,
    jobsDone,
    jobsFailed,
    more: mailClaimed >= MAIL_CLAIM_LIMIT || jobs.length >= batch,
  };
}

/** One pass: housekeeping, then one batch of e-mail and jobs. Safe to run on many instances. */
export async function runWorkerOnce(db: Db = defaultDb, workerId: string = makeWorkerId()): Promise<WorkerTickResult> {
  await runHousekeeping(db);
  const { more: _more, ...result } = await drainOnce(db, workerId);
  return result;
}

/**
 * Runs until stopped: drains batch after batch while the last one came back full, and waits
 * `intervalMs` only when idle (a fixed rate let a 5,000-lead burst queue mail for minutes).
 * Housekeeping runs at most once per interval. Returns a stop function whose promise settles when
 * the batch in hand is finished (graceful shutdown: nothing claimed is left to the visibility timeout).
 */
export function startWorker(options: { db?: Db; intervalMs?: number } = {}): () => Promise<void> {
  const db = options.db ?? defaultDb;
  const intervalMs = options.intervalMs ?? 2_000;
  const workerId = makeWorkerId();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastHousekeeping = 0;
  let running: Promise<void> = Promise.resolve();

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = loop();
    }, delayMs);
    timer.unref();
  };
  const loop = async () => {
    let busy = false;
    try {
      if (Date.now() - lastHousekeeping >= intervalMs) {
        lastHousekeeping = Date.now();
        await runHousekeeping(db);
      }
      if (!stopped) busy = (await drainOnce(db, workerId)).more;
      recordWorkerBeat();
    } catch (error) {
      log.error("worker.tick.failed", errorFields(error));
    }
    schedule(busy ? 0 : intervalMs);
  };
  schedule(0);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
