import { db, type Db } from "#app/lib/db.server.ts";
import { registerJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import { enqueuePaymentReminders, PAYMENT_REMINDER_JOB, sendPaymentReminder } from "./contract-reminders.server.ts";

// Wires payment reminders into the worker: the job handler, and a periodic check (at most once per
// CHECK_EVERY_MS per process; repeats on other instances are harmless thanks to the dedupe keys).

const CHECK_EVERY_MS = 60 * 60 * 1000;
let lastCheck = 0;

registerJobHandler(PAYMENT_REMINDER_JOB, async (payload) => {
  await sendPaymentReminder(db, payload);
});

export async function runContractPaymentChecks(database: Db, now: Date = new Date()): Promise<void> {
  if (now.getTime() - lastCheck < CHECK_EVERY_MS) return;
  lastCheck = now.getTime();
  await enqueuePaymentReminders(database, now);
}
