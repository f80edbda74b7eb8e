import type { DbOrTx } from "#app/lib/db.server.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { renderPdfDocument } from "#app/lib/pdf/document.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { fenToDecimalString } from "#app/modules/catalog/pricing.ts";
import { quoteScopeWhere } from "#app/modules/quotes/quote-scope.server.ts";
import { documentLetterhead } from "./contract-pdf.server.ts";
import { contractScopeWhere, proposalScopeWhere } from "./contract-scope.server.ts";

// Reading a 提议: its parts in order with inserted material resolved under the reader's scope (a
// quote or contract the reader may not see is shown as missing), the pickers of material to insert,
// and the whole document as a PDF.

const lineSelect = { name: true, sku: true, quantity: true, unit: true, unitPriceFen: true, grossFen: true } as const;

export interface MaterialLine {
  name: string;
  sku: string;
  quantity: number;
  unit: string;
  unitPriceFen: number;
  grossFen: number;
}

export type ResolvedPart =
  | { id: number; kind: "text"; title: string; body: string }
  | {
      id: number;
      kind: "quote" | "contract";
      title: string;
      lines: MaterialLine[] | null;
      totalFen: number;
      terms: string | null;
    }
  | { id: number; kind: "product"; title: string; text: string | null };

const toLines = (
  rows: Array<{ name: string; sku: string; quantity: number; unit: string; unitPriceFen: bigint; grossFen: bigint }>,
) => rows.map((l) => ({ ...l, unitPriceFen: Number(l.unitPriceFen), grossFen: Number(l.grossFen) }));

async function resolve(
  db: DbOrTx,
  actor: StaffActor,
  part: { id: number; kind: string; title: string; body: string | null; refId: number | null },
): Promise<ResolvedPart> {
  const ref = part.refId ?? 0;
  if (part.kind === "quote") {
    const scope = quoteScopeWhere(actor, "browse");
    const q = scope
      ? await db.quote.findFirst({
          where: { AND: [scope, { id: ref }] },
          select: { totalFen: true, terms: true, lines: { orderBy: { position: "asc" }, select: lineSelect } },
        })
      : null;
    return {
      id: part.id,
      kind: "quote",
      title: part.title,
      lines: q ? toLines(q.lines) : null,
      totalFen: Number(q?.totalFen ?? 0n),
      terms: q?.terms ?? null,
    };
  }
  if (part.kind === "contract") {
    const scope = contractScopeWhere(actor, "browse");
    const c = scope
      ? await db.salesContract.findFirst({
          where: { AND: [scope, { id: ref }] },
          select: { amountFen: true, terms: true, lines: { orderBy: { position: "asc" }, select: lineSelect } },
        })
      : null;
    return {
      id: part.id,
      kind: "contract",
      title: part.title,
      lines: c ? toLines(c.lines) : null,
      totalFen: Number(c?.amountFen ?? 0n),
      terms: c?.terms ?? null,
    };
  }
  if (part.kind === "product") {
    const p = await db.product.findUnique({ where: { id: ref }, select: { description: true, keyFeatures: true } });
    const text = p ? [p.description, p.keyFeatures].filter(Boolean).join("\n\n") : null;
    return { id: part.id, kind: "product", title: part.title, text };
  }
  return { id: part.id, kind: "text", title: part.title, body: part.body ?? "" };
}

export async function getProposal(db: DbOrTx, actor: StaffActor, id: number) {
  const browse = proposalScopeWhere(actor, "browse");
  const row = browse
    ? await db.proposal.findFirst({
        where: { AND: [browse, { id }] },
        select: {
          id: true,
          title: true,
          updatedAt: true,
          company: { select: { id: true, name: true } },
          owner: { select: { id: true, name: true } },
          parts: {
            orderBy: [{ position: "asc" }, { id: "asc" }],
            select: { id: true, kind: true, title: true, body: true, refId: true },
          },
        },
      })
    : null;
  if (!row) return null;
  const modify = proposalScopeWhere(actor, "modify");
  const canModify = modify ? (await db.proposal.count({ where: { AND: [modify, { id }] } })) > 0 : false;
  const parts: ResolvedPart[] = [];
  for (const part of row.parts) parts.push(await resolve(db, actor, part));
  return { proposal: { ...row, parts }, canModify };
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

export async function renderProposalPdf(db: DbOrTx, actor: StaffActor, id: number, locale: Locale) {
  const page = await getProposal(db, actor, id);
  if (!page) return null;
  const p = page.proposal;
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
