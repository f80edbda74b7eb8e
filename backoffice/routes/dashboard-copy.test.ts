import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DICTIONARIES, type MessageKey } from "#app/lib/i18n/translate.ts";

// Issue #14 item 20: the dashboard must not promise data or features "later" — what it shows is live.
const source = readFileSync(new URL("./dashboard.tsx", import.meta.url), "utf8");
const usedKeys = [
  ...new Set([...source.matchAll(/"(backoffice\.dashboard\.[\w.]+)"/g)].map((m) => (m[1] ?? "") as MessageKey)),
];

describe("dashboard copy", () => {
  it("uses dashboard keys that exist", () => {
    expect(usedKeys.length).toBeGreaterThan(3);
    for (const key of usedKeys) expect(Object.keys(DICTIONARIES["zh-CN"])).toContain(key);
  });

  it("renders no 'coming later' text in either language", () => {
    expect(source).not.toContain("backoffice.dashboard.kpi.pending");
    expect(source).not.toContain("backoffice.dashboard.coming");
    const texts = usedKeys.map((key) => ({
      key,
      zh: DICTIONARIES["zh-CN"][key],
      en: DICTIONARIES.en[key],
    }));
    for (const { key, zh, en } of texts) {
      expect(zh, key).not.toMatch(/数据将在后续版本接入|即将|后续版本|上线后|将汇集|规划中/);
      expect(en, key).not.toMatch(/later release|coming|will come|planned/i);
    }
  });
});
