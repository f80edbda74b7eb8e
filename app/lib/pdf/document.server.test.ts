import { describe, expect, it } from "vitest";
import { pdfResponse, renderPdfDocument, type PdfDocumentSpec } from "./document.server.ts";

// The PDF layer embeds a CJK font and lays lines out across pages. Rendered uncompressed so the test
// can read the font names, the ToUnicode map (which glyphs map to which characters) and the pages.

function spec(rows: number): PdfDocumentSpec {
  return {
    title: "报价单",
    subtitle: ["QUOT202612060001 · 第 1 版"],
    letterhead: { name: "接力工业设备有限公司", lines: ["上海市浦东新区"], logo: Buffer.from("not an image") },
    facts: [
      { label: "客户", value: "苏州精工" },
      { label: "有效期至", value: "2027-01-05" },
    ],
    table: {
      columns: [
        { label: "产品", width: 3 },
        { label: "金额", width: 1, align: "right" },
      ],
      rows: Array.from({ length: rows }, (_, i) => [`平衡机 ${i + 1}`, "¥1,000.00"]),
    },
    totals: [{ label: "含税合计", value: "¥113,000.00", strong: true }],
    sections: [{ heading: "条款", body: "交货期：30 日" }],
    pageLabel: "第 {page} / {pages} 页",
    compress: false,
  };
}

function pageCount(pdf: string): number {
  return (pdf.match(/\/Type \/Page\b/g) ?? []).length;
}

describe("renderPdfDocument", () => {
  it("embeds Noto Sans CJK and maps its glyphs back to the Chinese text", async () => {
    const bytes = await renderPdfDocument(spec(3));
    const pdf = bytes.toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Bold/);
    // 报 U+62A5, 价 U+4EF7, 单 U+5355 appear in the ToUnicode CMap: copy/paste and search work.
    for (const code of ["62a5", "4ef7", "5355", "5e73", "8861"]) expect(pdf.toLowerCase()).toContain(`<${code}>`);
    expect(pageCount(pdf)).toBe(1);
  });

  it("breaks a long table across pages and numbers every page", async () => {
    const pdf = (await renderPdfDocument(spec(120))).toString("latin1");
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    // A bad logo is left out rather than failing the document (the bytes above are not an image).
    expect(pdf).not.toContain("/Subtype /Image");
  });

  it("answers a PDF with a safe, UTF-8 file name", () => {
    const res = pdfResponse(Buffer.from("%PDF-1.3"), '报价单 "QUOT1".pdf', "attachment");
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const disposition = res.headers.get("Content-Disposition") ?? "";
    expect(disposition).toContain('attachment; filename="___ _QUOT1_.pdf"');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('报价单 "QUOT1".pdf')}`);
  });
});
