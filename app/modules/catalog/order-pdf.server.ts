import type { LeadStatus } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { createTranslator, type MessageKey } from "#app/lib/i18n/translate.ts";
import { renderPdfDocument, type PdfColumn, type PdfDocumentSpec } from "#app/lib/pdf/document.server.ts";
import { businessDay, isoDay } from "#app/modules/quotes/quote-dates.ts";
import { discountLabel, fenMoney } from "#app/modules/quotes/quote-format.ts";
import type { CurrentBasket } from "./basket-cookie.server.ts";
import { portalSchemes } from "./portal-pricing.server.ts";
import { priceBasket, type PriceScheme } from "./pricing.ts";
import { documentLetterhead } from "#app/modules/settings/document-letterhead.server.ts";

// The portal's printable order as a PDF (issue #18 item 3, decision 049), in the reader's language:
// the current basket priced again on the server by the one pricing function with the member's
// schemes (never prices from the browser), or one of the member's submitted orders with the prices
// it was submitted at. The submitted order is looked up with the member's id in the query.

type Translate = ReturnType<typeof createTranslator>;

export interface OrderPdf {
  bytes: Buffer;
  fileName: string;
}

async function memberFacts(db: DbOrTx, memberId: number | null, t: Translate): Promise<PdfDocumentSpec["facts"]> {
  if (!memberId) return [];
  const m = await db.member.findUnique({
    where: { id: memberId },
    select: { realName: true, nickname: true, companyName: true, email: true, phone: true },
  });
  if (!m) return [];
  return [
    { label: t("orderPdf.customer"), value: m.companyName ?? "" },
    { label: t("orderPdf.contact"), value: m.realName ?? m.nickname },
    { label: t("orderPdf.email"), value: m.email },
    { label: t("orderPdf.phone"), value: m.phone ?? "" },
  ];
}

/** The order's table: #, product, quantity, unit price, (discount,) line total. */
function lineColumns(t: Translate, discount: boolean): PdfColumn[] {
  return [
    { label: "#", width: 3 },
    { label: t("quotes.line.product"), width: 24 },
    { label: t("quotes.line.quantity"), width: 8, align: "right" },
    { label: t("quotes.line.unitPrice"), width: 11, align: "right" },
    ...(discount ? [{ label: t("quotes.line.discount"), width: 8, align: "right" as const }] : []),
    { label: t("quotes.line.total"), width: 12, align: "right" },
  ];
}

/** The active products of the basket with the member's scheme each, in the basket's order. */
async function basketLines(db: DbOrTx, memberId: number | null, basket: CurrentBasket) {
  const skus = Object.keys(basket);
  if (skus.length === 0) return [];
  const [products, schemes] = await Promise.all([
    db.product.findMany({ where: { sku: { in: skus }, active: true }, select: { sku: true, name: true, unit: true } }),
    portalSchemes(db, memberId, skus),
  ]);
  const bySku = new Map(products.map((p) => [p.sku, p]));
  return skus.flatMap((sku) => {
    const product = bySku.get(sku);
    const scheme: PriceScheme | undefined = schemes[sku];
    return product && scheme ? [{ product, scheme, quantity: basket[sku]! }] : [];
  });
}

