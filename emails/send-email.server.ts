import { z } from "zod";
import type { EmailOutbox, Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { LOCALES, type Locale } from "#app/lib/i18n/locales.ts";
import { encodeProps } from "./queued-props.ts";
import { emailSubject, renderEmail } from "./render.server.ts";
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
  /** Extra headers the provider sends with the message (e.g. RFC 8058 List-Unsubscribe). */
  headers?: Record<string, string>;
  /** Files sent with the message (a quote's PDF): stored on the outbox row, sent by the worker. */
  attachments?: EmailAttachment[];
  /**
   * "worker": check the props and write the subject now, render html and text in the worker before
   * sending (the intake's hot path: rendering cost a quarter of its CPU inside the transaction).
   */
  render?: "now" | "worker";
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
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

  const deferred = input.render === "worker";
  const rendered = deferred
    ? { subject: emailSubject(input.template, input.props, envelope.locale), html: "", text: "" }
    : await renderEmail(input.template, input.props, envelope.locale);
  const now = new Date();
  const encoded = deferred ? encodeProps(input.props) : null;
  const row = {
    toAddress: envelope.to,
    subject: rendered.subject.slice(0, SUBJECT_MAX),
    html: rendered.html,
    text: rendered.text,
    template: input.template,
    ...(encoded === null ? {} : { props: encoded as Prisma.InputJsonValue, locale: envelope.locale }),
    headers: input.headers,
    attachments: input.attachments ? (input.attachments as unknown as Prisma.InputJsonValue) : undefined,
    // Set here rather than by the column default so the worker's clock and ours agree.
    nextAttemptAt: now,
    createdAt: now,
  };

  if (!key) return tx.emailOutbox.create({ data: row });

  // A concurrent transaction may have inserted the same key since the read above. ON DUPLICATE KEY
  // turns that into a no-op instead of an error (which would leave the caller's transaction in an
  // unknown state); if the other transaction is still open, InnoDB makes us wait for its outcome.
  await tx.$executeRaw`INSERT INTO \`EmailOutbox\`
      (\`toAddress\`, \`subject\`, \`html\`, \`text\`, \`template\`, \`props\`, \`locale\`, \`headers\`, \`attachments\`, \`status\`, \`attempts\`, \`nextAttemptAt\`, \`idempotencyKey\`, \`createdAt\`)
    VALUES (${row.toAddress}, ${row.subject}, ${row.html}, ${row.text}, ${row.template}, ${encoded === null ? null : JSON.stringify(encoded)}, ${deferred ? envelope.locale : null}, ${input.headers ? JSON.stringify(input.headers) : null}, ${input.attachments ? JSON.stringify(input.attachments) : null}, 'pending', 0, ${row.nextAttemptAt}, ${key}, ${row.createdAt})
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
