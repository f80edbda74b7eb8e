import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Prisma, type EmailOutbox } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { LOCALES, type Locale } from "#app/lib/i18n/locales.ts";
import { decodeProps } from "./queued-props.ts";
import { renderEmail } from "./render.server.ts";
import { isTemplateName, type TemplateName, type TemplateProps } from "./templates/index.ts";
import {
  RESEND_BATCH_LIMIT,
  sendBatchViaResend,
  sendViaResend,
  type BatchEmail,
  type OutgoingEmail,
  type ResendConfig,
  type TransportResult,
} from "./resend-transport.server.ts";

// The outbox worker. Any number of app instances run it: rows are claimed in a short transaction
// with FOR UPDATE SKIP LOCKED and marked `sending` with the worker's id, so each row goes to one
// worker; the HTTP call happens after that transaction has committed, holding no database locks.
// Claimed rows go to Resend in batches of up to 100 (one call instead of 100 against a limit of 2
// calls a second), each batch recorded on its rows before the call (decision 055).

export const MAX_ATTEMPTS = 8;
/** Rows claimed per pass: one full Resend batch (Resend allows 2 calls a second per team). */
export const MAIL_CLAIM_LIMIT = RESEND_BATCH_LIMIT;
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
  const claimed = await claimDueEmails(db, workerId, opts.limit ?? MAIL_CLAIM_LIMIT, clock());

  const tally: DeliverResult = { delivered: 0, failed: 0 };
  // Mail queued with render: "worker" (the intake) is rendered here, outside any request.
  const ready: EmailOutbox[] = [];
  for (const email of claimed) {
    const rendered = await renderIfQueued(db, email, workerId, clock());
    if (rendered) ready.push(rendered);
    else tally.failed++;
  }
  const resend = config.resend;
  if (!resend) {
    for (const email of ready) count(tally, await recordOutcome(db, email, workerId, "dev", clock()));
    return tally;
  }
  const { singles, batches } = await planBatches(db, workerId, ready, clock());
  for (const batch of batches) {
    const result = await sendBatch(db, workerId, resend, config.from, batch, clock);
    tally.delivered += result.delivered;
    tally.failed += result.failed;
  }
  for (const email of singles) {
    // Renew the claim (the attempt is on record from the claim): a row another worker took back
    // after our lock went stale is theirs now, and is not sent twice from here.
    const renewed = await db.emailOutbox.updateMany({
      where: { id: email.id, status: "sending", lockedBy: workerId },
      data: { lockedAt: clock() },
    });
    if (renewed.count === 0) continue;
    const result = await sendViaResend(resend, {
      ...outgoing(config.from, email),
      attachments: outboxAttachments(email.attachments),
      // Stable per row: a retry after a lost response (or a stale release) is not a second mail.
      idempotencyKey: `outbox-${email.id}`,
    });
    count(tally, await recordOutcome(db, email, workerId, result, clock()));
  }
  return tally;
}

function count(tally: DeliverResult, delivered: boolean): void {
  if (delivered) tally.delivered++;
  else tally.failed++;
}

function outgoing(from: string, email: EmailOutbox): BatchEmail {
  return {
    from,
    to: email.toAddress,
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: outboxHeaders(email.headers),
  };
}

/** Marks rows to be sent on their own from now on (attachments, or a batch Resend refused). */
export const SEND_ALONE = "single";

interface PlannedBatch {
  key: string;
  rows: EmailOutbox[];
}

/**
 * Splits the claimed rows into Resend batches (≤ 100, in id order) and single sends. Rows that
 * already carry a batch key were sent (or about to be) in that batch before a crash or a retryable
 * failure: they go out again as exactly that batch, so Resend replays its first answer instead of
 * mailing twice. A recorded batch we hold only part of (another worker has the rest) waits.
 */
async function planBatches(
  db: Db,
  workerId: string,
  rows: readonly EmailOutbox[],
  now: Date,
): Promise<{ singles: EmailOutbox[]; batches: PlannedBatch[] }> {
  const singles: EmailOutbox[] = [];
  const recorded = new Map<string, EmailOutbox[]>();
  const fresh: EmailOutbox[] = [];
  for (const row of rows) {
    if (row.batchKey === SEND_ALONE || outboxAttachments(row.attachments)) singles.push(row);
    else if (row.batchKey) recorded.set(row.batchKey, [...(recorded.get(row.batchKey) ?? []), row]);
    else fresh.push(row);
  }
  const batches: PlannedBatch[] = [];
  for (const [key, members] of recorded) {
    const total = await db.emailOutbox.count({ where: { batchKey: key } });
    if (total === members.length) batches.push({ key, rows: members });
    else await putBack(db, workerId, members, now);
  }
  for (let i = 0; i < fresh.length; i += RESEND_BATCH_LIMIT) {
    const chunk = fresh.slice(i, i + RESEND_BATCH_LIMIT);
    // One mail alone goes to /emails with its per-row key; no batch needed.
    if (chunk.length === 1) singles.push(chunk[0]!);
    else batches.push({ key: `outbox-batch-${randomUUID()}`, rows: chunk });
  }
  return { singles, batches };
}

