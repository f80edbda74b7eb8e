import PDFDocument from "pdfkit";
import { pdfFonts } from "./fonts.server.ts";

// One server-side document layout for quotes, contracts, orders and printable baskets: a letterhead
// (本公司 logo, name and contact lines), the document's title and number, a parties/facts block, a
// table of lines that breaks across pages with its header repeated, totals, then text sections
// (terms, clauses) and page numbers. Callers pass strings already localised and formatted (money as
// ¥228,000.00): the PDF layer knows nothing of i18n or money. See /work/handoff/pdf.md.

export interface PdfLetterhead {
  name: string;
  /** Address, phone, e-mail, tax id, bank … one short line each. */
  lines: string[];
  /** PNG or JPEG bytes; other formats are left out. */
  logo?: Buffer | null;
}

export interface PdfColumn {
  label: string;
  /** Relative width (the table spans the page). */
  width: number;
  align?: "left" | "right" | "center";
}

export interface PdfTotal {
  label: string;
  value: string;
  strong?: boolean;
}

export interface PdfSection {
  heading: string;
  body: string;
}

export interface PdfDocumentSpec {
  /** "报价单" / "Quotation" … */
  title: string;
  /** Under the title: number, version, date. */
  subtitle?: string[];
  letterhead: PdfLetterhead;
  /** Label/value pairs in two columns (客户, 联系人, 有效期至 …). */
  facts: Array<{ label: string; value: string }>;
  table?: { columns: PdfColumn[]; rows: string[][]; empty?: string };
  totals?: PdfTotal[];
  sections?: PdfSection[];
  /** "第 {page} / {pages} 页"-style label; {page} and {pages} are replaced. */
  pageLabel: string;
  /** PDF metadata. */
  author?: string;
  /** Tests read the text: uncompressed streams. */
  compress?: boolean;
}

const MARGIN = 42;
const CELL_PAD = 4;
const LINE_COLOR = "#9ca3af";
const HEAD_FILL = "#f3f4f6";
const TEXT = "#111827";
const MUTED = "#4b5563";

type Doc = PDFKit.PDFDocument;

function isRasterLogo(bytes: Buffer | null | undefined): bytes is Buffer {
  if (!bytes || bytes.length < 4) return false;
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  return png || jpeg;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN * 2;
}

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN - 16;
}

function drawLetterhead(doc: Doc, spec: PdfDocumentSpec): void {
  const top = MARGIN;
  let x = MARGIN;
  const { logo } = spec.letterhead;
  if (isRasterLogo(logo)) {
    try {
      doc.image(logo, x, top, { fit: [96, 48] });
      x += 106;
    } catch {
      // A damaged image must not cost the document: leave the logo out.
    }
  }
  const leftWidth = contentWidth(doc) * 0.58 - (x - MARGIN);
  doc.font("bold").fontSize(13).fillColor(TEXT).text(spec.letterhead.name, x, top, { width: leftWidth });
  doc.font("regular").fontSize(8).fillColor(MUTED);
  spec.letterhead.lines.forEach((line) => doc.text(line, x, doc.y + 1, { width: leftWidth }));
  const leftBottom = Math.max(doc.y, top + 48);

  const rightX = MARGIN + contentWidth(doc) * 0.6;
  const rightWidth = contentWidth(doc) * 0.4;
  doc.font("bold").fontSize(20).fillColor(TEXT).text(spec.title, rightX, top, { width: rightWidth, align: "right" });
  doc.font("regular").fontSize(9).fillColor(MUTED);
  (spec.subtitle ?? []).forEach((line) => doc.text(line, rightX, doc.y + 1, { width: rightWidth, align: "right" }));
  const y = Math.max(leftBottom, doc.y) + 8;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + contentWidth(doc), y)
    .lineWidth(1)
    .strokeColor(TEXT)
    .stroke();
  doc.y = y + 10;
}

function drawFacts(doc: Doc, facts: PdfDocumentSpec["facts"]): void {
  const half = contentWidth(doc) / 2;
  const labelWidth = 64;
  for (let i = 0; i < facts.length; i += 2) {
    const top = doc.y;
    let rowBottom = top;
    facts.slice(i, i + 2).forEach((fact, column) => {
      const x = MARGIN + column * half;
      doc.font("regular").fontSize(9).fillColor(MUTED).text(fact.label, x, top, { width: labelWidth });
      doc.fillColor(TEXT).text(fact.value || "—", x + labelWidth, top, { width: half - labelWidth - 8 });
      rowBottom = Math.max(rowBottom, doc.y);
    });
    doc.y = rowBottom + 3;
  }
  doc.y += 8;
}

function columnXs(doc: Doc, columns: PdfColumn[]): Array<{ x: number; width: number }> {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  let x = MARGIN;
  return columns.map((c) => {
    const width = (contentWidth(doc) * c.width) / total;
    const slot = { x, width };
    x += width;
    return slot;
  });
}

