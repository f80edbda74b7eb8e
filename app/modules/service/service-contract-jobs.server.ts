import { db, type Db } from "#app/lib/db.server.ts";
import { registerJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import {
  CONTRACT_EXPIRY_JOB,
  enqueueContractExpiryReminders,
  sendContractExpiryReminder,
} from "./service-contracts.server.ts";

// Wires service-contract expiry reminders into the worker: a handler for the reminder job, and a
// periodic check (at most once per CHECK_EVERY_MS per process) that enqueues due reminders.

const CHECK_EVERY_MS = 60 * 60 * 1000;
let lastCheck = 0;

registerJobHandler(CONTRACT_EXPIRY_JOB, async (payload) => {
  await sendContractExpiryReminder(db, payload);
});

/** Called on each worker tick; cheap when the last check is recent. */
export async function runServiceContractChecks(database: Db, now: Date = new Date()): Promise<void> {
  if (now.getTime() - lastCheck < CHECK_EVERY_MS) return;
  lastCheck = now.getTime();
  await enqueueContractExpiryReminders(database, now);
}
