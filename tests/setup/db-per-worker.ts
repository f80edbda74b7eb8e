import { ensureDatabase, migrate } from "#prisma/migrator.server.ts";
import { workerDatabaseUrl } from "./test-database.ts";

// Runs in each test worker before its test files import anything: point the app at this worker's
// own database and bring it to the latest migration (a no-op after the first file).
const workerId = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? "1";
const url = workerDatabaseUrl(workerId);
process.env.DATABASE_URL = url;
process.env.NODE_ENV = "test";
process.env.RUN_WORKER = "0";

const g = globalThis as unknown as { __relayMigrated?: string };
if (g.__relayMigrated !== url) {
  await ensureDatabase(url);
  await migrate(url);
  g.__relayMigrated = url;
}
