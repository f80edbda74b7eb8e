import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { renderPdfDocument } from "#app/lib/pdf/document.server.ts";
import { latestApprovalFor } from "#app/modules/approvals/approvals.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { fenToDecimalString } from "#app/modules/catalog/pricing.ts";
import { quoteScopeWhere } from "#app/modules/quotes/quote-scope.server.ts";
import type { ResolvedPart } from "./proposal-model.ts";
import { contractScopeWhere, proposalScopeWhere } from "./contract-scope.server.ts";
import { documentLetterhead } from "#app/modules/settings/document-letterhead.server.ts";

// Reading a 提议: its parts in order with inserted material resolved under the reader's scope (for
// staff, a quote or contract they may not see is shown as missing), the pickers of material to insert,
// and the whole document as a PDF. The customer's zone reads through the same resolver with the zone's
// scope (proposal-zone.server.ts).

export type { ResolvedPart };

const lineSelect = { name: true, sku: true, quantity: true, unit: true, unitPriceFen: true, grossFen: true } as const;

const toLines = (
  rows: Array<{ name: string; sku: string; quantity: number; unit: string; unitPriceFen: bigint; grossFen: bigint }>,
) => rows.map((l) => ({ ...l, unitPriceFen: Number(l.unitPriceFen), grossFen: Number(l.grossFen) }));

/** Which material a reader may see: the where fragments applied to each inserted part's lookup. */
export interface MaterialScope {
  quote: Prisma.QuoteWhereInput | null;
  contract: Prisma.SalesContractWhereInput | null;
  product: Prisma.ProductWhereInput;
}

export function staffMaterialScope(actor: StaffActor): MaterialScope {
  return { quote: quoteScopeWhere(actor, "browse"), contract: contractScopeWhere(actor, "browse"), product: {} };
}

export interface StoredPart {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  refId: number | null;
}

/** One part with its material looked up under `scope` (lines/text null when the reader may not see it). */
export async function resolvePart(db: DbOrTx, scope: MaterialScope, part: StoredPart): Promise<ResolvedPart> {
  const ref = part.refId ?? 0;
  if (part.kind === "quote") {
    const q = scope.quote
      ? await db.quote.findFirst({
          where: { AND: [scope.quote, { id: ref }] },
          select: { totalFen: true, terms: true, lines: { orderBy: { position: "asc" }, select: lineSelect } },
        })
      : null;
    return material(part, "quote", q && { ...q, amountFen: q.totalFen });
  }
  if (part.kind === "contract") {
    const c = scope.contract
      ? await db.salesContract.findFirst({
          where: { AND: [scope.contract, { id: ref }] },
          select: { amountFen: true, terms: true, lines: { orderBy: { position: "asc" }, select: lineSelect } },
        })
      : null;
    return material(part, "contract", c);
  }
  if (part.kind === "product") {
    const p = await db.product.findFirst({
      where: { AND: [scope.product, { id: ref }] },
      select: { description: true, keyFeatures: true },
    });
    const text = p ? [p.description, p.keyFeatures].filter(Boolean).join("\n\n") : null;
    return { id: part.id, kind: "product", title: part.title, text };
  }
  return { id: part.id, kind: "text", title: part.title, body: part.body ?? "" };
}

function material(
  part: StoredPart,
  kind: "quote" | "contract",
  found: { amountFen: bigint; terms: string | null; lines: Parameters<typeof toLines>[0] } | null,
): ResolvedPart {
  return {
    id: part.id,
    kind,
    title: part.title,
    lines: found ? toLines(found.lines) : null,
    totalFen: Number(found?.amountFen ?? 0n),
    terms: found?.terms ?? null,
  };
}

export async function resolveParts(db: DbOrTx, scope: MaterialScope, parts: StoredPart[]) {
  const resolved: ResolvedPart[] = [];
  for (const part of parts) resolved.push(await resolvePart(db, scope, part));
  return resolved;
}

export const storedPartsSelect = {
  orderBy: [{ position: "asc" as const }, { id: "asc" as const }],
  select: { id: true, kind: true, title: true, body: true, refId: true },
};

