import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";
import { fenToDecimalString } from "#app/modules/catalog/pricing.ts";
import { enqueueJob } from "#app/modules/jobs/job-queue.server.ts";
import { notifyStaff } from "#app/modules/notifications/notifications.server.ts";
import { businessDay, isoDay } from "#app/modules/service/service-dates.ts";
import { sendEmail } from "#emails/send-email.server.ts";
import { instalmentSelect } from "./contract-queries.server.ts";
import { REMINDER_KINDS, reminderKindFor, UPCOMING_DAYS, type ReminderKind } from "./contract-model.ts";

// 收款提醒 (seed 000 §2.L.8, L515/L1429): the owner of a contract in execution is reminded when an
// instalment still owing money is 7 days from its due date, on the due date, and once overdue. The
// periodic check only enqueues (job dedupe key per instalment and kind); the job claims the reminder
// by inserting its (instalment, kind) row — the unique key — in the transaction that writes the bell
// notification and the e-mail, so however many workers run and however often a job is retried, each
// reminder goes out once.

export const PAYMENT_REMINDER_JOB = "contract.payment-reminder";

const JobSchema = z.object({
  instalmentId: z.number().int().positive(),
  kind: z.enum(REMINDER_KINDS),
});

/** Enqueues the reminders instalments are due for on `now`'s business day; returns how many. */
export async function enqueuePaymentReminders(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const today = businessDay(now);
  const horizon = new Date(today.getTime() + UPCOMING_DAYS * 86_400_000);
  const rows = await db.paymentInstalment.findMany({
    where: { dueDate: { lte: horizon }, contract: { status: "in_execution" } },
    select: { id: true, dueDate: true, amountFen: true, receivedFen: true, reminders: { select: { kind: true } } },
    take: 5000,
  });
  let enqueued = 0;
  for (const row of rows) {
    const kind = reminderKindFor(
      { dueDate: isoDay(row.dueDate), amountFen: Number(row.amountFen), receivedFen: Number(row.receivedFen) },
      isoDay(today),
    );
    if (!kind || row.reminders.some((r) => r.kind === kind)) continue;
    await enqueueJob(db, {
      type: PAYMENT_REMINDER_JOB,
      payload: { instalmentId: row.id, kind },
      dedupeKey: `${PAYMENT_REMINDER_JOB}:${row.id}:${kind}`,
    });
    enqueued++;
  }
  return enqueued;
}

/**
 * Sends one reminder if it is still owed: the instalment still owes money, its contract is in
 * execution, and nobody sent this kind yet. Returns whether this call sent it.
 */
export async function sendPaymentReminder(db: Db, payload: unknown, now: Date = new Date()): Promise<boolean> {
  const job = JobSchema.parse(payload);
  return db.$transaction(async (tx) => {
    const instalment = await tx.paymentInstalment.findUnique({
      where: { id: job.instalmentId },
      select: {
        ...instalmentSelect,
        contract: {
          select: {
            id: true,
            number: true,
            name: true,
            status: true,
            company: { select: { name: true } },
            owner: { select: { id: true, name: true, email: true, status: true, locale: true } },
          },
        },
      },
    });
    if (!instalment || instalment.contract.status !== "in_execution") return false;
    const outstandingFen = Number(instalment.amountFen - instalment.receivedFen);
    if (outstandingFen <= 0) return false;
    const current = reminderKindFor(
      {
        dueDate: isoDay(instalment.dueDate),
        amountFen: Number(instalment.amountFen),
        receivedFen: Number(instalment.receivedFen),
      },
      isoDay(businessDay(now)),
    );
    // A job that runs after its day has passed is stale: the next check enqueues the kind due now.
    if (current !== job.kind) return false;
    // INSERT IGNORE, not "ON DUPLICATE KEY UPDATE": the driver counts found rows, so only IGNORE tells a
    // duplicate (0 rows) from our own claim (1 row). A concurrent claim waits on the key, then sees 0.
    const claimed = await tx.$executeRaw`
      INSERT IGNORE INTO \`PaymentReminder\` (instalmentId, kind, sentAt) VALUES (${instalment.id}, ${job.kind}, ${now})`;
    if (claimed !== 1) return false;
    const { contract } = instalment;
    const owner = contract.owner;
    if (owner.status === "inactive") return true;
    const link = `/crm/contracts/${contract.id}/plan`;
    const locale = isLocale(owner.locale) ? owner.locale : DEFAULT_LOCALE;
    const outstanding = formatMoney(fenToDecimalString(outstandingFen), locale);
    await notifyStaff(tx, {
      staffId: owner.id,
      type: `contract.payment-${job.kind}`,
      title: titleFor(job.kind, contract.number, instalment.label),
      body: `${contract.company.name} · ${isoDay(instalment.dueDate)} · ${outstanding}`,
      link,
    });
    await sendEmail(tx, {
      to: owner.email,
      template: "contract-payment-due",
      locale,
      idempotencyKey: `contract-payment/${instalment.id}/${job.kind}`,
      props: {
        name: owner.name,
        kind: job.kind,
        contractTitle: `${contract.number} ${contract.name}`.slice(0, 300),
        companyName: contract.company.name,
        instalment: instalment.label,
        dueDate: isoDay(instalment.dueDate),
        outstanding,
        contractUrl: new URL(link, env.APP_URL).toString(),
      },
    });
    return true;
  });
}

/** The bell's title (stored text, as the other producers store it: in the business's language). */
function titleFor(kind: ReminderKind, number: string, label: string): string {
  const what = { upcoming: "即将到期", due: "今天到期", overdue: "已逾期" }[kind];
  return `收款提醒：合同 ${number} 的「${label}」${what}`;
}
