import { introspectDatabase } from "./schema-drift/actual-schema.server.ts";
import { compareSchemas, formatDrift } from "./schema-drift/compare.ts";
import { loadExpectedSchema } from "./schema-drift/expected-schema.server.ts";

// `npx tsx prisma/check-drift.ts`: compares schema.prisma with the database at DATABASE_URL (default:
// the local development database). Exit 0 when they match, 1 on drift, 2 when the check cannot run.

const DEFAULT_URL = "mysql://relay:relay@127.0.0.1:3307/relay";

function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_URL;
  const [expected, actual] = await Promise.all([loadExpectedSchema(), introspectDatabase(databaseUrl)]);
  const items = compareSchemas(expected, actual);
  const report = `${formatDrift(items)}\n(database: ${redact(databaseUrl)})`;
  if (items.length) {
    console.error(report);
    return 1;
  }
  console.log(report);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Drift check failed to run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
