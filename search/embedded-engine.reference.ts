// The embedded engine's ranking as it was before decision 062 — every match scored into a `Ranked`
// object with its whole-field bonus, a sorted buffer for the top k, filters as Sets — run on the
// current engine's index (its postings, documents, alternatives and highlights are unchanged). The
// equivalence test and `bench/opportunity-search-cost.ts --compare` check the engine against it.
// Test and bench support only: nothing in the app imports it.

import type { EmbeddedSearchEngine } from "./embedded-engine.server.ts";
import type { Postings } from "./embedded-postings.ts";
import {
  compareIds,
  pageOf,
  type FilterScalar,
  type SearchDocument,
  type SearchFilters,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from "./engine.ts";
import { normalizeText, parseQuery, type QueryToken } from "./tokenize.ts";

const SYNONYM_FACTOR = 0.9;
const BOOST_FACTOR = 0.5;
const EXACT_FIELD_BONUS = 1;
const FIELD_PREFIX_BONUS = 0.5;

interface Doc {
  id: string;
  no: number;
  numericId: number;
  doc: SearchDocument;
  fieldTexts: Array<string | null | undefined>;
  initials: Array<[number, string]>;
}
type Alternative = { term: string; factor: number; mask?: number };
interface Ranked {
  doc: Doc;
  score: number;
}

/** The parts of the engine's index the old ranking read (private there, hence this view). */
interface Index {
  docs: Map<string, Doc>;
  byNo: Array<Doc | undefined>;
  postings: Postings;
  weights: number[];
  filterIndex: Map<string, Map<string, Set<number> | readonly number[]>>;
  alternatives(token: QueryToken): Alternative[];
  idf(df: number): number;
  bestWeight(mask: number): number;
  queryVariants(normalized: string): string[];
  highlights(stored: Doc, alternatives: readonly Alternative[][]): Record<string, string>;
}

function compareDocs(a: Doc, b: Doc): number {
  if (!Number.isNaN(a.numericId) && !Number.isNaN(b.numericId)) return a.numericId - b.numericId;
  return compareIds(a.id, b.id);
}

function byRank(a: Ranked, b: Ranked): number {
  return b.score - a.score || compareDocs(a.doc, b.doc);
}

function topK(entries: Ranked[], k: number): Ranked[] {
  if (entries.length <= k || k * 8 > entries.length) return entries.sort(byRank).slice(0, k);
  const buffer: Ranked[] = [];
  for (const e of entries) {
    if (buffer.length === k && byRank(e, buffer[k - 1] as Ranked) >= 0) continue;
    let lo = 0;
    let hi = buffer.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byRank(buffer[mid] as Ranked, e) <= 0) lo = mid + 1;
      else hi = mid;
    }
    buffer.splice(lo, 0, e);
    if (buffer.length > k) buffer.pop();
  }
  return buffer;
}

function filtered(ix: Index, filters: SearchFilters | undefined): Set<number> | undefined {
  if (!filters || Object.keys(filters).length === 0) return undefined;
  let result: Set<number> | undefined;
  for (const [attr, value] of Object.entries(filters)) {
    const values: readonly FilterScalar[] = Array.isArray(value) ? value : [value as FilterScalar];
    const byValue = ix.filterIndex.get(attr);
    const union = new Set<number>();
    for (const v of values) {
      const key = typeof v === "string" ? normalizeText(v) : String(v);
      for (const no of byValue?.get(key) ?? []) union.add(no);
    }
    result = result === undefined ? union : new Set([...result].filter((no) => union.has(no)));
    if (result.size === 0) break;
  }
  return result;
}

