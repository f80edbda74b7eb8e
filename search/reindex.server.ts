// Rebuilds search indexes from the database: `npm run search:reindex` for Meilisearch (after a
// settings change, a restore, or to repair drift), and the embedded engine's warm-up at start.

import { db as defaultDb, type DbOrTx } from "#app/lib/db.server.ts";
import { documentSources } from "./documents.server.ts";
import { EmbeddedSearchEngine } from "./embedded-engine.server.ts";
import { startEmbeddedSearch } from "./feed-follower.server.ts";
import { getSearchEngine } from "./engine-selection.server.ts";
import type { SearchEngine } from "./engine.ts";
import { trackSearchWarmup } from "./search-readiness.server.ts";
import { applyAllSynonyms } from "./synonyms.server.ts";
import { SEARCH_INDEX_NAMES, ensureSearchIndexes, type SearchIndexName } from "./indexes.ts";

export const REINDEX_BATCH_SIZE = 1000;

export interface ReindexOptions {
  engine?: SearchEngine;
  db?: DbOrTx;
  indexes?: readonly SearchIndexName[];
  batchSize?: number;
  /**
   * Empty each index first so rows deleted behind our back disappear (default). The index is
   * incomplete while it refills; a build-then-swap rebuild is future work (see README).
   */
  clear?: boolean;
  log?: (line: string) => void;
}

export async function reindexAll(options: ReindexOptions = {}): Promise<Record<SearchIndexName, number>> {
  const engine = options.engine ?? getSearchEngine();
  const client: DbOrTx = options.db ?? defaultDb;
  const batchSize = options.batchSize ?? REINDEX_BATCH_SIZE;
  const log = options.log ?? ((line: string) => console.log(line));
  await ensureSearchIndexes(engine);
  await applyAllSynonyms(client, engine);
  const counts = Object.fromEntries(SEARCH_INDEX_NAMES.map((name) => [name, 0])) as Record<SearchIndexName, number>;
  const names = options.indexes ?? SEARCH_INDEX_NAMES;
  for (const [position, name] of names.entries()) {
    const started = performance.now();
    const total = await documentSources[name].count(client);
    if (options.clear ?? true) await engine.clear(name);
    let done = 0;
    let lastLog = 0;
    for await (const docs of documentSources[name].batches(client, batchSize)) {
      await engine.upsert(name, docs);
      done += docs.length;
      const elapsed = performance.now() - started;
      // One line per batch would flood the terminal at 1M rows: at most one a second, plus the last.
      if (done >= total || elapsed - lastLog >= 1000) {
        lastLog = elapsed;
        log(progressLine(name, position + 1, names.length, done, total, elapsed));
      }
    }
    if (done === 0) log(`[search] ${position + 1}/${names.length} ${name}: 0/0 nothing to index`);
    else if (done < total)
      log(progressLine(name, position + 1, names.length, done, total, performance.now() - started));
    counts[name] = done;
  }
  return counts;
}

function progressLine(
  name: string,
  position: number,
  of: number,
  done: number,
  total: number,
  elapsedMs: number,
): string {
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 100;
  const rate = elapsedMs > 0 ? Math.round((done / elapsedMs) * 1000) : done;
  return (
    `[search] ${position}/${of} ${name}: ${done}/${total} (${pct}%) ` +
    `${(elapsedMs / 1000).toFixed(1)}s, ${rate.toLocaleString("en-US")} docs/s`
  );
}

const warmed = new WeakMap<SearchEngine, Promise<SearchEngine>>();

/**
 * The engine, ready to query. The embedded engine starts empty in every process, so the first
 * call fills it from its snapshot on disk or the database, catches up from the change feed and
 * follows it from then on (once; later calls reuse the same promise). Meilisearch keeps its data,
 * so for it this only makes sure the index settings are applied.
 */
export function ensureSearchReady(engine: SearchEngine = getSearchEngine()): Promise<SearchEngine> {
  let pending = warmed.get(engine);
  if (!pending) {
    pending = (async () => {
      // Embedded: load the snapshot (or rebuild), catch up from the change feed, keep following it.
      if (engine instanceof EmbeddedSearchEngine) await startEmbeddedSearch(engine);
      else if (engine.kind === "embedded") await reindexAll({ engine, clear: false, log: () => {} });
      else await ensureSearchIndexes(engine);
      // Staff synonyms live in the database: every process applies them once it is ready.
      await applyAllSynonyms(defaultDb, engine);
      return engine;
    })();
    warmed.set(engine, pending);
    pending.catch(() => warmed.delete(engine));
    // /readyz follows the process's own engine (tests' private engines do not count).
    if (engine === getSearchEngine()) {
      trackSearchWarmup(pending, () => void ensureSearchReady(engine).catch(() => undefined));
    }
  }
  return pending;
}