export async function getProposal(db: DbOrTx, actor: StaffActor, id: number) {
  const browse = proposalScopeWhere(actor, "browse");
  const row = browse
    ? await db.proposal.findFirst({
        where: { AND: [browse, { id }] },
        select: {
          id: true,
          title: true,
          status: true,
          reviewComment: true,
          publishedAt: true,
          updatedAt: true,
          company: { select: { id: true, name: true, zone: { select: { id: true } } } },
          owner: { select: { id: true, name: true } },
          parts: storedPartsSelect,
        },
      })
    : null;
  if (!row) return null;
  const modify = proposalScopeWhere(actor, "modify");
  const [canModify, approval, parts] = await Promise.all([
    modify ? db.proposal.count({ where: { AND: [modify, { id }] } }).then((n) => n > 0) : false,
    latestApprovalFor(db, actor, "proposal", id),
    resolveParts(db, staffMaterialScope(actor), row.parts),
  ]);
  const { zone, ...company } = row.company;
  const may = {
    edit: canModify && row.status === "drafting",
    submit: canModify && row.status === "drafting" && row.parts.length > 0,
    publish: canModify && row.status === "approved" && zone !== null,
    reopen: canModify && (row.status === "approved" || row.status === "published"),
  };
  return { proposal: { ...row, company: { ...company, hasZone: zone !== null }, parts }, canModify, may, approval };
}

/** Material of the proposal's company the actor may insert. */
export async function materialChoices(db: DbOrTx, actor: StaffActor, companyId: number) {
  const quoteScope = quoteScopeWhere(actor, "browse");
  const contractScope = contractScopeWhere(actor, "browse");
  const [quotes, contracts, products] = await Promise.all([
    quoteScope
      ? db.quote.findMany({
          where: { AND: [quoteScope, { companyId, currentKey: { not: null } }] },
          select: { id: true, number: true, title: true },
          orderBy: { updatedAt: "desc" },
          take: 100,
        })
      : [],
    contractScope
      ? db.salesContract.findMany({
          where: { AND: [contractScope, { companyId }] },
          select: { id: true, number: true, name: true },
          orderBy: { updatedAt: "desc" },
          take: 100,
        })
      : [],
    db.product.findMany({
      where: { active: true },
      select: { id: true, sku: true, name: true },
      orderBy: { sku: "asc" },
      take: 300,
    }),
  ]);
  return {
    quote: quotes.map((q) => ({ value: String(q.id), label: `${q.number} ${q.title}` })),
    contract: contracts.map((c) => ({ value: String(c.id), label: `${c.number} ${c.name}` })),
    product: products.map((p) => ({ value: String(p.id), label: `${p.sku} ${p.name}` })),
  };
}

export interface ProposalDocument {
  id: number;
  title: string;
  company: { name: string };
  owner: { name: string };
  parts: ResolvedPart[];
}

export async function renderProposalPdf(db: DbOrTx, actor: StaffActor, id: number, locale: Locale) {
  const page = await getProposal(db, actor, id);
  return page ? proposalPdf(db, page.proposal, locale) : null;
}

/** The document as a PDF: the parts as the reader resolved them (what they may not see is not there). */
export async function proposalPdf(db: DbOrTx, p: ProposalDocument, locale: Locale) {
  const t = createTranslator(locale);
  const money = (fen: number) => formatMoney(fenToDecimalString(fen), locale);
  const letterhead = await documentLetterhead(db, t);
  const sections = p.parts.map((part) => {
    if (part.kind === "text") return { heading: part.title, body: part.body };
    if (part.kind === "product") return { heading: part.title, body: part.text ?? t("proposals.missing") };
    if (!part.lines) return { heading: part.title, body: t("proposals.missing") };
    const lines = part.lines.map(
      (l) => `${l.name} (${l.sku})  ${l.quantity} ${l.unit} × ${money(l.unitPriceFen)} = ${money(l.grossFen)}`,
    );
    return {
      heading: part.title,
      body: [...lines, `${t("contracts.lines.sum")} ${money(part.totalFen)}`, part.terms ?? ""]
        .filter(Boolean)
        .join("\n"),
    };
  });
  const bytes = await renderPdfDocument({
    title: p.title,
    subtitle: [p.company.name],
    letterhead,
    facts: [
      { label: t("contracts.field.company"), value: p.company.name },
      { label: t("contracts.col.owner"), value: p.owner.name },
    ],
    sections,
    pageLabel: t("contracts.pdf.page"),
  });
  return { bytes, fileName: `proposal-${p.id}.pdf` };
}
