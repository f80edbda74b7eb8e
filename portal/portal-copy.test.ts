import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DICTIONARIES } from "#app/lib/i18n/translate.ts";
import { inputClass } from "#app/ui/form/input-styles.ts";

// Issue #14, portal side: the words customers read and how legible they are, checked over the
// dictionaries and the portal's source rather than page by page, so new text cannot slip back.

/** The dictionary areas customers read (the portal, member centre, intake forms, their zone). */
const CUSTOMER_FACING = [
  "portal.",
  "members.",
  "account.",
  "intake.",
  "knowledge.portal.",
  "knowledge.article.",
  "zones.",
  "service.portal.",
  "messages.portal.",
];

/** Staff-side keys inside those areas (the back office's zone pages). */
const STAFF_SIDE = ["zones.bo."];

function customerFacing(locale: "zh-CN" | "en"): Array<[string, string]> {
  return Object.entries(DICTIONARIES[locale]).filter(
    ([key]) => CUSTOMER_FACING.some((p) => key.startsWith(p)) && !STAFF_SIDE.some((p) => key.startsWith(p)),
  );
}

/** Back-office vocabulary and the internal slogan, which mean nothing (or the wrong thing) to customers. */
const JARGON = [/联系人@单位/, /令牌/, /进入 ?CRM/, /商机/, /线索/, /轮流分配/, /交到对的人手里/];

describe("issue #14 item 9: customers are addressed as 您, in their words", () => {
  it("no customer-facing zh-CN text says 你 (customers are 您)", () => {
    const informal = customerFacing("zh-CN").filter(([, value]) => value.includes("你"));
    expect(informal).toEqual([]);
  });

  it("no customer-facing zh-CN text uses CRM jargon or the internal slogan", () => {
    const jargon = customerFacing("zh-CN").filter(([, value]) => JARGON.some((re) => re.test(value)));
    expect(jargon).toEqual([]);
  });

  it("the English customer-facing texts avoid the same jargon", () => {
    const jargon = customerFacing("en").filter(([, value]) => /token rules|contact ?@ ?company|our CRM/i.test(value));
    expect(jargon).toEqual([]);
  });
});

describe("issue #14 item 10: the knowledge base promises only what the reader can do", () => {
  it("its lead does not tell every visitor to open a service request", () => {
    expect(DICTIONARIES["zh-CN"]["knowledge.portal.lead"]).not.toContain("提交服务请求");
    expect(DICTIONARIES.en["knowledge.portal.lead"]).not.toMatch(/service request/i);
  });
});

const PORTAL_DIR = join(import.meta.dirname);

function portalSources(dir = PORTAL_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return portalSources(path);
    return entry.name.endsWith(".tsx") && !entry.name.includes(".test.") ? [path] : [];
  });
}

/** Source lines without comments (good enough for JSX: comments here start a line). */
function codeLines(path: string): Array<{ where: string; line: string }> {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line, i) => ({ where: `${path.slice(PORTAL_DIR.length + 1)}:${i + 1}`, line }))
    .filter(({ line }) => !/^\s*(\/\/|\*|\/\*|\{\/\*)/.test(line));
}

describe("issue #14 item 14: English pages without full-width punctuation, legible text, visible focus", () => {
  it("no English dictionary value contains a full-width colon, comma or parenthesis", () => {
    const wrong = Object.entries(DICTIONARIES.en).filter(([, value]) => /[：，（）]/.test(value));
    expect(wrong).toEqual([]);
  });

  it("portal pages add no full-width punctuation around translated text (it would show in English)", () => {
    const wrong = portalSources()
      .flatMap(codeLines)
      .filter(({ line }) => /[：，（）]/.test(line));
    expect(wrong).toEqual([]);
  });

  it("portal text is never set in slate/gray 300–400 on a light background (about 2.5:1, below WCAG AA)", () => {
    // Icons (sized, or aria-hidden) and text on the dark footer may stay light.
    const faint = /(^|[\s"'`])(placeholder:)?text-(slate|gray|zinc|neutral)-(300|400)\b/;
    const wrong = portalSources()
      .flatMap(codeLines)
      .filter(({ line }) => faint.test(line) && !/aria-hidden|\bsize-|bg-slate-9/.test(line));
    expect(wrong).toEqual([]);
  });

  it("the form controls' focus ring is a strong colour, not a faint tint", () => {
    const rings = [...inputClass.matchAll(/focus:ring-[a-z]+-\d+(?:\/(\d+))?/g)];
    expect(rings.length).toBeGreaterThan(0);
    for (const [ring, opacity] of rings) expect(Number(opacity ?? 100), ring).toBeGreaterThanOrEqual(60);
    expect(inputClass).not.toMatch(/placeholder:text-slate-(300|400)/);
  });
});
