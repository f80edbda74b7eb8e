// The search indexes that exist now and their settings. Weights rank a match in a person's name
// above one in their city; the later fuzzy-matching issue will add pinyin/phonetic fields here.

import type { IndexSettings, SearchEngine } from "./engine.ts";

export const SEARCH_INDEX_NAMES = ["contacts", "companies", "leads"] as const;
export type SearchIndexName = (typeof SEARCH_INDEX_NAMES)[number];

export const SEARCH_INDEXES: Record<SearchIndexName, IndexSettings> = {
  contacts: {
    primaryKey: "id",
    searchableAttributes: [
      { name: "fullName", weight: 10 },
      { name: "mobile", weight: 8 },
      { name: "email", weight: 8 },
      { name: "phone", weight: 6 },
      { name: "companyName", weight: 5 },
      { name: "number", weight: 4 },
      { name: "title", weight: 3 },
      { name: "city", weight: 2 },
      { name: "province", weight: 1 },
    ],
    // companyId lets a company change find the contacts that still show its old name.
    filterableAttributes: ["ownerId", "city", "province", "companyId"],
  },
  companies: {
    primaryKey: "id",
    searchableAttributes: [
      { name: "name", weight: 10 },
      { name: "phone", weight: 6 },
      { name: "number", weight: 4 },
      { name: "industry", weight: 3 },
      { name: "city", weight: 2 },
      { name: "province", weight: 1 },
    ],
    filterableAttributes: ["ownerId", "city", "province"],
  },
  leads: {
    primaryKey: "id",
    searchableAttributes: [
      { name: "contactName", weight: 10 },
      { name: "companyName", weight: 9 },
      { name: "contactEmail", weight: 8 },
      { name: "contactMobile", weight: 8 },
      { name: "contactPhone", weight: 6 },
      { name: "number", weight: 5 },
      { name: "requirement", weight: 3 },
      { name: "companyCity", weight: 2 },
    ],
    filterableAttributes: ["ownerId", "status", "categoryId", "companyCity"],
  },
};

export function isSearchIndexName(name: string): name is SearchIndexName {
  return (SEARCH_INDEX_NAMES as readonly string[]).includes(name);
}

const ensured = new WeakMap<SearchEngine, Promise<void>>();

/**
 * Applies every index definition once per engine instance (per process): cheap to call before
 * each use. A failure is not remembered, so the next call (e.g. the job's retry) tries again.
 */
export function ensureSearchIndexes(engine: SearchEngine): Promise<void> {
  let pending = ensured.get(engine);
  if (!pending) {
    pending = (async () => {
      for (const name of SEARCH_INDEX_NAMES) await engine.ensureIndex(name, SEARCH_INDEXES[name]);
    })();
    ensured.set(engine, pending);
    pending.catch(() => ensured.delete(engine));
  }
  return pending;
}