function rank(
  ix: Index,
  parsed: ReturnType<typeof parseQuery>,
  allowed: Set<number> | undefined,
): { ranked: Ranked[]; alternatives: Alternative[][] } {
  const size = ix.byNo.length;
  const total = new Float64Array(size);
  const leading = new Uint16Array(size);
  const touchedAny = new Uint8Array(size);
  const tokenBest = new Float64Array(size);
  const candidates: number[] = [];
  const alternativesPerToken = parsed.required.map((t) => ix.alternatives(t));
  const tokenDf: number[] = [];
  for (const alts of alternativesPerToken) {
    const touched: number[] = [];
    for (const alt of alts) {
      ix.postings.each(alt.term, (fullMask, no) => {
        if (allowed && !allowed.has(no)) return;
        const mask = alt.mask === undefined ? fullMask : fullMask & alt.mask;
        if (mask === 0) return;
        const s = ix.bestWeight(mask) * alt.factor;
        const prev = tokenBest[no] ?? 0;
        if (prev === 0) touched.push(no);
        if (s > prev) tokenBest[no] = s;
      });
    }
    const idf = ix.idf(touched.length);
    const position = tokenDf.length;
    for (const no of touched) {
      if (touchedAny[no] === 0) {
        touchedAny[no] = 1;
        candidates.push(no);
      }
      if (leading[no] === position) leading[no] = position + 1;
      total[no] = (total[no] ?? 0) + (tokenBest[no] ?? 0) * idf;
      tokenBest[no] = 0;
    }
    tokenDf.push(touched.length);
  }
  let needed = 0;
  for (const no of candidates) needed = Math.max(needed, leading[no] ?? 0);
  const hits = needed === 0 ? [] : candidates.filter((no) => (leading[no] ?? 0) >= needed);
  const fullIdf = tokenDf.reduce((acc, df) => acc + (df > 0 ? ix.idf(df) : 0), 0);
  const boosts = parsed.boosts
    .map((word) => ({ word, idf: ix.idf(ix.postings.size(word)) }))
    .filter((b) => ix.postings.has(b.word));
  const ranked: Ranked[] = hits.map((no) => {
    const doc = ix.byNo[no] as Doc;
    let score = total[no] ?? 0;
    for (const boost of boosts) {
      const mask = ix.postings.mask(boost.word, no);
      if (mask) score += ix.bestWeight(mask) * boost.idf * BOOST_FACTOR;
    }
    let bonus = 0;
    for (let i = 0; i < doc.fieldTexts.length; i++) {
      const text = doc.fieldTexts[i];
      if (!text) continue;
      const w = ix.weights[i] ?? 0;
      if (text === parsed.normalized) bonus = Math.max(bonus, w * fullIdf * EXACT_FIELD_BONUS);
      else if (text.startsWith(parsed.normalized)) bonus = Math.max(bonus, w * fullIdf * FIELD_PREFIX_BONUS);
    }
    for (const [bit, initials] of doc.initials) {
      if (initials === parsed.normalized) bonus = Math.max(bonus, (ix.weights[bit] ?? 0) * fullIdf * EXACT_FIELD_BONUS);
    }
    return { doc, score: score + bonus };
  });
  return { ranked, alternatives: alternativesPerToken };
}

function ranking(ix: Index, query: SearchQuery, keep: number) {
  const allowed = filtered(ix, query.filters);
  const parsed = parseQuery(query.q ?? "");
  if (parsed.required.length === 0) {
    const docs = allowed ? [...allowed].map((no) => ix.byNo[no] as Doc) : [...ix.docs.values()];
    return {
      top: topK(
        docs.map((doc) => ({ doc, score: 0 })),
        keep,
      ),
      total: docs.length,
      alternatives: [],
    };
  }
  const variants = ix.queryVariants(parsed.normalized);
  if (variants.length === 1) {
    const { ranked, alternatives } = rank(ix, parsed, allowed);
    return { top: topK(ranked, keep), total: ranked.length, alternatives };
  }
  const best = new Map<number, Ranked>();
  const alternatives: Alternative[][] = [];
  variants.forEach((variant, i) => {
    const r = rank(ix, i === 0 ? parsed : parseQuery(variant), allowed);
    alternatives.push(...r.alternatives);
    for (const hit of r.ranked) {
      const score = i === 0 ? hit.score : hit.score * SYNONYM_FACTOR;
      const previous = best.get(hit.doc.no);
      if (!previous || score > previous.score) best.set(hit.doc.no, { doc: hit.doc, score });
    }
  });
  const ranked = [...best.values()];
  return { top: topK(ranked, keep), total: ranked.length, alternatives };
}

/** What `engine.query(index, query)` answered before decision 062, from the same index. */
export function referenceQuery(engine: EmbeddedSearchEngine, index: string, query: SearchQuery): SearchResult {
  const ix = (engine as unknown as { indexes: Map<string, Index> }).indexes.get(index);
  if (!ix) throw new Error(`no index ${index}`);
  const { limit, offset } = pageOf(query);
  const { top, total, alternatives } = ranking(ix, query, offset + limit);
  const hits: SearchHit[] = top.slice(offset).map(({ doc, score }) => ({
    id: doc.id,
    score: Math.round(score * 1e6) / 1e6,
    doc: { ...doc.doc },
    highlights: query.highlight ? ix.highlights(doc, alternatives) : {},
  }));
  return { hits, total, tookMs: 0 };
}
