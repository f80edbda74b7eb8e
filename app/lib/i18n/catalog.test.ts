import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";

// catalog.ts is what the browser gets: it must load one locale on demand and never hold a
// dictionary it was not asked for. Each test imports a fresh copy (no translate.ts registration).
async function freshCatalog() {
  vi.resetModules();
  return import("./catalog.ts");
}

describe("i18n catalog (browser side)", () => {
  it("holds no dictionary until one is loaded, then exactly that one", async () => {
    const catalog = await freshCatalog();
    expect(catalog.loadedMessages("zh-CN")).toBeUndefined();
    expect(() => catalog.isMessageKey("common.save")).toThrow(/no dictionary/);

    const en = await catalog.loadMessages("en");
    expect(en["common.save"]).toBe("Save");
    expect(catalog.loadedMessages("en")).toBe(en);
    expect(catalog.loadedMessages("zh-CN")).toBeUndefined();
    expect(await catalog.loadMessages("en")).toBe(en);
  });

  it("loads the same strings the server's translate.ts has", async () => {
    const catalog = await freshCatalog();
    const [zh, en] = await Promise.all([catalog.loadMessages("zh-CN"), catalog.loadMessages("en")]);
    const { DICTIONARIES } = await import("./translate.ts");
    expect(zh).toEqual(DICTIONARIES["zh-CN"]);
    expect(en).toEqual(DICTIONARIES.en);
  });

  it("answers isMessageKey and translates with placeholders from the loaded dictionary", async () => {
    const catalog = await freshCatalog();
    const zh = await catalog.loadMessages("zh-CN");
    expect(catalog.isMessageKey("common.pager.summary")).toBe(true);
    expect(catalog.isMessageKey("common.noSuchKey")).toBe(false);
    expect(catalog.isMessageKey("toString")).toBe(false);
    const t = catalog.translatorFor(zh);
    expect(t("common.pager.summary", { page: 2, pageCount: 9 })).toBe("第 2 / 9 页");
    expect(t("common.total", { count: 1340 })).toBe("共 1340 条");
  });

  it("imports no dictionary statically in the modules the browser always loads", () => {
    for (const file of ["./catalog.ts", "./i18n-context.tsx", "../../entry.client.tsx", "../../root.tsx"]) {
      const source = readFileSync(new URL(file, import.meta.url), "utf8");
      const staticImports = [...source.matchAll(/^import (?!type )[^;]*?from "([^"]+)"/gms)].map((m) => m[1]);
      expect(
        staticImports.filter((from) => /messages\/|i18n\/translate|\/translate\.ts/.test(from ?? "")),
        file,
      ).toEqual([]);
    }
  });
});
