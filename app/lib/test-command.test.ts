import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// #14 item 22: the test command must not overwrite build/, which a live app on the same host serves.
const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

describe("test command (scripts/test.sh)", () => {
  const script = read("scripts/test.sh");

  it("builds the e2e bundle into a directory other than build/", () => {
    const buildLine = script.split("\n").find((line) => line.includes("react-router build"));
    expect(buildLine).toBeDefined();
    expect(buildLine).toMatch(/RR_BUILD_DIR="\$E2E_BUILD_DIR"/);
    expect(script).toMatch(/E2E_BUILD_DIR="\$\{E2E_BUILD_DIR:-build-e2e\}"/);
  });

  it("serves the e2e build from that same directory", () => {
    const e2eLine = script.split("\n").find((line) => line.includes("playwright test"));
    expect(e2eLine).toMatch(/RR_BUILD_DIR="\$E2E_BUILD_DIR"/);
    const config = read("playwright.config.ts");
    expect(config).toMatch(/RR_BUILD_DIR: process\.env\.RR_BUILD_DIR \?\? "build-e2e"/);
  });

  it("keeps the build directory configurable and ignored by git", () => {
    expect(read("react-router.config.ts")).toMatch(/buildDirectory: process\.env\.RR_BUILD_DIR \?\? "build"/);
    expect(read(".gitignore").split("\n")).toContain("build-*/");
  });
});
