// `npm run db:migrate`: create the database if needed, then apply pending migrations.
import { ensureDatabase, migrate } from "./migrator.server.ts";

const url = process.env.DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay";
await ensureDatabase(url);
const result = await migrate(url, { log: (line) => console.log(line) });
console.log(
  result.applied.length === 0
    ? `Database is up to date (${result.skipped.length} migrations already applied).`
    : `Applied ${result.applied.length} migration(s); ${result.skipped.length} were already applied.`,
);
