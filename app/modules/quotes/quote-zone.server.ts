import type { Prisma, Quote, QuoteLine } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { conflict, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { fenToDecimalString } from "#app/modules/catalog/pricing.ts";
import { notifyStaff } from "#app/modules/notifications/notifications.server.ts";
import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import { businessDay, isPastValidity } from "./quote-dates.ts";
import { expireQuote } from "./quote-expiry.server.ts";
import type { QuoteResponseInput } from "./quote-input.ts";

// The customer's side (用户专区 → 报价单): members of the company's zone see the quotes published to
// it, and answer the current version once — accept, or ask for changes with a comment. The answer
// is one conditional update, so of two members answering at once exactly one wins. Accepting copies
// the quote's lines onto the opportunity's products (decision 044: on accept, not on save), and
// either answer notifies the quote's owner.

export interface ZoneQuoteContext {
  member: { id: number; nickname: string };
  zone: { companyId: number };
}

/** Quotes of `companyId` a zone member may see: published ones only (scope in the query). */
export function zoneQuoteWhere(companyId: number, id?: number): Prisma.QuoteWhereInput {
  return { companyId, publishedAt: { not: null }, ...(id === undefined ? {} : { id }) };
}

/** What a member sees of a quote's state: a sent quote past its validity reads as expired. */
export function shownStatus(q: { status: string; validUntil: Date }, now: Date) {
  return q.status === "sent" && isPastValidity(q.validUntil, now) ? "expired" : q.status;
}

/** Is quote `id` one the zone of `companyId` may see? */
export async function zoneQuoteVisible(db: DbOrTx, companyId: number, id: number): Promise<boolean> {
  return (await db.quote.count({ where: zoneQuoteWhere(companyId, id) })) > 0;
}

/** A quote as a list row shows it (the staff list and the zone's list). */
export const quoteSummarySelect = {
  id: true,
  number: true,
  version: true,
  title: true,
  status: true,
  validUntil: true,
  totalFen: true,
  currency: true,
} satisfies Prisma.QuoteSelect;

/** A listed quote with its total as a number and its status as shown on `now` (expired once past validity). */
export function quoteSummaryView<Q extends { totalFen: bigint; status: string; validUntil: Date }>(q: Q, now: Date) {
  return { ...q, totalFen: Number(q.totalFen), status: shownStatus(q, now) };
}

export async function listZoneQuotes(db: DbOrTx, companyId: number, now = new Date()) {
  const rows = await db.quote.findMany({
    where: zoneQuoteWhere(companyId),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { ...quoteSummarySelect, publishedAt: true },
  });
  return rows.map((q) => quoteSummaryView(q, now));
}

/** What anyone shown a quote reads of it, staff and the customer's zone alike. */
export function quoteDocumentView(q: Quote, now: Date) {
  return {
    id: q.id,
    number: q.number,
    version: q.version,
    title: q.title,
    status: shownStatus(q, now),
    validUntil: q.validUntil,
    publishedAt: q.publishedAt,
    terms: q.terms,
    currency: q.currency,
    netFen: Number(q.netFen),
    taxFen: Number(q.taxFen),
    totalFen: Number(q.totalFen),
    respondedAt: q.respondedAt,
    responseComment: q.responseComment,
  };
}

/** A line as the customer reads it; staff also see its list price and tax split. */
export function quoteLineView(l: QuoteLine) {
  return {
    id: l.id,
    sku: l.sku,
    name: l.name,
    unit: l.unit,
    quantity: l.quantity,
    unitPriceFen: Number(l.unitPriceFen),
    discountBp: l.discountBp,
    taxRateBp: l.taxRateBp,
    lineTotalFen: Number(l.lineTotalFen),
  };
}

export async function zoneQuoteDetail(db: DbOrTx, companyId: number, id: number, now = new Date()) {
  const q = await db.quote.findFirst({
    where: zoneQuoteWhere(companyId, id),
    include: {
      owner: { select: { name: true } },
      contact: { select: { fullName: true } },
      lines: { orderBy: [{ position: "asc" }, { id: "asc" }] },
    },
  });
  if (!q) return null;
  const view = quoteDocumentView(q, now);
  return {
    ...view,
    ownerName: q.owner.name,
    contactName: q.contact?.fullName ?? null,
    mayRespond: view.status === "sent" && q.currentKey !== null,
    lines: q.lines.map(quoteLineView),
  };
}

/** The opportunity's products become the accepted quote's lines, and its amount their sum (to the fen). */
async function quoteLinesToOpportunity(tx: Tx, quoteId: number, opportunityId: number): Promise<void> {
  const lines = await tx.quoteLine.findMany({ where: { quoteId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  await tx.opportunityItem.deleteMany({ where: { opportunityId } });
  await tx.opportunityItem.createMany({
    data: lines.map((l) => ({
      opportunityId,
      productId: l.productId,
      sku: l.sku || "-",
      name: l.name,
      unit: l.unit,
      quantity: l.quantity,
      unitPrice: fenToDecimalString(Number(l.unitPriceFen)),
      discountPercent: "0",
      lineTotal: fenToDecimalString(Number(l.lineTotalFen)),
    })),
  });
  const sum = lines.reduce((total, l) => total + l.lineTotalFen, 0n);
  await tx.opportunity.update({ where: { id: opportunityId }, data: { amount: fenToDecimalString(Number(sum)) } });
  await enqueueSearchSync(tx, "opportunities", [opportunityId]);
}

async function notifyOwner(
  tx: Tx,
  quote: { id: number; ownerId: number; number: string; version: number; title: string },
  response: QuoteResponseInput["response"],
  who: string,
  comment: string | null,
): Promise<void> {
  const owner = await tx.staff.findUnique({ where: { id: quote.ownerId }, select: { locale: true } });
  const t = createTranslator(isLocale(owner?.locale) ? owner.locale : DEFAULT_LOCALE);
  const vars = { number: `${quote.number} v${quote.version}`, title: quote.title, name: who };
  await notifyStaff(tx, {
    staffId: quote.ownerId,
    type: response === "accept" ? "quote.accepted" : "quote.changes-requested",
    title: t(response === "accept" ? "quotes.notify.accepted" : "quotes.notify.changes", vars),
    body: comment,
    link: `/crm/quotes/${quote.id}`,
  });
}

/**
 * A member's answer to a published quote: only the current version, only while it is `sent` and
 * valid, only once. Asking for changes needs a comment.
 */
export async function respondToQuote(
  db: Db,
  context: ZoneQuoteContext,
  id: number,
  input: QuoteResponseInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ status: "accepted" | "changes_requested" }, "comment">> {
  if (input.response === "changes" && !input.comment) return invalid({ comment: ["quotes.error.commentRequired"] });
  const visible = await db.quote.findFirst({
    where: zoneQuoteWhere(context.zone.companyId, id),
    select: { id: true, status: true, validUntil: true },
  });
  if (!visible) return notFound("quotes.error.notFound");
  const now = new Date();
  const status = input.response === "accept" ? "accepted" : "changes_requested";
  return db.$transaction(async (tx) => {
    const { count } = await tx.quote.updateMany({
      where: {
        ...zoneQuoteWhere(context.zone.companyId, id),
        status: "sent",
        currentKey: { not: null },
        validUntil: { gte: businessDay(now) },
      },
      data: {
        status,
        respondedAt: now,
        respondedByMemberId: context.member.id,
        responseComment: input.comment,
      },
    });
    if (count === 0) {
      if (visible.status === "sent" && isPastValidity(visible.validUntil, now)) {
        // Stored as expired on touch, with the same history and notification as the expiry job, once.
        await expireQuote(tx, id, now);
        return conflict("quotes.error.expired");
      }
      return conflict("quotes.error.answered");
    }
    const quote = await tx.quote.findUniqueOrThrow({
      where: { id },
      select: { id: true, ownerId: true, number: true, version: true, title: true, opportunityId: true },
    });
    if (status === "accepted" && quote.opportunityId !== null) {
      await quoteLinesToOpportunity(tx, id, quote.opportunityId);
    }
    await recordAudit(tx, {
      actor: { type: "member", id: context.member.id },
      action: status === "accepted" ? "quote.accepted" : "quote.changesRequested",
      entityType: "Quote",
      entityId: id,
      after: { comment: input.comment, opportunityUpdated: status === "accepted" && quote.opportunityId !== null },
      ipAddress: meta.ipAddress,
    });
    await notifyOwner(tx, quote, input.response, context.member.nickname, input.comment);
    return ok({ status });
  });
}
