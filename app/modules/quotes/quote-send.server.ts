import type { Db } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { conflict, ok, refusal, type Failure, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { sendEmail } from "#emails/send-email.server.ts";
import { isoDay, isPastValidity } from "./quote-dates.ts";
import { fenMoney } from "./quote-format.ts";
import type { QuoteEmailInput } from "./quote-input.ts";
import { renderQuotePdf } from "./quote-pdf.server.ts";
import { findQuoteForChange } from "./quote-scope.server.ts";

// Getting an approved quote to the customer: publish it to the customer's zone (用户专区), where a
// member of that company may accept it or ask for changes, and/or e-mail it with its PDF attached
// through the outbox (sent iff the change commits). Either makes it `sent`.

const SENDABLE = ["approved", "sent"] as const;

type Sendable = { status: "sendable"; quote: { id: number; companyId: number; zoneId: number | null } };

async function sendable(db: Db, actor: StaffActor, id: number): Promise<Sendable | Failure> {
  const found = await findQuoteForChange(db, actor, id, {
    id: true,
    status: true,
    validUntil: true,
    companyId: true,
    company: { select: { zone: { select: { id: true } } } },
  });
  if (found.kind !== "ok") return refusal(found.kind);
  if (!(SENDABLE as readonly string[]).includes(found.quote.status)) return conflict("quotes.error.notApproved");
  if (isPastValidity(found.quote.validUntil, new Date())) return conflict("quotes.error.expired");
  const { companyId, company } = found.quote;
  return { status: "sendable", quote: { id, companyId, zoneId: company.zone?.id ?? null } };
}

/** 发布到用户专区: the company must have a zone; publishing twice keeps the first date. */
export async function publishQuote(
  db: Db,
  actor: StaffActor,
  id: number,
  input: { version: Date },
  meta: AuditMeta = {},
): Promise<ServiceResult<{ publishedAt: Date }>> {
  const checked = await sendable(db, actor, id);
  if (checked.status !== "sendable") return checked;
  const { zoneId } = checked.quote;
  if (zoneId === null) return conflict("quotes.error.noZone");
  const now = new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.quote.updateMany({
      where: { id, updatedAt: input.version, status: { in: [...SENDABLE] } },
      data: { status: "sent", publishedAt: now },
    });
    if (count === 0) return conflict("quotes.error.conflict");
    await recordStaffAudit(tx, actor, {
      action: "quote.published",
      entityType: "Quote",
      entityId: id,
      after: { zoneId },
      ipAddress: meta.ipAddress,
    });
    return ok({ publishedAt: now });
  });
}

/** E-mails the quote's PDF to `to` (the contact's address by default) in the language chosen. */
export async function emailQuote(
  db: Db,
  actor: StaffActor,
  id: number,
  input: QuoteEmailInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ outboxId: number }>> {
  const checked = await sendable(db, actor, id);
  if (checked.status !== "sendable") return checked;
  const full = await db.quote.findUniqueOrThrow({
    where: { id },
    select: {
      number: true,
      title: true,
      totalFen: true,
      currency: true,
      validUntil: true,
      publishedAt: true,
      contact: { select: { fullName: true } },
    },
  });
  const { locale } = input;
  const pdf = await renderQuotePdf(db, { id }, locale);
  if (!pdf) return conflict("quotes.error.conflict");
  const origin = env.APP_URL.replace(/\/$/, "");
  return db.$transaction(async (tx) => {
    const { count } = await tx.quote.updateMany({
      where: { id, updatedAt: input.version, status: { in: [...SENDABLE] } },
      data: { status: "sent", emailedAt: new Date() },
    });
    if (count === 0) return conflict("quotes.error.conflict");
    const row = await sendEmail(tx, {
      to: input.to,
      template: "quote-sent",
      locale,
      props: {
        name: full.contact?.fullName ?? undefined,
        quoteTitle: full.title,
        number: `${full.number}`,
        total: fenMoney(Number(full.totalFen), locale, full.currency),
        validUntil: isoDay(full.validUntil),
        senderName: actor.name,
        message: input.message ?? undefined,
        quoteUrl: full.publishedAt ? `${origin}/zone/quotes/${id}` : `${origin}/`,
      },
      attachments: [
        { filename: pdf.fileName, contentType: "application/pdf", contentBase64: pdf.bytes.toString("base64") },
      ],
    });
    await recordStaffAudit(tx, actor, {
      action: "quote.emailed",
      entityType: "Quote",
      entityId: id,
      after: { to: input.to, outboxId: row.id },
      ipAddress: meta.ipAddress,
    });
    return ok({ outboxId: row.id });
  });
}
