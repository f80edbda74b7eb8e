// What people search for, counted — the source of "热门搜索". Privacy first: one row per scope and
// normalised query holding a count, the last result count and when; no member id, session or
// address is ever written, and queries that look like personal data (phone numbers, e-mail
// addresses, long digit runs) are not logged at all. Decision 039.

import type { DbOrTx } from "#app/lib/db.server.ts";
import { normalizeText } from "./tokenize.ts";

export const QUERY_LOG_MAX = 60;

/** The logged form of a query, or null when it is not worth or not fit to keep. */
export function loggableQuery(q: string): string | null {
  const text = normalizeText(q).replace(/\s+/g, " ").trim();
  if ([...text].length < 2 || text.length > QUERY_LOG_MAX) return null;
  // Personal data: an e-mail address, a phone or id number, anything with a long run of digits.
  if (text.includes("@") || (text.match(/\d/g) ?? []).length >= 6) return null;
  return text;
}

/** Counts one search (page one of a new query only: paging is not searching again). */
export async function logSearchQuery(db: DbOrTx, scope: string, q: string, hits: number): Promise<void> {
  const query = loggableQuery(q);
  if (!query) return;
  await db.searchQueryStat.upsert({
    where: { scope_query: { scope, query } },
    create: { scope, query, count: 1, lastHits: hits },
    update: { count: { increment: 1 }, lastHits: hits, lastSearchedAt: new Date() },
  });
}

/**
 * The most searched queries of a scope that found something the last time, most frequent first.
 * Callers re-check each for their reader (what a member finds a visitor may not) before showing it.
 */
export async function topSearchQueries(
  db: DbOrTx,
  scope: string,
  options: { take?: number; minCount?: number } = {},
): Promise<string[]> {
  const rows = await db.searchQueryStat.findMany({
    where: { scope, lastHits: { gt: 0 }, count: { gte: options.minCount ?? 2 } },
    orderBy: [{ count: "desc" }, { lastSearchedAt: "desc" }],
    take: options.take ?? 12,
    select: { query: true },
  });
  return rows.map((r) => r.query);
}
