import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { latestApprovalFor } from "#app/modules/approvals/approvals.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { findPage } from "#app/modules/views/paged-list.server.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";
import { isEditable, isRevisable } from "./quote-input.ts";
import type { QuoteListQuery } from "./quote-list-query.ts";
import { quoteScopeWhere, scopedQuoteWhere } from "./quote-scope.server.ts";
import { quoteDocumentView, quoteLineView, quoteSummarySelect, quoteSummaryView } from "./quote-zone.server.ts";

// Reading quotes in the back office, always within the actor's scope (in the query): the list with
// filters, and one quote with its lines, versions, approval and what the actor may do with it.

const PAGE_SIZE = 25;

export async function listQuotes(db: DbOrTx, actor: StaffActor, query: QuoteListQuery, now = new Date()) {
  const scope = quoteScopeWhere(actor, "browse");
  const where: Prisma.QuoteWhereInput = {
    AND: [
      scope ?? { id: -1 },
      query.q
        ? {
            OR: [
              { number: { contains: query.q } },
              { title: { contains: query.q } },
              { company: { name: { contains: query.q } } },
            ],
          }
        : {},
      query.status ? { status: query.status } : { status: { not: "superseded" } },
      query.company ? { companyId: query.company } : {},
      query.contact ? { contactId: query.contact } : {},
      query.opportunity ? { opportunityId: query.opportunity } : {},
    ],
  };
  const page = await findPage(
    query.page,
    PAGE_SIZE,
    (take) => db.quote.count({ where, take }),
    (window) =>
      db.quote.findMany({
        where,
        orderBy: [query.sort === "validUntil" ? { validUntil: query.dir } : { updatedAt: query.dir }, { id: "desc" }],
        ...window,
        select: { ...quoteSummarySelect, company: selectIdAndName, owner: selectIdAndName },
      }),
  );
  return {
    ...page,
    rows: page.rows.map((q) => quoteSummaryView(q, now)),
  };
}
export type QuoteListRow = Awaited<ReturnType<typeof listQuotes>>["rows"][number];

export async function getQuoteDetail(db: DbOrTx, actor: StaffActor, id: number, now = new Date()) {
  const where = scopedQuoteWhere(actor, "browse", id);
  const q = where
    ? await db.quote.findFirst({
        where,
        include: {
          company: { select: { id: true, name: true, zone: { select: { id: true } } } },
          contact: { select: { id: true, fullName: true, email: true } },
          opportunity: { select: { id: true, name: true, number: true } },
          owner: { select: { id: true, name: true } },
          template: { select: { id: true, name: true } },
          lines: { orderBy: [{ position: "asc" }, { id: "asc" }] },
        },
      })
    : null;
  if (!q) return null;
  const modify = scopedQuoteWhere(actor, "modify", id);
  const [canModify, versions, approval] = await Promise.all([
    modify ? db.quote.count({ where: modify }).then((n) => n > 0) : false,
    db.quote.findMany({
      where: { number: q.number },
      orderBy: { version: "desc" },
      select: { id: true, version: true, status: true, updatedAt: true },
    }),
    latestApprovalFor(db, actor, "quote", id),
  ]);
  const view = quoteDocumentView(q, now);
  const { status } = view;
  return {
    ...view,
    isCurrent: q.currentKey !== null,
    /** The page's version for optimistic concurrency (ms). */
    stamp: q.updatedAt.getTime(),
    company: { id: q.company.id, name: q.company.name, hasZone: q.company.zone !== null },
    contact: q.contact,
    opportunity: q.opportunity,
    owner: q.owner,
    template: q.template,
    remark: q.remark,
    emailedAt: q.emailedAt,
    consumedAt: q.consumedAt,
    consumedByType: q.consumedByType,
    consumedById: q.consumedById,
    lines: q.lines.map((l) => ({
      ...quoteLineView(l),
      productId: l.productId,
      listPriceFen: Number(l.listPriceFen),
      priceIncludesTax: l.priceIncludesTax,
      netFen: Number(l.netFen),
      taxFen: Number(l.taxFen),
      grossFen: Number(l.grossFen),
    })),
    versions,
    approval,
    may: {
      edit: canModify && isEditable(q.status),
      submit: canModify && isEditable(q.status) && q.lines.length > 0,
      revise: canModify && q.currentKey !== null && isRevisable(status),
      send: canModify && (q.status === "approved" || q.status === "sent") && status !== "expired",
      manageLibrary: can(actor, "opportunities", "approve") || actor.isAdmin,
    },
  };
}
export type QuoteDetail = NonNullable<Awaited<ReturnType<typeof getQuoteDetail>>>;

/** Quote templates and common clauses for the editor's pickers (active only). */
export async function quoteLibrary(db: DbOrTx) {
  const [templates, clauses] = await Promise.all([
    db.quoteTemplate.findMany({
      where: { active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, validityDays: true, terms: true },
    }),
    db.quoteClause.findMany({
      where: { active: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, title: true, body: true },
    }),
  ]);
  return { templates, clauses };
}

/** Active products for the line picker, with their packaging units (支/包/箱). */
export async function quoteProductChoices(db: DbOrTx) {
  const rows = await db.product.findMany({
    where: { active: true },
    select: {
      id: true,
      sku: true,
      name: true,
      unit: true,
      unitPrice: true,
      packagings: { select: { unit: true }, orderBy: { position: "asc" } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((p) => ({
    id: p.id,
    sku: p.sku,
    name: p.name,
    unit: p.unit,
    unitPrice: p.unitPrice.toFixed(2),
    packagings: p.packagings.map((k) => k.unit),
  }));
}
