// The search indexes and their settings. Weights rank a match in a person's name above one in
// their city. Chinese names (people and companies) are also found by pinyin (`pinyinAttributes`);
// typos are tolerated in words, never in e-mails, phone numbers or record numbers.

import type { IndexSettings, SearchEngine } from "./engine.ts";

export const SEARCH_INDEX_NAMES = ["contacts", "companies", "leads", "opportunities", "knowledge"] as const;
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
    pinyinAttributes: [{ name: "fullName", personName: true }, { name: "companyName" }],
    typoTolerance: { disableOnAttributes: ["mobile", "email", "phone", "number"] },
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
    pinyinAttributes: [{ name: "name" }],
    typoTolerance: { disableOnAttributes: ["phone", "number"] },
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
    pinyinAttributes: [{ name: "contactName", personName: true }, { name: "companyName" }],
    typoTolerance: { disableOnAttributes: ["contactEmail", "contactMobile", "contactPhone", "number"] },
  },
  opportunities: {
    primaryKey: "id",
    searchableAttributes: [
      { name: "name", weight: 10 },
      { name: "companyName", weight: 8 },
      { name: "contactName", weight: 7 },
      { name: "number", weight: 5 },
    ],
    // companyId/contactId let a company or contact rename find the opportunities showing its name.
    filterableAttributes: ["ownerId", "stage", "companyId", "contactId"],
    pinyinAttributes: [{ name: "companyName" }, { name: "contactName", personName: true }],
    typoTolerance: { disableOnAttributes: ["number"] },
  },
  /** Knowledge base articles (解决方案). The knowledge module filters on visibility/status/category. */
  knowledge: {
    primaryKey: "id",
    searchableAttributes: [
      { name: "summary", weight: 10 },
      { name: "keywords", weight: 8 },
      { name: "number", weight: 6 },
      { name: "category", weight: 4 },
      { name: "description", weight: 3 },
      { name: "solution", weight: 2 },
    ],
    filterableAttributes: ["visibility", "status", "category"],
    typoTolerance: { disableOnAttributes: ["number"] },
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
