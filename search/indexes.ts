// The search indexes and their settings. Weights rank a match in a person's name above one in
// their city. Chinese names (people and companies) are also found by pinyin (`pinyinAttributes`);
// typos are tolerated in words, never in e-mails, phone numbers or record numbers.

import { defineIndex, type IndexSettings, type SearchEngine } from "./engine.ts";
import { FORUM_SEARCH_INDEXES, FORUM_SEARCH_INDEX_NAMES } from "./forum-indexes.ts";

export const SEARCH_INDEX_NAMES = [
  "contacts",
  "companies",
  "leads",
  "opportunities",
  "knowledge",
  ...FORUM_SEARCH_INDEX_NAMES,
] as const;
export type SearchIndexName = (typeof SEARCH_INDEX_NAMES)[number];

export const SEARCH_INDEXES: Record<SearchIndexName, IndexSettings> = {
  contacts: defineIndex({
    weights: { fullName: 10, mobile: 8, email: 8, phone: 6, companyName: 5, number: 4, title: 3, city: 2, province: 1 },
    // companyId lets a company change find the contacts that still show its old name.
    // id: global search fetches one page's highlights by id (search/global-search.server.ts).
    filterable: ["id", "ownerId", "city", "province", "companyId"],
    pinyin: [
      { name: "fullName", personName: true },
      { name: "companyName", organisation: true },
    ],
    exact: ["mobile", "email", "phone", "number"],
  }),
  companies: defineIndex({
    weights: { name: 10, phone: 6, number: 4, industry: 3, city: 2, province: 1 },
    filterable: ["id", "ownerId", "city", "province"],
    pinyin: [{ name: "name", organisation: true }],
    exact: ["phone", "number"],
  }),
  leads: defineIndex({
    weights: {
      contactName: 10,
      companyName: 9,
      contactEmail: 8,
      contactMobile: 8,
      contactPhone: 6,
      number: 5,
      requirement: 3,
      companyCity: 2,
    },
    filterable: ["id", "ownerId", "status", "categoryId", "companyCity"],
    pinyin: [
      { name: "contactName", personName: true },
      { name: "companyName", organisation: true },
    ],
    exact: ["contactEmail", "contactMobile", "contactPhone", "number"],
  }),
  opportunities: defineIndex({
    weights: { name: 10, companyName: 8, contactName: 7, number: 5 },
    // companyId/contactId let a company or contact rename find the opportunities showing its name.
    filterable: ["id", "ownerId", "stage", "companyId", "contactId"],
    pinyin: [
      { name: "companyName", organisation: true },
      { name: "contactName", personName: true },
    ],
    exact: ["number"],
  }),
  /** Knowledge base articles (解决方案). The knowledge module filters on visibility/status/category. */
  knowledge: defineIndex({
    weights: { summary: 10, keywords: 8, number: 6, category: 4, description: 3, solution: 2 },
    filterable: ["visibility", "status", "category"],
    // Customers type pinyin too (kaiji, jiaozhun); synonyms come from staff (search/synonyms.server.ts).
    pinyin: [{ name: "summary" }, { name: "keywords" }],
    exact: ["number"],
  }),
  ...FORUM_SEARCH_INDEXES,
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