function rowHeight(doc: Doc, cells: string[], slots: Array<{ width: number }>, font: string): number {
  doc.font(font).fontSize(8.5);
  const heights = cells.map((cell, i) =>
    doc.heightOfString(cell || " ", { width: (slots[i]?.width ?? 40) - CELL_PAD * 2 }),
  );
  return Math.max(...heights, 10) + CELL_PAD * 2;
}

function drawRow(doc: Doc, cells: string[], columns: PdfColumn[], head: boolean): void {
  const slots = columnXs(doc, columns);
  const font = head ? "bold" : "regular";
  const height = rowHeight(doc, cells, slots, font);
  const top = doc.y;
  if (head) doc.rect(MARGIN, top, contentWidth(doc), height).fill(HEAD_FILL);
  cells.forEach((cell, i) => {
    const slot = slots[i];
    if (!slot) return;
    doc
      .font(font)
      .fontSize(8.5)
      .fillColor(TEXT)
      .text(cell, slot.x + CELL_PAD, top + CELL_PAD, {
        width: slot.width - CELL_PAD * 2,
        align: columns[i]?.align ?? "left",
      });
  });
  doc
    .moveTo(MARGIN, top + height)
    .lineTo(MARGIN + contentWidth(doc), top + height)
    .lineWidth(0.5)
    .strokeColor(LINE_COLOR)
    .stroke();
  doc.y = top + height;
}

function drawTable(doc: Doc, table: NonNullable<PdfDocumentSpec["table"]>): void {
  const head = table.columns.map((c) => c.label);
  const slots = columnXs(doc, table.columns);
  drawRow(doc, head, table.columns, true);
  if (table.rows.length === 0 && table.empty) {
    doc
      .font("regular")
      .fontSize(9)
      .fillColor(MUTED)
      .text(table.empty, MARGIN, doc.y + 6);
    doc.y += 6;
  }
  for (const row of table.rows) {
    // A row that does not fit starts a new page, which repeats the header.
    if (doc.y + rowHeight(doc, row, slots, "regular") > bottom(doc)) {
      doc.addPage();
      doc.y = MARGIN;
      drawRow(doc, head, table.columns, true);
    }
    drawRow(doc, row, table.columns, false);
  }
  doc.y += 8;
}

function ensureRoom(doc: Doc, needed: number): void {
  if (doc.y + needed > bottom(doc)) {
    doc.addPage();
    doc.y = MARGIN;
  }
}

function drawTotals(doc: Doc, totals: PdfTotal[]): void {
  const width = 240;
  const x = MARGIN + contentWidth(doc) - width;
  for (const total of totals) {
    ensureRoom(doc, 16);
    const top = doc.y;
    const font = total.strong ? "bold" : "regular";
    doc
      .font(font)
      .fontSize(total.strong ? 11 : 9)
      .fillColor(TEXT);
    doc.text(total.label, x, top, { width: width * 0.45, align: "right" });
    doc.text(total.value, x + width * 0.45, top, { width: width * 0.55, align: "right" });
    doc.y = Math.max(doc.y, top + 12) + 3;
  }
  doc.y += 10;
}

function drawSections(doc: Doc, sections: PdfSection[]): void {
  for (const section of sections) {
    ensureRoom(doc, 40);
    doc
      .font("bold")
      .fontSize(10)
      .fillColor(TEXT)
      .text(section.heading, MARGIN, doc.y, { width: contentWidth(doc) });
    doc
      .font("regular")
      .fontSize(9)
      .fillColor(TEXT)
      .text(section.body || "—", MARGIN, doc.y + 3, { width: contentWidth(doc), lineGap: 2 });
    doc.y += 10;
  }
}

function drawPageNumbers(doc: Doc, label: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const text = label.replace("{page}", String(i + 1)).replace("{pages}", String(range.count));
    // Writing below the bottom margin would make PDFKit add a page: lift the margin while we write.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(8)
      .fillColor(MUTED)
      .text(text, MARGIN, doc.page.height - MARGIN + 8, {
        width: contentWidth(doc),
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
}

/** Renders the document to PDF bytes (A4, Chinese-capable fonts embedded as subsets). */
export function renderPdfDocument(spec: PdfDocumentSpec): Promise<Buffer> {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    compress: spec.compress ?? true,
    info: {
      Title: [spec.title, ...(spec.subtitle ?? []).slice(0, 1)].join(" "),
      Author: spec.author ?? spec.letterhead.name,
    },
  });
  doc.registerFont("regular", fonts.regular.path, fonts.regular.family);
  doc.registerFont("bold", fonts.bold.path, fonts.bold.family);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  drawLetterhead(doc, spec);
  drawFacts(doc, spec.facts);
  if (spec.table) drawTable(doc, spec.table);
  if (spec.totals && spec.totals.length > 0) drawTotals(doc, spec.totals);
  if (spec.sections && spec.sections.length > 0) drawSections(doc, spec.sections);
  drawPageNumbers(doc, spec.pageLabel);
  doc.end();
  return done;
}

/** The HTTP answer for a PDF: inline (the browser's viewer) or as a download, with an RFC 5987 name. */
export function pdfResponse(
  bytes: Buffer,
  fileName: string,
  disposition: "inline" | "attachment" = "inline",
): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
