import { defineConfig } from "vitest/config";

// Unit + integration tests sit beside the code. Integration tests use a real MariaDB: each worker
// gets its own database (tests/setup/db-per-worker.ts), migrated by our migrator.
export default defineConfig({
  test: {
    include: ["{app,portal,backoffice,prisma,search,emails,bench,scripts}/**/*.test.{ts,tsx}", "eslint.config.test.ts"],
    exclude: ["node_modules/**", "tests/e2e/**", "app/generated/**"],
    pool: "forks",
    maxWorkers: 2,
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/db-per-worker.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
