import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect.ts";

// Issue #13: `redirectTo=/%09/evil.example` produced a Location browsers resolve to //evil.example,
// and CR/LF or non-ASCII targets crashed the redirect (500). One parser, this corpus.

const FALLBACK = "/fallback";

/** Inputs that must never leave the site (or reach a Location header unchanged). */
const HOSTILE = [
  "//evil.example",
  "///evil.example",
  "////evil.example/x",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0d%0aSet-Cookie:x=1",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/%5Cevil.example",
  "/%252F%252Fevil.example",
  "/%5C%5Cevil.example",
  "/ /evil.example",
  "/\u00a0/evil.example",
  "/\u2028/evil.example",
  "/\ufeff/evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "",
  " /account",
  "/account\r\nLocation: https://evil.example",
  `/${"a".repeat(5000)}`,
];

describe("safeRedirectPath", () => {
  it.each(HOSTILE)("refuses %j", (input) => {
    expect(safeRedirectPath(input, FALLBACK)).toBe(FALLBACK);
  });

  it("refuses what is not a string", () => {
    for (const value of [null, undefined, 42, {}, ["/account"], new File([], "x")]) {
      expect(safeRedirectPath(value, FALLBACK)).toBe(FALLBACK);
    }
  });

  it("keeps ordinary same-site paths, with query and hash", () => {
    expect(safeRedirectPath("/account", FALLBACK)).toBe("/account");
    expect(safeRedirectPath("/zone/requests?status=open&page=2#top", FALLBACK)).toBe(
      "/zone/requests?status=open&page=2#top",
    );
    expect(safeRedirectPath("/knowledge?q=%E5%B9%B3%E8%A1%A1%E6%9C%BA%20E21", FALLBACK)).toBe(
      "/knowledge?q=%E5%B9%B3%E8%A1%A1%E6%9C%BA%20E21",
    );
    expect(safeRedirectPath("/", FALLBACK)).toBe("/");
  });

  it("answers non-ASCII as percent-encoded ASCII, safe for a Location header", () => {
    const path = safeRedirectPath("/knowledge?q=平衡机", FALLBACK);
    expect(path).toBe("/knowledge?q=%E5%B9%B3%E8%A1%A1%E6%9C%BA");
    expect(() => new Headers({ Location: path })).not.toThrow();
    expect(safeRedirectPath("/知识库", FALLBACK)).toBe("/%E7%9F%A5%E8%AF%86%E5%BA%93");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeRedirectPath("/a/../b", FALLBACK)).toBe("/b");
    expect(safeRedirectPath("/../../etc/passwd", FALLBACK)).toBe("/etc/passwd");
  });

  it("keeps a section when asked (`under`)", () => {
    const crm = (v: string) => safeRedirectPath(v, "/crm", { under: "/crm" });
    expect(crm("/crm")).toBe("/crm");
    expect(crm("/crm/leads?mine=1")).toBe("/crm/leads?mine=1");
    expect(crm("/crmx")).toBe("/crm");
    expect(crm("/account")).toBe("/crm");
    expect(crm("/crm/../account")).toBe("/crm");
    expect(crm("//evil.example/crm")).toBe("/crm");
  });

  it("everything it answers is a same-origin path a browser cannot turn into another host", () => {
    const samples = [...HOSTILE, "/account", "/a/../b", "/knowledge?q=平衡机", "/crm/leads#x"];
    for (const input of samples) {
      const path = safeRedirectPath(input, FALLBACK);
      expect(path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\"), input).toBe(true);
      expect(new URL(path, "https://relay.example").origin).toBe("https://relay.example");
      expect(/^[\x21-\x7e]+$/.test(path), input).toBe(true);
    }
  });
});
