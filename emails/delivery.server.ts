import { z } from "zod";
import type { EmailOutbox } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { LOCALES, type Locale } from "#app/lib/i18n/locales.ts";
import { decodeProps } from "./queued-props.ts";
import { renderEmail } from "./render.server.ts";
import { isTemplateName, type TemplateName, type TemplateProps } from "./templates/index.ts";
import {
  sendViaResend,
  type OutgoingEmail,
  type ResendConfig,
  type TransportResult,
} from "./resend-transport.server.ts";

// The outbox worker. Any number of app instances run it: rows are claimed in a short transaction
// with FOR UPDATE SKIP LOCKED and marked `sending` with the worker's id, so each row goes to one
// worker; the HTTP call happens after that transaction has committed, holding no database locks.

export const MAX_ATTEMPTS = 8;
/**
 * A row left `sending` this long belongs to a worker that died mid-delivery. The lock is renewed just
 * before each send, so this only has to outlast one provider call (its timeout is 10 s), not a batch.
 * MAIL_SENDING_VISIBILITY_MS overrides it (the chaos run uses seconds).
 */
export const STALE_SENDING_MS = 2 * 60_000;

function sendingVisibilityMs(): number {
  const configured = Number(process.env.MAIL_SENDING_VISIBILITY_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : STALE_SENDING_MS;
}
const BASE_RETRY_MS = 60_000;
const MAX_RETRY_MS = 60 * 60_000;

/** 1 min, 2, 4 … after the 1st, 2nd, 3rd failed attempt, capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export interface MailConfig {
  from: string;
  /** Null: no provider configured; mail goes to the dev inbox (/crm/dev/mail) instead. */
  resend: ResendConfig | null;
}

const MailEnvSchema = z.object({
  RESEND_API_KEY: z.string().trim().optional(),
  RESEND_BASE_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  RESEND_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
});

/** Read at call time, not import time: tests and operators switch the provider without a restart. */
export function mailConfig(source: NodeJS.ProcessEnv = process.env): MailConfig {
  const raw = MailEnvSchema.parse(source);
  const apiKey = raw.RESEND_API_KEY || undefined;
  return {
    from: raw.MAIL_FROM ?? env.MAIL_FROM,
    resend: apiKey
      ? { apiKey, baseUrl: raw.RESEND_BASE_URL ?? env.RESEND_BASE_URL, timeoutMs: raw.RESEND_TIMEOUT_MS ?? 10_000 }
      : null,
  };
}

export interface DeliverOptions {
  limit?: number;
  now?: Date;
}

export interface DeliverResult {
  /** Sent through Resend, or stored for the dev inbox. */
  delivered: number;
  /** Attempts that did not succeed this pass, whether a retry is scheduled or the row gave up. */
  failed: number;
}

export async function deliverPendingEmails(
  db: Db,
  workerId: string,
  opts: DeliverOptions = {},
): Promise<DeliverResult> {
  const clock = () => opts.now ?? new Date();
  const config = mailConfig();
  await releaseStaleSending(db, clock(), sendingVisibilityMs());
  const claimed = await claimDueEmails(db, workerId, opts.limit ?? 10, clock());

  let delivered = 0;
  let failed = 0;
  // One at a time: Resend's default limit is 2 requests per second per team.
  for (const email of claimed) {
    // Renew the claim (the attempt is on record from the claim): a row another worker took back
    // after our lock went stale is theirs now, and is not sent twice from here.
    const renewed = await db.emailOutbox.updateMany({
      where: { id: email.id, status: "sending", lockedBy: workerId },
      data: { lockedAt: clock() },
    });
    if (renewed.count === 0) continue;
    // Mail queued with render: "worker" (the intake) is rendered here, outside any request.
    const ready = await renderIfQueued(db, email, workerId, clock());
    if (!ready) {
      failed++;
      continue;
    }
    const result: TransportResult | "dev" = config.resend
      ? await sendViaResend(config.resend, {
          from: config.from,
          to: email.toAddress,
          subject: ready.subject,
          html: ready.html,
          text: ready.text,
          headers: outboxHeaders(email.headers),
          attachments: outboxAttachments(email.attachments),
          // Stable per row: a retry after a lost response (or a stale release) is not a second mail.
          idempotencyKey: `outbox-${email.id}`,
        })
      : "dev";
    if (await recordOutcome(db, email, workerId, result, clock())) delivered++;
    else failed++;
  }
  return { delivered, failed };
}