/** Hands rows of a batch we cannot send whole back to the queue, a few seconds later. */
async function putBack(db: Db, workerId: string, rows: readonly EmailOutbox[], now: Date): Promise<void> {
  await db.emailOutbox.updateMany({
    where: { id: { in: rows.map((r) => r.id) }, status: "sending", lockedBy: workerId },
    data: { status: "pending", lockedAt: null, lockedBy: null, nextAttemptAt: new Date(now.getTime() + 5_000) },
  });
}

async function sendBatch(
  db: Db,
  workerId: string,
  resend: ResendConfig,
  from: string,
  batch: PlannedBatch,
  clock: () => Date,
): Promise<DeliverResult> {
  const ids = batch.rows.map((r) => r.id);
  // Record the batch (and renew the claim) before the call. If any row is no longer ours, a worker
  // took it back after our lock went stale: this batch is not sent from here; the rows we still hold
  // carry the key and go out as that (smaller, never sent) batch once released.
  const recorded = await db.emailOutbox.updateMany({
    where: { id: { in: ids }, status: "sending", lockedBy: workerId },
    data: { batchKey: batch.key, lockedAt: clock() },
  });
  if (recorded.count !== ids.length) return { delivered: 0, failed: 0 };
  const result = await sendBatchViaResend(
    resend,
    batch.rows.map((row) => outgoing(from, row)),
    batch.key,
  );
  const now = clock();
  const ours = { id: { in: ids }, status: "sending" as const, lockedBy: workerId };
  if (result.ok) {
    await markBatchSent(db, workerId, batch.rows, result.providerMessageIds, now);
    return { delivered: ids.length, failed: 0 };
  }
  const attempts = Math.max(...batch.rows.map((r) => r.attempts));
  const lastError = `attempt ${attempts}: ${result.error}`.slice(0, 60_000);
  if (!result.retryable && (result.errorName === "validation_error" || result.errorName === "missing_required_field")) {
    // Strict mode refused the whole batch and sent nothing: one bad mail must not hold back the rest,
    // so each goes alone (and only the bad one fails).
    await db.emailOutbox.updateMany({
      where: ours,
      data: { status: "pending", lockedAt: null, lockedBy: null, batchKey: SEND_ALONE, lastError, nextAttemptAt: now },
    });
    return { delivered: 0, failed: ids.length };
  }
  // Retryable: the same batch again later (same key, same mails), backing off as single mails do.
  const giveUp = !result.retryable || attempts >= MAX_ATTEMPTS;
  const delay = Math.min(Math.max(retryDelayMs(attempts), result.retryAfterMs ?? 0), MAX_RETRY_MS);
  await db.emailOutbox.updateMany({
    where: ours,
    data: {
      status: giveUp ? "failed" : "pending",
      lockedAt: null,
      lockedBy: null,
      lastError,
      nextAttemptAt: giveUp ? undefined : new Date(now.getTime() + delay),
    },
  });
  return { delivered: 0, failed: ids.length };
}

/** One statement for the whole batch: each row gets its own provider id. */
async function markBatchSent(
  db: Db,
  workerId: string,
  rows: readonly EmailOutbox[],
  providerIds: readonly string[],
  now: Date,
): Promise<void> {
  const cases = Prisma.join(
    rows.map((row, i) => Prisma.sql`WHEN ${row.id} THEN ${providerIds[i]}`),
    " ",
  );
  const ids = Prisma.join(rows.map((r) => r.id));
  await db.$executeRaw`UPDATE \`EmailOutbox\`
    SET \`status\` = 'sent', \`providerMessageId\` = CASE \`id\` ${cases} END, \`sentAt\` = ${now},
      \`lastError\` = NULL, \`lockedAt\` = NULL, \`lockedBy\` = NULL
    WHERE \`id\` IN (${ids}) AND \`status\` = 'sending' AND \`lockedBy\` = ${workerId}`;
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
    // A recorded batch is retried whole (same key, same mails): take its other pending rows too.
    const keys = await tx.emailOutbox.findMany({
      where: { id: { in: ids }, batchKey: { not: null } },
      select: { batchKey: true },
      distinct: ["batchKey"],
    });
    const batchKeys = keys.flatMap((k) => (k.batchKey && k.batchKey !== SEND_ALONE ? [k.batchKey] : []));
    if (batchKeys.length > 0) {
      const siblings = await tx.$queryRaw<Array<{ id: number }>>`SELECT \`id\` FROM \`EmailOutbox\`
        WHERE \`batchKey\` IN (${Prisma.join(batchKeys)}) AND \`status\` = 'pending' FOR UPDATE SKIP LOCKED`;
      for (const { id } of siblings) if (!ids.includes(Number(id))) ids.push(Number(id));
    }
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
