import type { Db, Tx } from "#app/lib/db.server.ts";
import { conflict, invalid, ok, refusal, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { submitForApproval } from "#app/modules/approvals/approvals.server.ts";
import { parseFen, splitTax } from "#app/modules/catalog/pricing.ts";
import { resolveLinks } from "#app/modules/crm/opportunities/opportunity-links.server.ts";
import { opportunityScopeWhere } from "#app/modules/crm/opportunities/opportunity-scope.server.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import { isRevisable, type QuoteCreateInput, type QuoteHeaderEditInput, type QuoteHeaderInput } from "./quote-input.ts";
import { QuoteChangeAborted, recomputeTotals, withEditableQuote } from "./quote-lines.server.ts";
import { priceFreeLine } from "./quote-pricing.ts";
import { findQuoteForChange } from "./quote-scope.server.ts";

// 报价单 (seed 000 §2.L.7): create (from scratch during a call, from a company/contact page, or from
// an opportunity's products), edit the header, revise into version n + 1, submit for approval
// (the generic approval service, item type "quote"), and the approval's outcome on the quote.

type HeaderField = "title" | "companyId" | "contactId" | "opportunityId" | "validUntil" | "templateId";

/** The header's links, checked in the actor's scopes (decision 026): company, contact of that company, opportunity. */
async function checkLinks(
  db: Db | Tx,
  actor: StaffActor,
  input: Pick<QuoteHeaderInput, "companyId" | "contactId" | "opportunityId">,
): Promise<ServiceResult<undefined, HeaderField>> {
  const links = await resolveLinks(db, actor, { companyId: input.companyId, contactId: input.contactId });
  if ("refusal" in links) {
    const field = links.refusal.field === "contactId" ? "contactId" : "companyId";
    return invalid<HeaderField>({ [field]: [field === "contactId" ? "quotes.error.contact" : "quotes.error.company"] });
  }
  if (input.contactId !== null) {
    const contact = await db.contact.findUnique({ where: { id: input.contactId }, select: { companyId: true } });
    if (contact?.companyId !== null && contact?.companyId !== input.companyId) {
      return invalid<HeaderField>({ contactId: ["quotes.error.contactCompany"] });
    }
  }
  if (input.opportunityId !== null) {
    const scope = opportunityScopeWhere(actor, "browse");
    const opp = scope
      ? await db.opportunity.findFirst({
          where: { AND: [scope, { id: input.opportunityId }] },
          select: { companyId: true },
        })
      : null;
    if (!opp) return invalid<HeaderField>({ opportunityId: ["quotes.error.opportunity"] });
    if (opp.companyId !== null && opp.companyId !== input.companyId) {
      return invalid<HeaderField>({ opportunityId: ["quotes.error.opportunityCompany"] });
    }
  }
  return ok();
}

/** The opportunity's products as quote lines, to the fen (unit price, discount and line total as stored). */
async function linesFromOpportunity(tx: Tx, opportunityId: number) {
  const items = await tx.opportunityItem.findMany({
    where: { opportunityId },
    orderBy: { id: "asc" },
    include: { product: { select: { taxRateBp: true, priceIncludesTax: true } } },
  });
  return items.map((item, position) => {
    const discountBp = Math.round(Number(item.discountPercent.toFixed(2)) * 100);
    const money = priceFreeLine({
      unit: item.unit ?? "项",
      quantity: item.quantity,
      priceFen: parseFen(item.unitPrice.toFixed(2)) ?? 0,
      discountBp,
      taxRateBp: item.product?.taxRateBp ?? 1300,
    });
    // The opportunity's stored line total stands (a scheme's best-price cap may have lowered it).
    const totalFen = parseFen(item.lineTotal.toFixed(2)) ?? money.lineTotalFen;
    const includesTax = item.product?.priceIncludesTax ?? true;
    const { netFen, taxFen, grossFen } = splitTax(totalFen, money.taxRateBp, includesTax);
    return {
      position,
      productId: item.productId,
      sku: item.sku,
      name: item.name,
      unit: money.unit,
      unitFactor: 1,
      quantity: item.quantity,
      listPriceFen: BigInt(money.listPriceFen),
      unitPriceFen: BigInt(money.unitPriceFen),
      discountBp,
      taxRateBp: money.taxRateBp,
      priceIncludesTax: includesTax,
      netFen: BigInt(netFen),
      taxFen: BigInt(taxFen),
      grossFen: BigInt(grossFen),
      lineTotalFen: BigInt(totalFen),
    };
  });
}

export async function createQuote(
  db: Db,
  actor: StaffActor,
  input: QuoteCreateInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number; number: string }, HeaderField>> {
  const links = await checkLinks(db, actor, input);
  if (links.status !== "ok") return links;
  const template =
    input.templateId === null
      ? null
      : await db.quoteTemplate.findFirst({
          where: { id: input.templateId, active: true },
          select: { id: true, terms: true },
        });
  if (input.templateId !== null && !template) return invalid<HeaderField>({ templateId: ["quotes.error.template"] });
  if (input.copyItems && input.opportunityId === null) {
    return invalid<HeaderField>({ opportunityId: ["quotes.error.opportunity"] });
  }
  const created = await db.$transaction(async (tx) => {
    const number = await nextRecordNumber(tx, "quote");
    const quote = await tx.quote.create({
      data: {
        number,
        currentKey: number,
        title: input.title,
        companyId: input.companyId,
        contactId: input.contactId,
        opportunityId: input.opportunityId,
        ownerId: actor.staffId,
        createdById: actor.staffId,
        templateId: template?.id ?? null,
        validUntil: input.validUntil,
        terms: input.terms || template?.terms || "",
        remark: input.remark,
      },
      select: { id: true, number: true },
    });
    if (input.copyItems && input.opportunityId !== null) {
      const lines = await linesFromOpportunity(tx, input.opportunityId);
      if (lines.length > 0) await tx.quoteLine.createMany({ data: lines.map((l) => ({ ...l, quoteId: quote.id })) });
      await recomputeTotals(tx, quote.id);
    }
    await recordStaffAudit(tx, actor, {
      action: "quote.created",
      entityType: "Quote",
      entityId: quote.id,
      after: { number, companyId: input.companyId, opportunityId: input.opportunityId, copyItems: input.copyItems },
      ipAddress: meta.ipAddress,
    });
    return quote;
  });
  return ok(created);
}

export async function updateQuoteHeader(
  db: Db,
  actor: StaffActor,
  id: number,
  input: QuoteHeaderEditInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, HeaderField>> {
  const links = await checkLinks(db, actor, input);
  if (links.status !== "ok") return links;
  return withEditableQuote(
    db,
    actor,
    id,
    input.version,
    "quote.headerEdited",
    async (tx) => {
      const data = {
        title: input.title,
        companyId: input.companyId,
        contactId: input.contactId,
        opportunityId: input.opportunityId,
        validUntil: input.validUntil,
        terms: input.terms,
        remark: input.remark,
      };
      await tx.quote.update({ where: { id }, data });
      return { id, ...data };
    },
    meta,
  ) as Promise<ServiceResult<{ id: number }, HeaderField>>;
}

/**
 * 修订: copies the quote into version n + 1 (a draft with the same number, header and lines) and
 * marks this version superseded, read-only. Only the current version revises, once: the conditional
 * update on `currentKey` lets one of two concurrent revisions through.
 */
export async function reviseQuote(
  db: Db,
  actor: StaffActor,
  id: number,
  input: { version: Date },
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number; version: number }>> {
  const found = await findQuoteForChange(db, actor, id, { id: true, status: true, number: true });
  if (found.kind !== "ok") return refusal(found.kind);
  if (!isRevisable(found.quote.status)) return conflict("quotes.error.notRevisable");
  return db.$transaction(async (tx) => {
    const old = await tx.quote.findUniqueOrThrow({ where: { id }, include: { lines: true } });
    const { count } = await tx.quote.updateMany({
      where: { id, updatedAt: input.version, currentKey: old.number, status: old.status },
      data: { status: "superseded", currentKey: null },
    });
    if (count === 0 || !isRevisable(old.status)) return conflict("quotes.error.conflict");
    const next = await tx.quote.create({
      data: {
        number: old.number,
        version: old.version + 1,
        currentKey: old.number,
        title: old.title,
        companyId: old.companyId,
        contactId: old.contactId,
        opportunityId: old.opportunityId,
        ownerId: old.ownerId,
        createdById: actor.staffId,
        templateId: old.templateId,
        currency: old.currency,
        validUntil: old.validUntil,
        terms: old.terms,
        remark: old.remark,
        netFen: old.netFen,
        taxFen: old.taxFen,
        totalFen: old.totalFen,
        lines: {
          create: old.lines.map(({ id: _id, quoteId: _quoteId, ...line }) => line),
        },
      },
      select: { id: true, version: true },
    });
    await recordStaffAudit(tx, actor, {
      action: "quote.revised",
      entityType: "Quote",
      entityId: id,
      after: { number: old.number, from: old.version, to: next.version, newId: next.id },
      ipAddress: meta.ipAddress,
    });
    return ok(next);
  });
}

/**
 * 提交审核: a draft (or rejected) quote with lines goes to the approval service (item type "quote",
 * A AND B steps as the admin configured). Without an active flow the quote is approved at once.
 */
export async function submitQuote(
  db: Db,
  actor: StaffActor,
  id: number,
  input: { version: Date },
  meta: AuditMeta = {},
): Promise<ServiceResult<{ status: "pending_approval" | "approved" }>> {
  const found = await findQuoteForChange(db, actor, id, {
    id: true,
    status: true,
    _count: { select: { lines: true } },
  });
  if (found.kind !== "ok") return refusal(found.kind);
  if (found.quote.status !== "draft" && found.quote.status !== "rejected") return conflict("quotes.error.readOnly");
  if (found.quote._count.lines === 0) return conflict("quotes.error.noLines");
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.quote.updateMany({
        where: { id, updatedAt: input.version, status: { in: ["draft", "rejected"] } },
        data: { status: "pending_approval" },
      });
      if (claimed.count === 0) return conflict("quotes.error.conflict");
      const submitted = await submitForApproval(tx, actor, { itemType: "quote", itemId: id });
      if (submitted.status !== "ok") throw new QuoteChangeAborted(submitted as ServiceResult<never>);
      const status = submitted.value.status === "no-flow" ? "approved" : "pending_approval";
      if (status === "approved") await tx.quote.update({ where: { id }, data: { status } });
      await recordStaffAudit(tx, actor, {
        action: "quote.submitted",
        entityType: "Quote",
        entityId: id,
        after: { status, requestId: submitted.value.requestId },
        ipAddress: meta.ipAddress,
      });
      return ok({ status });
    });
  } catch (error) {
    if (error instanceof QuoteChangeAborted) return error.result;
    throw error;
  }
}
