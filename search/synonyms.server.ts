// Staff-maintained synonym groups (开不了机 ⇄ 无法开机), stored per search scope and handed to the
// engine as index settings, so both engines apply them: Meilisearch natively (multi-word synonyms),
// the embedded engine by rewriting the query (embedded-engine.server.ts). A group means every term
// stands for every other. Decision 039.

import type { DbOrTx } from "#app/lib/db.server.ts";
import { getSearchEngine } from "./engine-selection.server.ts";
import type { SearchEngine } from "./engine.ts";
import { SEARCH_INDEXES, type SearchIndexName } from "./indexes.ts";
import { normalizeText } from "./tokenize.ts";

/** Search scopes with synonyms, and the indexes each one feeds. */
export const SYNONYM_SCOPES = { knowledge: ["knowledge"] } as const satisfies Record<
  string,
  readonly SearchIndexName[]
>;
export type SynonymScope = keyof typeof SYNONYM_SCOPES;

export const SYNONYM_TERM_MAX = 30;
export const SYNONYM_TERMS_MAX = 10;
const SEPARATOR = "|";

/** One term as stored and compared: NFKC, lower-case, inner whitespace collapsed. */
export function normaliseSynonymTerm(term: string): string {
  return normalizeText(term).replace(/\s+/g, " ").trim();
}

/** A group's terms from what staff typed (commas, 、, ；, new lines or ⇄ between terms), deduplicated. */
export function parseSynonymTerms(input: string): string[] {
  const terms = input
    .split(/[,，、;；\n\r|⇄↔]+|\s+=\s+/u)
    .map(normaliseSynonymTerm)
    .filter((t) => t.length > 0);
  return [...new Set(terms)];
}

export const joinSynonymTerms = (terms: readonly string[]) => terms.join(SEPARATOR);
export const splitSynonymTerms = (stored: string) => stored.split(SEPARATOR).filter((t) => t.length > 0);

/** The engine's synonym map for a scope: every term → all the others in its groups. */
export async function synonymMap(db: DbOrTx, scope: SynonymScope): Promise<Record<string, string[]>> {
  const rows = await db.searchSynonym.findMany({ where: { scope }, select: { terms: true }, orderBy: { id: "asc" } });
  const map = new Map<string, Set<string>>();
  for (const row of rows) {
    const terms = splitSynonymTerms(row.terms);
    for (const term of terms) {
      const others = map.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) others.add(other);
      map.set(term, others);
    }
  }
  return Object.fromEntries([...map].map(([term, others]) => [term, [...others].sort()]));
}

/**
 * Applies a scope's synonyms to its indexes (after a change, and when the engine warms up). Only
 * the synonyms differ from the static settings, so engines update them without re-indexing.
 */
export async function applySynonyms(
  db: DbOrTx,
  scope: SynonymScope,
  engine: SearchEngine = getSearchEngine(),
): Promise<void> {
  const synonyms = await synonymMap(db, scope);
  for (const index of SYNONYM_SCOPES[scope]) {
    await engine.ensureIndex(index, { ...SEARCH_INDEXES[index], synonyms });
  }
}

/** Every scope's synonyms (the warm-up). */
export async function applyAllSynonyms(db: DbOrTx, engine: SearchEngine): Promise<void> {
  for (const scope of Object.keys(SYNONYM_SCOPES) as SynonymScope[]) await applySynonyms(db, scope, engine);
}
