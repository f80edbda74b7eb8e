// Child process of bench/search-feed/run.ts: how long after the process starts the first search is
// answered (snapshot on disk, or a rebuild from the database when there is none). Prints one JSON line.
// DATABASE_URL and SEARCH_SNAPSHOT_DIR come from the parent.
import { db } from "#app/lib/db.server.ts";
import { getSearchEngine } from "#search/engine-selection.server.ts";
import { stopSearchFollower } from "#search/feed-follower.server.ts";
import { ensureSearchReady } from "#search/reindex.server.ts";

// Module loading (tsx compiles TypeScript here; a production build does not) is reported apart.
const importedMs = Math.round(performance.now());
const engine = await ensureSearchReady(getSearchEngine());
const result = await engine.query("contacts", { q: "王", limit: 5 });
// performance.now() counts from the start of this process.
const firstSearchMs = Math.round(performance.now());
const documents = (await engine.stats("contacts")).documents;
const stopStarted = performance.now();
// Writes the snapshot the next start loads (when this start rebuilt or caught up).
await stopSearchFollower(engine);
process.stdout.write(
  `${JSON.stringify({ firstSearchMs, importedMs, hits: result.total, contacts: documents, stopMs: Math.round(performance.now() - stopStarted) })}\n`,
);
await db.$disconnect();
process.exit(0);
