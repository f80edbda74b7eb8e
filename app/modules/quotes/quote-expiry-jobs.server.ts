import { db, type Db } from "#app/lib/db.server.ts";
import { enqueueJob } from "#app/modules/jobs/job-queue.server.ts";
import { registerJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import { expireDueQuotes, QUOTE_EXPIRY_JOB } from "./quote-expiry.server.ts";

// Wires quote expiry into the worker like the payment reminders (contract-jobs.server.ts): the
// housekeeping check enqueues one sweep per hour (dedupe key per hour, so with several workers one
// job runs), and the sweep itself is safe to run twice at once (quote-expiry.server.ts).

const CHECK_EVERY_MS = 60 * 60 * 1000;
let lastCheck = 0;

registerJobHandler(QUOTE_EXPIRY_JOB, async () => {
  await expireDueQuotes(db);
});

export async function runQuoteExpiryChecks(database: Db, now: Date = new Date()): Promise<void> {
  if (now.getTime() - lastCheck < CHECK_EVERY_MS) return;
  lastCheck = now.getTime();
  const hour = now.toISOString().slice(0, 13);
  await enqueueJob(database, { type: QUOTE_EXPIRY_JOB, payload: {}, dedupeKey: `${QUOTE_EXPIRY_JOB}:${hour}` });
}
