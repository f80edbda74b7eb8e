import { describe, expect, it } from "vitest";
import { DICTIONARIES } from "./translate.ts";

// docs/glossary.md picks one word per thing; the dictionaries must not drift back to the other one.
const NON_GLOSSARY: ReadonlyArray<{ pattern: RegExp; use: string }> = [
  { pattern: /商机/, use: "机会 (Opportunity)" },
  // Service hours are written days×hours with a multiplication sign: 5×8, 7×8, 7×24.
  { pattern: /\d\s*[xX]\s*\d/, use: "5×8 / 7×8 / 7×24" },
  { pattern: /\b(8×5|8×7|24×7)\b/, use: "5×8 / 7×8 / 7×24" },
];

describe("i18n glossary", () => {
  for (const [locale, messages] of Object.entries(DICTIONARIES)) {
    it(`${locale} uses only the glossary terms`, () => {
      const offending = Object.entries(messages).flatMap(([key, value]) =>
        NON_GLOSSARY.filter(({ pattern }) => pattern.test(value)).map(({ use }) => `${key}: "${value}" → ${use}`),
      );
      expect(offending).toEqual([]);
    });
  }

  it("writes the response modes the same way in both places that show them", () => {
    for (const messages of Object.values(DICTIONARIES)) {
      for (const mode of ["h8x5", "h8x7", "h24x7"] as const) {
        expect(messages[`service.mode.${mode}`]).toBe(messages[`zones.contract.mode.${mode}`]);
      }
    }
  });
});
