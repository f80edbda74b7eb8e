import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";
import { ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { getSetting, setSetting, settingNumberField } from "#app/modules/settings/settings.server.ts";
import { sendEmail } from "#emails/send-email.server.ts";
import { describeApprovalItem } from "./approval-items.server.ts";
import { approversOfStep, notifyApprovers } from "./approvals.server.ts";
import { parseSteps, type ApprovalItemType } from "./approval-types.ts";

// Reminders (seed §2.P.4: approval events pop up): when a step has waited longer than the configured
// delay (setting "approvals.reminderHours", 0 = off), each of its approvers who has not voted yet gets
// one notification and one e-mail through the outbox — once per step, never twice. The worker calls
// this every tick; the conditional update of `remindedStep` is the claim, so several worker instances
// remind once, and the e-mail's idempotency key makes a retried tick queue no second mail.

export const QUEUE_PATH = "/crm/approvals";

export async function remindPendingApprovals(
  db: DbOrTx,
  options: { now?: Date; afterHours?: number } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const hours = options.afterHours ?? (await getSetting(db, "approvals.reminderHours"));
  if (hours <= 0) return 0;
  const cutoff = new Date(now.getTime() - hours * 3_600_000);
  const due = await db.approvalRequest.findMany({
    where: { status: "pending", stepStartedAt: { lte: cutoff } },
    select: {
      id: true,
      itemType: true,
      itemId: true,
      currentStep: true,
      remindedStep: true,
      steps: true,
      submittedAt: true,
      author: { select: { name: true } },
      decisions: { select: { step: true, staffId: true } },
    },
    orderBy: { stepStartedAt: "asc" },
    take: 200,
  });
  let notified = 0;
  for (const r of due.filter((d) => d.remindedStep === null || d.remindedStep < d.currentStep)) {
    const claimed = await db.approvalRequest.updateMany({
      where: {
        id: r.id,
        status: "pending",
        currentStep: r.currentStep,
        OR: [{ remindedStep: null }, { remindedStep: { lt: r.currentStep } }],
      },
      data: { remindedStep: r.currentStep },
    });
    if (claimed.count === 0) continue;
    const step = parseSteps(r.steps)[r.currentStep];
    if (!step) continue;
    const voted = r.decisions.filter((d) => d.step === r.currentStep).map((d) => d.staffId);
    const info = (await describeApprovalItem(db, r.itemType as ApprovalItemType, r.itemId)) ?? {
      title: `#${r.itemId}`,
      link: null,
    };
    notified += await notifyApprovers(db, step, voted, "adminSystem.approvals.notify.reminder", info, r.id);
    const waiting = (await approversOfStep(db, step)).filter((id) => !voted.includes(id));
    const people = await db.staff.findMany({
      where: { id: { in: waiting } },
      select: { id: true, name: true, email: true, locale: true },
    });
    for (const p of people) {
      const locale = isLocale(p.locale) ? p.locale : DEFAULT_LOCALE;
      await sendEmail(db, {
        to: p.email,
        template: "approval-reminder",
        locale,
        props: {
          name: p.name,
          itemTitle: info.title.slice(0, 300),
          authorName: r.author.name,
          submittedAt: formatDateTime(r.submittedAt, locale),
          queueUrl: new URL(`${QUEUE_PATH}#request-${r.id}`, env.APP_URL).toString(),
        },
        idempotencyKey: `approval-reminder/${r.id}/${r.currentStep}/${p.id}`,
      });
    }
  }
  return notified;
}

export const ReminderHoursForm = z.object({ reminderHours: settingNumberField(720) });

export function getReminderHours(db: DbOrTx): Promise<number> {
  return getSetting(db, "approvals.reminderHours");
}

/** Sets the reminder delay (hours; 0 = no reminders), audited. */
export function setReminderHours(db: Db, actor: StaffActor, hours: number): Promise<ServiceResult<{ hours: number }>> {
  return db.$transaction(async (tx) => {
    const before = await getReminderHours(tx);
    if (before === hours) return ok({ hours });
    await setSetting(tx, "approvals.reminderHours", hours, actor.staffId);
    await recordStaffAudit(tx, actor, {
      action: "approvals.reminderHours",
      entityType: "Setting",
      entityId: "approvals.reminderHours",
      before: { reminderHours: before },
      after: { reminderHours: hours },
    });
    return ok({ hours });
  });
}
