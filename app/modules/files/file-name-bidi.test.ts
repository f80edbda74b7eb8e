import { describe, expect, it } from "vitest";
import { cleanFileName } from "./attachments.server.ts";

// Issue #13: an uploaded "invoice\u202Efdp.exe" displays as "invoiceexe.pdf". Names keep their
// letters (Chinese included) but lose every invisible format character: bidi overrides, embeddings,
// isolates and marks, zero-width characters and the BOM.

describe("cleanFileName strips invisible and bidi control characters", () => {
  it.each([
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["\u202Dreport\u202C.pdf", "report.pdf"],
    ["a\u2066b\u2067c\u2068d\u2069.txt", "abcd.txt"],
    ["rtl\u200F\u200Emark.png", "rtlmark.png"],
    ["zero\u200Bwidth\u200D\uFEFF.csv", "zerowidth.csv"],
    ["\u202E", "file"],
  ])("%j → %j", (input, expected) => {
    expect(cleanFileName(input)).toBe(expected);
  });

  it("keeps ordinary names, Chinese included", () => {
    expect(cleanFileName("维修报告 2026.pdf")).toBe("维修报告 2026.pdf");
    expect(cleanFileName("C:\\temp\\设备照片.jpg")).toBe("设备照片.jpg");
  });
});
