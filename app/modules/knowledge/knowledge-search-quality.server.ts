import { z } from "zod";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { conflict, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { logSearchQuery, topSearchQueries } from "#search/query-log.server.ts";
import {
  applySynonyms,
  joinSynonymTerms,
  parseSynonymTerms,
  splitSynonymTerms,
  SYNONYM_TERM_MAX,
  SYNONYM_TERMS_MAX,
} from "#search/synonyms.server.ts";
import { searchKnowledge } from "./knowledge-search.server.ts";
import type { KnowledgeReader } from "./knowledge-visibility.ts";

// The knowledge base's search quality (issue #14 item 5, decision 039): the synonym list staff keep
// (开不了机 ⇄ 无法开机), the query log behind "热门搜索" and the sign-in prompt for members-only
// solutions. The engines apply the synonyms (search/synonyms.server.ts).

const SCOPE = "knowledge";

export interface SynonymGroup {
  id: number;
  terms: string[];
  updatedAt: Date;
}

export async function listSynonymGroups(db: DbOrTx): Promise<SynonymGroup[]> {
  const rows = await db.searchSynonym.findMany({ where: { scope: SCOPE }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ id: r.id, terms: splitSynonymTerms(r.terms), updatedAt: r.updatedAt }));
}

export const SynonymGroupSchema = z.object({
  terms: z
    .string({ error: "searchQuality.synonyms.error.terms" })
    .trim()
    .min(1, { error: "searchQuality.synonyms.error.terms" })
    .max(400, { error: "searchQuality.synonyms.error.tooLong" }),
});

/** Adds a group; its terms must be 2–10, each at most 30 characters, and not all in one group already. */
export async function addSynonymGroup(
  db: DbOrTx,
  input: z.output<typeof SynonymGroupSchema>,
): Promise<ServiceResult<SynonymGroup, "terms">> {
  const terms = parseSynonymTerms(input.terms);
  if (terms.length < 2) return invalid({ terms: ["searchQuality.synonyms.error.terms"] }, [], { terms: input.terms });
  if (terms.length > SYNONYM_TERMS_MAX || terms.some((t) => [...t].length > SYNONYM_TERM_MAX)) {
    return invalid({ terms: ["searchQuality.synonyms.error.tooLong"] }, [], { terms: input.terms });
  }
  const existing = await listSynonymGroups(db);
  if (existing.some((g) => terms.every((t) => g.terms.includes(t)))) {
    return conflict("searchQuality.synonyms.error.duplicate");
  }
  const row = await db.searchSynonym.create({ data: { scope: SCOPE, terms: joinSynonymTerms(terms) } });
  await applySynonyms(db, SCOPE);
  return ok({ id: row.id, terms, updatedAt: row.updatedAt });
}

export async function deleteSynonymGroup(db: DbOrTx, id: number): Promise<ServiceResult<null>> {
  const { count } = await db.searchSynonym.deleteMany({ where: { id, scope: SCOPE } });
  if (count === 0) return notFound();
  await applySynonyms(db, SCOPE);
  return ok(null);
}

/** Counts a portal search (first page only; see search/query-log.server.ts for what is kept). */
export async function logKnowledgeSearch(db: DbOrTx, q: string, total: number): Promise<void> {
  await logSearchQuery(db, SCOPE, q, total);
}

/**
 * "热门搜索": the most searched queries that found something, each checked again for this reader
 * (a query that finds members-only solutions finds nothing for a visitor), so no chip leads to
 * an empty page.
 */
export async function hotKnowledgeSearches(db: DbOrTx, reader: KnowledgeReader, count = 4): Promise<string[]> {
  const hot: string[] = [];
  for (const q of await topSearchQueries(db, SCOPE, { take: count * 3 })) {
    if ((await searchKnowledge(db, reader, { q, pageSize: 1 })).total > 0) hot.push(q);
    if (hot.length >= count) break;
  }
  return hot;
}

/**
 * Should this reader be asked to sign in for the article? Only a visitor, and only for a published
 * solution that members or customers may read: drafts, internal solutions and missing ids stay a
 * plain 404, so they cannot be probed.
 */
export async function articleNeedsSignIn(db: DbOrTx, reader: KnowledgeReader, id: number): Promise<boolean> {
  if (reader.kind !== "visitor") return false;
  const row = await db.knowledgeArticle.findFirst({
    where: { id, status: "published", visibility: { in: ["members", "customers"] } },
    select: { id: true },
  });
  return row !== null;
}
