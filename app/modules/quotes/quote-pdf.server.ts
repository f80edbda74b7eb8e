import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { renderPdfDocument } from "#app/lib/pdf/document.server.ts";
import { businessDay, isoDay } from "./quote-dates.ts";
import { discountLabel, fenMoney, taxRateLabel } from "./quote-format.ts";
import { documentLetterhead } from "#app/modules/settings/document-letterhead.server.ts";

// A quote as a PDF (letterhead of 本公司, customer facts, the product list, totals, terms), in the
// reader's language. `where` carries the caller's scope (staff: scopedQuoteWhere; member: their
// company's published quotes), so a quote outside it renders nothing.

export async function renderQuotePdf(
  db: DbOrTx,
  where: Prisma.QuoteWhereInput,
  locale: Locale,
): Promise<{ bytes: Buffer; fileName: string } | null> {
  const q = await db.quote.findFirst({
    where,
    include: {
      company: { select: { name: true } },
      contact: { select: { fullName: true, email: true, phone: true } },
      owner: { select: { name: true, email: true, phone: true } },
      lines: { orderBy: [{ position: "asc" }, { id: "asc" }] },
    },
  });
  if (!q) return null;
  const t = createTranslator(locale);
  const letterhead = await documentLetterhead(db, t);
  const money = (fen: bigint) => fenMoney(Number(fen), locale, q.currency);
  const bytes = await renderPdfDocument({
    title: t("quotes.pdf.title"),
    subtitle: [
      t("quotes.pdf.numberVersion", { number: q.number, version: q.version }),
      t("quotes.pdf.date", { date: isoDay(businessDay(q.updatedAt)) }),
    ],
    letterhead,
    facts: [
      { label: t("quotes.field.company"), value: q.company.name },
      { label: t("quotes.field.contact"), value: q.contact?.fullName ?? "" },
      { label: t("quotes.field.title"), value: q.title },
      { label: t("quotes.field.validUntil"), value: isoDay(q.validUntil) },
      { label: t("quotes.pdf.salesperson"), value: q.owner.name },
      { label: t("quotes.pdf.salesContact"), value: [q.owner.phone, q.owner.email].filter(Boolean).join(" · ") },
    ],
    table: {
      columns: [
        { label: "#", width: 3 },
        { label: t("quotes.line.product"), width: 24 },
        { label: t("quotes.line.unit"), width: 5 },
        { label: t("quotes.line.quantity"), width: 8, align: "right" },
        { label: t("quotes.line.unitPrice"), width: 11, align: "right" },
        { label: t("quotes.line.discount"), width: 8, align: "right" },
        { label: t("quotes.line.taxRate"), width: 6, align: "right" },
        { label: t("quotes.line.total"), width: 12, align: "right" },
      ],
      rows: q.lines.map((l, i) => [
        String(i + 1),
        l.sku ? `${l.name}\n${l.sku}` : l.name,
        l.unit,
        String(l.quantity),
        money(l.unitPriceFen),
        discountLabel(l.discountBp, locale),
        taxRateLabel(l.taxRateBp),
        money(l.lineTotalFen),
      ]),
      empty: t("quotes.lines.none"),
    },
    totals: [
      { label: t("quotes.total.net"), value: money(q.netFen) },
      { label: t("quotes.total.tax"), value: money(q.taxFen) },
      { label: t("quotes.total.gross"), value: money(q.totalFen), strong: true },
    ],
    sections: [{ heading: t("quotes.field.terms"), body: q.terms }],
    pageLabel: t("quotes.pdf.page"),
    author: q.owner.name,
  });
  return { bytes, fileName: `${q.number}-v${q.version}.pdf` };
}
