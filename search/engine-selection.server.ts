// Picks the engine once per process: Meilisearch when MEILI_HOST is set, else the embedded one.

import { EmbeddedSearchEngine } from "./embedded-engine.server.ts";
import type { SearchEngine } from "./engine.ts";
import { MeilisearchEngine } from "./meilisearch-engine.server.ts";

export function createSearchEngine(source: NodeJS.ProcessEnv = process.env): SearchEngine {
  const host = source.MEILI_HOST?.trim();
  if (host) return new MeilisearchEngine({ host, apiKey: source.MEILI_API_KEY || undefined });
  return new EmbeddedSearchEngine();
}

// Kept on globalThis so dev-server module reloads keep the embedded index instead of emptying it.
const holder = globalThis as unknown as { __relaySearchEngine?: SearchEngine };

export function getSearchEngine(): SearchEngine {
  return (holder.__relaySearchEngine ??= createSearchEngine());
}

/** Tests swap in an engine of their own (or undefined to pick again from the environment). */
export function setSearchEngine(engine: SearchEngine | undefined): void {
  holder.__relaySearchEngine = engine;
}
