import { describe, expect, it } from "vitest";
import { createTranslator, DICTIONARIES, format } from "./translate.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n dictionaries", () => {
  const zh = DICTIONARIES["zh-CN"];
  const en = DICTIONARIES.en;

  it("have exactly the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it("have no empty strings in either language", () => {
    for (const [locale, messages] of Object.entries(DICTIONARIES)) {
      const empty = Object.entries(messages)
        .filter(([, v]) => v.trim() === "")
        .map(([k]) => k);
      expect(empty, `${locale} has empty messages`).toEqual([]);
    }
  });

  it("use the same placeholders in both languages", () => {
    const mismatched = Object.keys(zh).filter(
      (key) => placeholders(zh[key as keyof typeof zh]).join() !== placeholders(en[key as keyof typeof en]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it("really translate: English strings contain no Chinese characters except the language switch", () => {
    const untranslated = Object.entries(en)
      .filter(([key, value]) => key !== "locale.switch" && /[\u4e00-\u9fff]/.test(value))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it("formats placeholders and leaves unknown ones visible", () => {
    expect(format("还剩 {n} 分钟", { n: 5 })).toBe("还剩 5 分钟");
    expect(format("{a} and {b}", { a: 1 })).toBe("1 and {b}");
    expect(createTranslator("en")("auth.staffLogin.rateLimited", { minutes: 15 })).toContain("15 minutes");
    expect(createTranslator("zh-CN")("auth.staffLogin.rateLimited", { minutes: 15 })).toContain("15 分钟");
  });
});
