import { z } from "zod";
import type { EmailOutbox } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { LOCALES, type Locale } from "#app/lib/i18n/locales.ts";
import { renderEmail } from "./render.server.ts";
import { isTemplateName, type TemplateName, type TemplateProps } from "./templates/index.ts";

// The mailer's only entry point. It never talks to a provider: it renders the message and writes
// an outbox row with the caller's transaction, so the e-mail exists iff the business change
// commits. The worker (delivery.server.ts) sends it afterwards.

export interface SendEmailInput<N extends TemplateName> {
  to: string;
  template: N;
  props: TemplateProps<N>;
  locale: Locale;
  /**
   * Sending again with the same key returns the first row instead of queueing a second mail, e.g.
   * `account-locked/staff-12/<window start>` so one lock produces one notice however often it is hit.
   */
  idempotencyKey?: string;
}

const EnvelopeSchema = z.object({
  to: z.string().trim().max(320).pipe(z.email()),
  locale: z.enum(LOCALES),
  template: z.string().refine(isTemplateName, "unknown template"),
  idempotencyKey: z.string().min(1).max(191).optional(),
});

// The column is VARCHAR(255); subjects are ours, but they may one day carry user-supplied text.
const SUBJECT_MAX = 255;

export async function sendEmail<N extends TemplateName>(tx: DbOrTx, input: SendEmailInput<N>): Promise<EmailOutbox> {
  const envelope = EnvelopeSchema.parse({
    to: input.to,
    locale: input.locale,
    template: input.template,
    idempotencyKey: input.idempotencyKey,
  });
  const key = envelope.idempotencyKey;

  // Cheap path for a repeat: skip rendering. A plain (non-locking) read on purpose: a locking read
  // of a missing key takes a gap lock, and two such transactions then deadlock on their inserts.
  if (key) {
    const existing = await tx.emailOutbox.findUnique({ where: { idempotencyKey: key } });
    if (existing) return existing;
  }

  const rendered = await renderEmail(input.template, input.props, envelope.locale);
  const now = new Date();
  const row = {
    toAddress: envelope.to,
    subject: rendered.subject.slice(0, SUBJECT_MAX),
    html: rendered.html,
    text: rendered.text,
    template: input.template,
    // Set here rather than by the column default so the worker's clock and ours agree.
    nextAttemptAt: now,
    createdAt: now,
  };

  if (!key) return tx.emailOutbox.create({ data: row });

  // A concurrent transaction may have inserted the same key since the read above. ON DUPLICATE KEY
  // turns that into a no-op instead of an error (which would leave the caller's transaction in an
  // unknown state); if the other transaction is still open, InnoDB makes us wait for its outcome.
  await tx.$executeRaw`INSERT INTO \`EmailOutbox\`
      (\`toAddress\`, \`subject\`, \`html\`, \`text\`, \`template\`, \`status\`, \`attempts\`, \`nextAttemptAt\`, \`idempotencyKey\`, \`createdAt\`)
    VALUES (${row.toAddress}, ${row.subject}, ${row.html}, ${row.text}, ${row.template}, 'pending', 0, ${row.nextAttemptAt}, ${key}, ${row.createdAt})
    ON DUPLICATE KEY UPDATE \`id\` = \`id\``;
  // A locking read sees the latest committed row even when our snapshot predates it; the row now
  // exists, so this takes a record lock only.
  const rows = await tx.$queryRaw<
    EmailOutbox[]
  >`SELECT * FROM \`EmailOutbox\` WHERE \`idempotencyKey\` = ${key} FOR UPDATE`;
  const stored = rows[0];
  if (!stored) throw new Error(`EmailOutbox row for idempotency key ${key} vanished after insert`);
  return stored;
}