/** The current basket as a PDF, or null when nothing in it can be ordered. */
export async function renderBasketPdf(
  db: DbOrTx,
  memberId: number | null,
  basket: CurrentBasket,
  locale: Locale,
  now = new Date(),
): Promise<OrderPdf | null> {
  const lines = await basketLines(db, memberId, basket);
  if (lines.length === 0) return null;
  const t = createTranslator(locale);
  const priced = priceBasket(lines.map((l) => ({ scheme: l.scheme, quantity: l.quantity })));
  const currency = priced.totals.currency;
  const money = (fen: number) => fenMoney(fen, locale, currency);
  const day = isoDay(businessDay(now));
  const bytes = await renderPdfDocument({
    title: t("orderPdf.basketTitle"),
    subtitle: [t("orderPdf.date", { date: day })],
    letterhead: await documentLetterhead(db, t),
    facts: await memberFacts(db, memberId, t),
    table: {
      columns: lineColumns(t, true),
      rows: lines.map((l, i) => {
        const line = priced.lines[i]!;
        return [
          String(i + 1),
          `${l.product.name}\n${l.product.sku}`,
          `${l.quantity} ${l.product.unit}`,
          money(line.unitPriceFen),
          discountLabel(line.discountBp, locale),
          money(line.amountFen),
        ];
      }),
    },
    totals: [
      { label: t("quotes.total.net"), value: money(priced.totals.netFen) },
      { label: t("quotes.total.tax"), value: money(priced.totals.taxFen) },
      ...(priced.totals.discountFen > 0
        ? [{ label: t("orderPdf.saving"), value: money(priced.totals.discountFen) }]
        : []),
      { label: t("quotes.total.gross"), value: money(priced.totals.grossFen), strong: true },
    ],
    sections: [{ heading: t("orderPdf.noteHeading"), body: t("orderPdf.basketNote") }],
    pageLabel: t("quotes.pdf.page"),
  });
  return { bytes, fileName: `order-${day}.pdf` };
}

const LEAD_STATE_KEY: Record<LeadStatus, MessageKey> = {
  new: "orders.portal.lead.new",
  assigned: "orders.portal.lead.new",
  contacted: "orders.portal.lead.working",
  qualified: "orders.portal.lead.working",
  converted: "orders.portal.lead.converted",
  closed: "orders.portal.lead.closed",
};

/** One of the member's own submitted portal orders as a PDF; anyone else's (or none) is null. */
export async function renderMemberOrderPdf(
  db: DbOrTx,
  memberId: number,
  leadId: number,
  locale: Locale,
): Promise<OrderPdf | null> {
  const lead = await db.lead.findFirst({
    where: { id: leadId, memberId, deletedAt: null, category: { kind: "order" } },
    select: {
      number: true,
      status: true,
      createdAt: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      companyName: true,
      items: {
        orderBy: { id: "asc" },
        select: { sku: true, productName: true, quantity: true, unit: true, unitPrice: true, lineTotal: true },
      },
    },
  });
  if (!lead) return null;
  const t = createTranslator(locale);
  const money = (value: { toFixed(digits: number): string } | null) =>
    value === null ? "—" : formatMoney(value.toFixed(2), locale);
  const totalFen = lead.items.reduce((sum, i) => sum + Math.round(Number(i.lineTotal ?? 0) * 100), 0);
  const bytes = await renderPdfDocument({
    title: t("orderPdf.orderTitle"),
    subtitle: [lead.number, t("orderPdf.submitted", { date: isoDay(businessDay(lead.createdAt)) })],
    letterhead: await documentLetterhead(db, t),
    facts: [
      { label: t("orderPdf.customer"), value: lead.companyName ?? "" },
      { label: t("orderPdf.contact"), value: lead.contactName ?? "" },
      { label: t("orderPdf.email"), value: lead.contactEmail ?? "" },
      { label: t("orderPdf.phone"), value: lead.contactPhone ?? "" },
      { label: t("orderPdf.status"), value: t(LEAD_STATE_KEY[lead.status]) },
    ],
    table: {
      columns: lineColumns(t, false),
      rows: lead.items.map((item, i) => [
        String(i + 1),
        item.productName ? `${item.productName}\n${item.sku}` : item.sku,
        `${item.quantity} ${item.unit ?? ""}`.trim(),
        money(item.unitPrice),
        money(item.lineTotal),
      ]),
      empty: t("orderPdf.noLines"),
    },
    totals: [{ label: t("orderPdf.total"), value: fenMoney(totalFen, locale), strong: true }],
    sections: [{ heading: t("orderPdf.noteHeading"), body: t("orderPdf.orderNote") }],
    pageLabel: t("quotes.pdf.page"),
  });
  return { bytes, fileName: `${lead.number}.pdf` };
}
