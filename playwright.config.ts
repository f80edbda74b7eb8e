import { defineConfig } from "@playwright/test";

// E2E runs the production build against a fresh, seeded database in Debian's Chromium: no browser
// download (see docs/decisions/006-testing.md). The build must have run first
// into RR_BUILD_DIR (scripts/test.sh builds into build-e2e so a live app served from build/ keeps running).
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/e2e",
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    // Readiness, not liveness: specs need the database and the fuzzy index, not just a listening process.
    url: `http://localhost:${port}/readyz`,
    reuseExistingServer: false,
    // Migrate + seed the demo (forum, catalog, courseware …) + the index warm-up before readiness.
    timeout: 360_000,
    env: {
      E2E_PORT: String(port),
      E2E_DB: process.env.E2E_DB ?? "relay_e2e",
      RR_BUILD_DIR: process.env.RR_BUILD_DIR ?? "build-e2e",
    },
    stdout: "pipe",
  },
});