/** The row's extra headers (e.g. List-Unsubscribe), if it has any that are strings. */
function outboxHeaders(value: EmailOutbox["headers"]): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string");
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The row's attachments (a quote's PDF), if well-formed: Resend takes base64 content. */
function outboxAttachments(value: EmailOutbox["attachments"]): OutgoingEmail["attachments"] {
  if (!Array.isArray(value)) return undefined;
  const files = value.flatMap((a) => {
    if (!a || typeof a !== "object" || Array.isArray(a)) return [];
    const { filename, contentBase64 } = a as Record<string, unknown>;
    return typeof filename === "string" && typeof contentBase64 === "string"
      ? [{ filename, content: contentBase64 }]
      : [];
  });
  return files.length > 0 ? files : undefined;
}

/**
 * Renders a row queued with its template props (html still empty) and stores the result, so the
 * dev inbox and a retry see the same message. Props the template no longer accepts fail the row
 * for good (rendering again cannot fix them). Returns null when the row is not sendable.
 */
export async function renderIfQueued(
  db: Db,
  email: EmailOutbox,
  workerId: string,
  now: Date,
): Promise<EmailOutbox | null> {
  if (email.html !== "" || email.props === null || !isTemplateName(email.template)) return email;
  const locale = (LOCALES as readonly string[]).includes(email.locale ?? "") ? (email.locale as Locale) : "zh-CN";
  try {
    const props = decodeProps(email.props) as TemplateProps<TemplateName>;
    const rendered = await renderEmail(email.template, props, locale);
    const subject = rendered.subject.slice(0, 255);
    await db.emailOutbox.updateMany({
      where: { id: email.id, status: "sending", lockedBy: workerId },
      data: { subject, html: rendered.html, text: rendered.text },
    });
    return { ...email, subject, html: rendered.html, text: rendered.text };
  } catch (error) {
    await db.emailOutbox.updateMany({
      where: { id: email.id, status: "sending", lockedBy: workerId },
      data: {
        status: "failed",
        lockedAt: null,
        lockedBy: null,
        lastError: `render: ${error instanceof Error ? error.message : String(error)}`.slice(0, 60_000),
        nextAttemptAt: now,
      },
    });
    return null;
  }
}

/** Claims up to `limit` due rows for this worker; rows another worker has locked are skipped. */
export async function claimDueEmails(db: Db, workerId: string, limit: number, now: Date): Promise<EmailOutbox[]> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<Array<{ id: number }>>`SELECT \`id\` FROM \`EmailOutbox\`
      WHERE \`status\` = 'pending' AND \`nextAttemptAt\` <= ${now}
      ORDER BY \`nextAttemptAt\`, \`id\` LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return [];
    const ids = due.map((r) => Number(r.id));
    await tx.emailOutbox.updateMany({
      where: { id: { in: ids }, status: "pending" },
      data: { status: "sending", lockedAt: now, lockedBy: workerId, attempts: { increment: 1 } },
    });
    return tx.emailOutbox.findMany({ where: { id: { in: ids }, lockedBy: workerId }, orderBy: { id: "asc" } });
  });
}

/** Puts rows of crashed workers back in the queue; the attempt they made still counts. */
export async function releaseStaleSending(
  db: Db,
  now: Date = new Date(),
  staleMs: number = STALE_SENDING_MS,
): Promise<number> {
  const result = await db.emailOutbox.updateMany({
    where: { status: "sending", lockedAt: { lt: new Date(now.getTime() - staleMs) } },
    data: { status: "pending", lockedAt: null, lockedBy: null, nextAttemptAt: now },
  });
  return result.count;
}

/** Writes the attempt's outcome; returns true when the mail counts as delivered. */
async function recordOutcome(
  db: Db,
  email: EmailOutbox,
  workerId: string,
  result: TransportResult | "dev",
  now: Date,
): Promise<boolean> {
  // Only while we still hold the claim: if we were too slow and the row was released and claimed
  // again, the other worker's outcome wins (the shared idempotency key keeps Resend from doubling).
  const ours = { id: email.id, status: "sending" as const, lockedBy: workerId };
  const unlock = { lockedAt: null, lockedBy: null };

  if (result === "dev" || result.ok) {
    await db.emailOutbox.updateMany({
      where: ours,
      data: {
        ...unlock,
        status: result === "dev" ? "dev" : "sent",
        providerMessageId: result === "dev" ? null : result.providerMessageId,
        sentAt: now,
        lastError: null,
      },
    });
    return true;
  }

  const giveUp = !result.retryable || email.attempts >= MAX_ATTEMPTS;
  const delay = Math.max(retryDelayMs(email.attempts), result.retryAfterMs ?? 0);
  await db.emailOutbox.updateMany({
    where: ours,
    data: {
      ...unlock,
      status: giveUp ? "failed" : "pending",
      lastError: `attempt ${email.attempts}: ${result.error}`.slice(0, 60_000),
      nextAttemptAt: giveUp ? undefined : new Date(now.getTime() + Math.min(delay, MAX_RETRY_MS)),
    },
  });
  return false;
}
