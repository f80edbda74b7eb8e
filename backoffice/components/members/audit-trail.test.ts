import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTranslator, DICTIONARIES } from "#app/lib/i18n/translate.ts";
import { auditActionLabel, MEMBER_AUDIT_ACTIONS } from "./audit-trail.tsx";

// #14 item 19: the member audit tab showed raw codes (member.activated, member.sign_in_failed).

const root = path.resolve(import.meta.dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Member audit codes written anywhere in app/: literal "member.*" strings plus `${account.type}.x` ones. */
function memberAuditCodesInCode(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(path.join(root, "app"))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/["'`](member\.[a-z_]+)["'`]/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/`\$\{account\.type\}\.([a-z_]+)`/g)) codes.add(`member.${m[1]}`);
  }
  return [...codes].sort();
}

describe("member audit action labels", () => {
  const codes = memberAuditCodesInCode();

  it("finds the codes the audit tab showed raw", () => {
    expect(codes).toContain("member.activated");
    expect(codes).toContain("member.sign_in_failed");
  });

  it("labels every member audit code used in the code base, in both languages", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const t = createTranslator(locale);
      const unlabelled = codes.filter((code) => {
        const label = auditActionLabel(t, code);
        return label.includes(code) || !(`memberAdmin.audit.action.${code}` in DICTIONARIES[locale]);
      });
      expect(unlabelled, `${locale} shows these codes raw`).toEqual([]);
    }
    expect(codes.filter((code) => !(MEMBER_AUDIT_ACTIONS as readonly string[]).includes(code))).toEqual([]);
  });

  it("shows the localised labels, and a sentence naming the code for an unknown action", () => {
    expect(auditActionLabel(createTranslator("zh-CN"), "member.sign_in_failed")).toBe("登录失败");
    expect(auditActionLabel(createTranslator("en"), "member.activated")).toBe("Account activated");
    expect(auditActionLabel(createTranslator("zh-CN"), "member.future_thing")).toBe("其他操作（member.future_thing）");
    expect(auditActionLabel(createTranslator("en"), "member.future_thing")).toBe("Other action (member.future_thing)");
  });
});
