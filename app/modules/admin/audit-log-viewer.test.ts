import { describe, expect, it } from "vitest";
import { csvCell } from "./audit-log-export.server.ts";
import { auditDiff, auditList, auditRecordHref } from "./audit-log-viewer.server.ts";

describe("audit diff and links", () => {
  it("lists changed fields as old → new, keys on one side only included", () => {
    expect(
      auditDiff({ name: "甲", city: "北京", same: 1 }, { name: "乙", city: "北京", same: 1, phone: "010" }),
    ).toEqual([
      { field: "name", before: "甲", after: "乙" },
      { field: "phone", before: null, after: "010" },
    ]);
    expect(auditDiff(null, { tags: ["a"] })).toEqual([{ field: "tags", before: null, after: '["a"]' }]);
    expect(auditDiff("x", null)).toEqual([{ field: "value", before: "x", after: null }]);
    expect(auditDiff(null, null)).toEqual([]);
  });

  it("links records that have a page, and only numeric ids", () => {
    expect(auditRecordHref("Lead", "12")).toBe("/crm/leads/12");
    expect(auditRecordHref("Role", "3")).toBe("/crm/admin/roles/3");
    expect(auditRecordHref("Setting", "audit.retentionDays")).toBeNull();
    expect(auditRecordHref("Unknown", "1")).toBeNull();
  });

  it("parses the URL without ever throwing", () => {
    const q = auditList.parse(new URLSearchParams("actor=-1&from=2026-13&to=2026-12-01&dir=sideways&cursor=a12"));
    expect(q).toMatchObject({ actor: undefined, from: undefined, to: "2026-12-01", dir: "desc", cursor: "a12" });
  });

  it("quotes CSV cells and defuses spreadsheet formulas", () => {
    expect(csvCell('他说"好",然后')).toBe('"他说""好"",然后"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(null)).toBe("");
  });
});
