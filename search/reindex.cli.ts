// `npm run search:reindex`: rebuild every search index from the database, 1000 rows at a time.
import { db } from "#app/lib/db.server.ts";
import { getSearchEngine } from "./engine-selection.server.ts";
import { reindexAll } from "./reindex.server.ts";

const engine = getSearchEngine();
if (engine.kind === "embedded") {
  // Nothing outlives this process with the embedded engine; the app fills its own at start.
  console.warn(
    "[search] MEILI_HOST is not set: using the embedded engine, which lives inside each app process and " +
      "rebuilds itself there. This run only checks that every row can be indexed.",
  );
}

try {
  const started = Date.now();
  const counts = await reindexAll({ engine, db });
  const summary = Object.entries(counts)
    .map(([name, n]) => `${name}=${n}`)
    .join(", ");
  console.log(`[search] reindex done on ${engine.kind} in ${((Date.now() - started) / 1000).toFixed(1)}s: ${summary}`);
} catch (error) {
  console.error("[search] reindex failed:", error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
