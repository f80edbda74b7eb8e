import type { DbOrTx } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { sendEmail } from "#emails/send-email.server.ts";

// The acknowledgement to whoever submitted a portal form (#14 item 8), through the outbox. Keyed by
// the lead, so a replayed submission (the same form sent again) never mails twice, and a replay
// after a crash between the lead and this call still sends the one that was missed.

export interface LeadReceipt {
  leadId: number;
  leadNumber: string;
  formName: string;
  createdAt: Date;
  contact: { name?: string | null; email?: string | null } | undefined;
}

export async function sendLeadReceivedEmail(db: DbOrTx, receipt: LeadReceipt, locale: Locale): Promise<boolean> {
  const to = receipt.contact?.email?.trim();
  if (!to) return false;
  const name = receipt.contact?.name?.trim();
  await sendEmail(db, {
    to,
    template: "lead-received",
    locale,
    idempotencyKey: `lead-received:${receipt.leadId}`,
    props: {
      ...(name ? { name: name.slice(0, 100) } : {}),
      leadNumber: receipt.leadNumber,
      formName: receipt.formName,
      submittedAt: formatDateTime(receipt.createdAt, locale),
      siteUrl: new URL("/", env.APP_URL).toString(),
    },
  });
  return true;
}
