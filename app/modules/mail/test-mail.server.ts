import type { Db } from "#app/lib/db.server.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { mailConfig } from "#emails/delivery.server.ts";
import { sendEmail } from "#emails/send-email.server.ts";

/**
 * The dev inbox's "send a test mail": one test message to the actor, queued in the outbox with an
 * audit entry in the same transaction. Lives here, not in emails/, because it records an audit entry
 * (emails/ stays free of domain modules).
 */
export async function sendTestMail(
  db: Db,
  actor: StaffActor,
  locale: Locale,
  now: Date = new Date(),
): Promise<{ outboxId: number }> {
  return db.$transaction(async (tx) => {
    const mail = await sendEmail(tx, {
      to: actor.email,
      template: "test-message",
      locale,
      props: {
        recipientName: actor.name,
        requestedBy: actor.name,
        sentAt: now,
        channel: mailConfig().resend ? "resend" : "dev-inbox",
      },
    });
    await recordStaffAudit(tx, actor, {
      action: "mail.test_sent",
      entityType: "EmailOutbox",
      entityId: mail.id,
    });
    return { outboxId: mail.id };
  });
}
