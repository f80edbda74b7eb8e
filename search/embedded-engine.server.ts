// The in-process default engine: one inverted index per index name, held in memory.
//
// Scoring: for every query token, the best (field weight × match factor) over the fields and
// alternatives (exact, synonym, prefix completion, typo) it matched, times the token's idf;
// the sum over tokens, plus a bonus when a whole field equals (or starts with) the query, so 刘强
// ranks above 刘强伟. Documents must match every token; if none do, tokens are dropped from the
// end of the query until some match (Meilisearch's matching strategy "last"). Ties break on id.
// Pinyin (settings.pinyinAttributes): the pinyin terms of a Chinese field are indexed under a
// virtual field of their own (weight × PINYIN_FACTOR), so they rank just below the characters and
// highlights can map a pinyin match back onto the characters it spells. Typo tolerance
// (settings.typoTolerance) follows Meilisearch: Damerau–Levenshtein, 1 typo from 5 letters, 2 from
// 9, the first letter must match (Meilisearch counts a first-letter typo as two), never on words
// with digits, and not in attributes listed in disableOnAttributes.
// Lives in one process: fine for development and a single app instance; more instances need
// Meilisearch (see search/README.md).

import {
  SearchEngineError,
  assertFilters,
  assertIndexName,
  assertSettings,
  compareIds,
  documentIdOf,
  pageOf,
  type FilterScalar,
  type IndexSettings,
  type IndexStats,
  type SearchDocument,
  type SearchDocumentId,
  type SearchEngine,
  type SearchFilters,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  allowedTypos,
} from "./engine.ts";
import { highlightText, type Needle } from "./highlight.ts";
import {
  homophonePairs,
  pinyinMatchRanges,
  pinyinTerms,
  syllablesOf,
  wholeNameForms,
  type PinyinOptions,
} from "./pinyin.ts";
import { Postings, lowerBound, type FrozenPostings } from "./embedded-postings.ts";
import { hasCjk, indexTerms, normalizeText, parseQuery, type QueryToken } from "./tokenize.ts";

/** Score multipliers: an exact term beats a synonym, which beats a prefix completion. */
const SYNONYM_FACTOR = 0.9;
const PREFIX_FACTOR = 0.8;
const BOOST_FACTOR = 0.5;
/** A pinyin match weighs a little less than the same match in the characters themselves. */
const PINYIN_FACTOR = 0.9;
/** A CJK pair typed with a homophone (远杭 for 远航) meets the name's pinyin, below a real match. */
const HOMOPHONE_FACTOR = 0.7;
/** Per typo: one typo keeps 60 % of the score, two keep 36 %. */
const TYPO_FACTOR = 0.6;
const EXACT_FIELD_BONUS = 1;
const FIELD_PREFIX_BONUS = 0.5;
/** A query rewritten by synonyms is ranked at most this many ways. */
const MAX_QUERY_VARIANTS = 8;
/** A one-letter prefix can expand to thousands of terms; the first ones (sorted) are enough. */
const MAX_PREFIX_EXPANSIONS = 500;
/** Up to this many new terms per write are spliced into the sorted list; more are merged. */
const SPLICE_TERMS = 32;

interface StoredDoc {
  id: string;
  /** Dense internal number: postings and per-query score arrays are keyed by it, not by id. */
  no: number;
  /** Sort key for integer ids (NaN otherwise), so ranking ties break without parsing strings. */
  numericId: number;
  doc: SearchDocument;
  /** Its terms; null for a document loaded from a snapshot (the frozen forward index has them). */
  terms: string[] | null;
  /** Normalised text per searchable field (index = field position), for exact-field bonuses. */
  fieldTexts: Array<string | null | undefined>;
  /** Pinyin initials of a whole pinyin field ([virtual field position, "lq"]), for the same bonus. */
  initials: Array<[number, string]>;
}

/**
 * A document as a snapshot stores it: id, document, normalised field texts (0 where it equals the
 * field's own text, most of them: a third less to parse), pinyin initials.
 */
export type SnapshotDoc = [
  id: string,
  doc: SearchDocument,
  fieldTexts: Array<string | null | undefined | 0>,
  initials: Array<[number, string]>,
];

/** One index as a snapshot stores it (search/snapshot.server.ts): documents in number order. */
export interface IndexImage {
  name: string;
  settings: IndexSettings;
  docs: SnapshotDoc[];
  postings: FrozenPostings;
  /** Per filterable attribute: [normalised value, document numbers]. */
  filters: Array<[attribute: string, values: Array<[key: string, nos: number[]]>]>;
}

/**
 * Version of what an index snapshot holds; bump it whenever indexing (tokenize, pinyin, put) changes.
 * 2: postings and the forward index as typed arrays (decision 059).
 */
export const EMBEDDED_INDEX_FORMAT = 2;

/** Lets a long synchronous pass give the event loop a turn (requests keep being answered). */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Alternative {
  term: string;
  factor: number;
  needle: Needle;
  /** Fields this alternative may match in (typos skip disableOnAttributes); undefined = all. */
  mask?: number;
  /** For highlighting a pinyin match: the Latin word and whether it may end mid-syllable. */
  pinyin: { word: string; prefix: boolean };
}

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), or
 * max + 1 as soon as it must exceed `max`.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prevPrev[j - 2] ?? 0) + 1);
      }
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

interface Ranked {
  doc: StoredDoc;
  score: number;
}

function filterKey(value: unknown): string {
  // Meilisearch compares strings case-insensitively and numbers by value; so do we.
  return typeof value === "string" ? normalizeText(value) : String(value);
}

/** Text of a field as indexed: strings and numbers; arrays of them joined by spaces. */
function fieldText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(fieldText).filter((v): v is string => v !== undefined);
    return parts.length > 0 ? parts.join(" ") : undefined;
  }
  return undefined;
}

function numericIdOf(id: string): number {
  const n = Number(id);
  return Number.isSafeInteger(n) && String(n) === id ? n : Number.NaN;
}

/**
 * The first `k` of `nos` in rank order (score descending, then id: `before`), as numbers. A bounded
 * heap whose root is the worst kept: one comparison per number that cannot enter, so selecting
 * 1,000 of 200,000 matches costs about one pass, not a sort.
 */
function selectTop(
  nos: ArrayLike<number>,
  count: number,
  k: number,
  before: (a: number, b: number) => boolean,
): number[] {
  if (k <= 0 || count === 0) return [];
  const heap = new Int32Array(Math.min(k, count));
  let size = 0;
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) return;
      const right = left + 1;
      // The child that ranks later (worse) rises: the root stays the worst kept.
      const child = right < size && before(heap[left] ?? 0, heap[right] ?? 0) ? right : left;
      if (!before(heap[at] ?? 0, heap[child] ?? 0)) return;
      const swap = heap[at] ?? 0;
      heap[at] = heap[child] ?? 0;
      heap[child] = swap;
      at = child;
    }
  };
  for (let i = 0; i < count; i++) {
    const no = nos[i] ?? 0;
    if (size < heap.length) {
      let at = size++;
      heap[at] = no;
      while (at > 0) {
        const parent = (at - 1) >>> 1;
        if (!before(heap[parent] ?? 0, heap[at] ?? 0)) break;
        const swap = heap[at] ?? 0;
        heap[at] = heap[parent] ?? 0;
        heap[parent] = swap;
        at = parent;
      }
    } else if (before(no, heap[0] ?? 0)) {
      heap[0] = no;
      siftDown(0);
    }
  }
  return Array.from(heap.subarray(0, size)).sort((a, b) => (before(a, b) ? -1 : 1));
}

/** What one parsed query matched (see EmbeddedIndex.rank). */
interface Matches {
  /** Internal numbers of the documents matching the query, unsorted (a scratch array's view). */
  hits: Int32Array;
  /** By internal number: the score before the whole-field bonus (token scores and boosts). */
  base: Float64Array;
  normalized: string;
  /** The query's idf summed over its tokens (the whole-field bonus's scale). */
  fullIdf: number;
  alternatives: Alternative[][];
}

/**
 * Per searchable (and virtual pinyin) field, the first UTF-16 unit and the length of each document's
 * normalised text: enough to bound the whole-field bonus of a document without reading its strings.
 */
class FieldHeads {
  private first: Uint16Array[];
  private length: Int32Array[];

  constructor(private readonly fields: number) {
    this.first = Array.from({ length: fields }, () => new Uint16Array(0));
    this.length = Array.from({ length: fields }, () => new Int32Array(0));
  }

  set(no: number, texts: ReadonlyArray<string | null | undefined>): void {
    if (no >= (this.first[0]?.length ?? 0)) this.grow(Math.max(1024, (no + 1) * 2));
    for (let i = 0; i < this.fields; i++) {
      const text = texts[i];
      (this.first[i] as Uint16Array)[no] = text ? text.charCodeAt(0) : 0;
      (this.length[i] as Int32Array)[no] = text ? text.length : 0;
    }
  }

  private grow(capacity: number): void {
    this.first = this.first.map((old) => {
      const next = new Uint16Array(capacity);
      next.set(old);
      return next;
    });
    this.length = this.length.map((old) => {
      const next = new Int32Array(capacity);
      next.set(old);
      return next;
    });
  }

  /** The first unit and length of field `i`'s text in document `no` (0, 0 when it has none). */
  /** Field `i`'s first units and lengths by document number (0, 0 where it has no text). */
  of(i: number): { first: Uint16Array; length: Int32Array } {
    return { first: this.first[i] ?? new Uint16Array(0), length: this.length[i] ?? new Int32Array(0) };
  }

  clear(): void {
    this.first = this.first.map(() => new Uint16Array(0));
    this.length = this.length.map(() => new Int32Array(0));
  }
}

type Typed = Float64Array | Int32Array | Uint16Array | Uint8Array;

/**
 * Per-query working arrays, one per named slot, kept between queries and zeroed on loan: a query
 * over 200k documents would otherwise allocate ~7 MB of typed arrays, whose external memory makes
 * V8 collect the whole (>1 GB) heap every few queries. Queries run synchronously, so a slot is
 * never lent twice at once; every slot has its own name.
 */
class Scratch {
  private readonly slots = new Map<string, Typed>();

  private lend<T extends Typed>(name: string, size: number, make: (n: number) => T): T {
    let array = this.slots.get(name) as T | undefined;
    if (!array || array.length < size) {
      array = make(Math.max(1024, size + (size >>> 3)));
      this.slots.set(name, array);
    } else array.fill(0, 0, size);
    return array;
  }

  f64(name: string, size: number): Float64Array {
    return this.lend(name, size, (n) => new Float64Array(n));
  }

  u16(name: string, size: number): Uint16Array {
    return this.lend(name, size, (n) => new Uint16Array(n));
  }

  u8(name: string, size: number): Uint8Array {
    return this.lend(name, size, (n) => new Uint8Array(n));
  }

  /** Not zeroed: a list that the caller fills from its start. */
  i32(name: string, size: number): Int32Array {
    const array = this.slots.get(name);
    if (array instanceof Int32Array && array.length >= size) return array;
    return this.lend(name, size, (n) => new Int32Array(n));
  }

  clear(): void {
    this.slots.clear();
  }
}

/** Settings equal but for their synonyms: a synonym change needs no re-index. */
function sameExceptSynonyms(a: IndexSettings, b: IndexSettings): boolean {
  return JSON.stringify({ ...a, synonyms: undefined }) === JSON.stringify({ ...b, synonyms: undefined });
}

class EmbeddedIndex {
  readonly name: string;
  settings: IndexSettings;
  private readonly weights: number[];
  /** Searchable field position → its virtual pinyin field position and options. */
  private readonly pinyinFields = new Map<number, { bit: number; options: PinyinOptions }>();
  /** Fields where typo alternatives may match. */
  private readonly typoMask: number;
  /** The virtual pinyin fields, where homophone alternatives match. */
  private pinyinMask = 0;
  private readonly weightByMask = new Map<number, number>();
  private weightTable: Float64Array | undefined;
  private readonly filterable: Set<string>;
  private readonly synonyms = new Map<string, string[]>();
  /** Synonyms that are phrases (CJK of 2+ characters, or several words): applied as query rewrites. */
  private readonly phraseSynonyms = new Map<string, string[]>();
  readonly docs = new Map<string, StoredDoc>();
  /** Internal number → document; freed numbers are reused so arrays stay dense. */
  private byNo: Array<StoredDoc | undefined> = [];
  private freeNos: number[] = [];
  /** numericId by internal number, so ranking ties break on typed arrays. */
  private numericIds = new Float64Array(0);
  private readonly scratch = new Scratch();
  /** Bounds the whole-field bonus per document (see topOf). */
  private readonly heads: FieldHeads;
  /** How many documents have each whole-name pinyin initials form (the initials bonus's bound). */
  private readonly initialsCount = new Map<string, number>();
  /** term → internal document number → bitmask of the searchable fields containing the term. */
  private readonly postings = new Postings();
  /** Every term, sorted, for prefix search. May hold dead terms (skipped, compacted lazily). */
  private sortedTerms: string[] = [];
  /** attribute → normalised value → internal numbers. */
  /** attribute → normalised value → internal numbers (an array as loaded from a snapshot, a Set once written). */
  private readonly filterIndex = new Map<string, Map<string, Set<number> | readonly number[]>>();

  constructor(name: string, settings: IndexSettings) {
    this.name = name;
    this.settings = settings;
    this.weights = settings.searchableAttributes.map((a) => a.weight);
    const position = new Map(settings.searchableAttributes.map((a, i) => [a.name, i]));
    for (const attr of settings.pinyinAttributes ?? []) {
      const i = position.get(attr.name);
      if (i === undefined || this.pinyinFields.has(i)) continue;
      const bit = this.weights.length;
      this.pinyinMask |= 1 << bit;
      this.weights.push((this.weights[i] ?? 1) * PINYIN_FACTOR);
      this.pinyinFields.set(i, {
        bit,
        options: { personName: attr.personName ?? false, organisation: attr.organisation ?? false },
      });
    }
    let typoMask = 0;
    const noTypos = new Set(settings.typoTolerance?.disableOnAttributes ?? []);
    for (let i = 0; i < this.weights.length; i++) typoMask |= 1 << i;
    for (const [name, i] of position) {
      if (noTypos.has(name)) typoMask &= ~(1 << i);
    }
    this.typoMask = typoMask;
    this.heads = new FieldHeads(this.weights.length);
    this.filterable = new Set(settings.filterableAttributes);
    this.setSynonyms(settings.synonyms);
    for (const attr of settings.filterableAttributes) this.filterIndex.set(attr, new Map());
  }

  /** Replaces the synonyms (no re-indexing: they only change how queries are read). */
  setSynonyms(synonyms: Record<string, string[]> | undefined): void {
    this.synonyms.clear();
    this.phraseSynonyms.clear();
    for (const [word, alts] of Object.entries(synonyms ?? {})) {
      const key = normalizeText(word).replace(/\s+/g, " ").trim();
      const list = alts.map((a) => normalizeText(a).replace(/\s+/g, " ").trim()).filter((a) => a && a !== key);
      const merged = [...new Set([...(this.synonyms.get(key) ?? []), ...list])];
      this.synonyms.set(key, merged);
      if (key.includes(" ") || (hasCjk(key) && [...key].length >= 2)) this.phraseSynonyms.set(key, merged);
    }
  }

  /** Adds or replaces a document; returns the terms it introduced (for the sorted term list). */
  put(doc: SearchDocument): string[] {
    const id = documentIdOf(this.name, doc, this.settings.primaryKey);
    const previous = this.docs.get(id);
    this.remove(id);
    const no = previous?.no ?? this.freeNos.pop() ?? this.byNo.length;
    if (previous) this.freeNos.pop(); // remove() freed this number; we take it back.
    const stored: StoredDoc = {
      id,
      no,
      numericId: numericIdOf(id),
      doc: { ...doc },
      terms: [],
      fieldTexts: [],
      initials: [],
    };
    const masks = new Map<string, number>();
    this.settings.searchableAttributes.forEach((attr, i) => {
      const text = fieldText(doc[attr.name]);
      stored.fieldTexts[i] = text === undefined ? undefined : normalizeText(text).replace(/\s+/g, " ").trim();
      if (text === undefined) return;
      for (const term of indexTerms(text)) masks.set(term, (masks.get(term) ?? 0) | (1 << i));
      const pinyinField = this.pinyinFields.get(i);
      if (pinyinField) {
        const bit = 1 << pinyinField.bit;
        for (const term of pinyinTerms(text, pinyinField.options)) masks.set(term, (masks.get(term) ?? 0) | bit);
        // The whole field's pinyin, for the exact/prefix field bonus (liuqiang: 刘强 above 刘强伟).
        const syllables = syllablesOf(text, pinyinField.options);
        stored.fieldTexts[pinyinField.bit] = syllables.join("") || undefined;
        for (const form of wholeNameForms(text, pinyinField.options)) stored.initials.push([pinyinField.bit, form]);
      }
    });
    const newTerms: string[] = [];
    const terms: string[] = [];
    for (const [term, mask] of masks) {
      if (this.postings.add(term, no, mask)) newTerms.push(term);
      terms.push(term);
    }
    stored.terms = terms;
    for (const [attr, key] of this.filterKeysOf(stored.doc)) {
      this.filterNos(attr, key)?.add(no);
    }
    this.docs.set(id, stored);
    this.byNo[no] = stored;
    this.noted(stored);
    return newTerms;
  }

  /** Records what ranking reads from typed arrays: the numeric id, field heads, initials forms. */
  private noted(stored: StoredDoc): void {
    const no = stored.no;
    if (no >= this.numericIds.length) {
      const next = new Float64Array(Math.max(1024, (no + 1) * 2));
      next.set(this.numericIds);
      this.numericIds = next;
    }
    this.numericIds[no] = stored.numericId;
    this.heads.set(no, stored.fieldTexts);
    for (const [, form] of stored.initials) this.initialsCount.set(form, (this.initialsCount.get(form) ?? 0) + 1);
  }

  /** [attribute, normalised value] of each filterable value of a document (put and remove agree). */
  /** The writable set of numbers of one filter value (a snapshot's array becomes a Set on first write). */
  private filterNos(attr: string, key: string): Set<number> | undefined {
    const byValue = this.filterIndex.get(attr);
    if (!byValue) return undefined;
    const nos = byValue.get(key);
    if (nos instanceof Set) return nos;
    const set = new Set(nos);
    byValue.set(key, set);
    return set;
  }

  private filterKeysOf(doc: SearchDocument): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const attr of this.filterable) {
      const value = doc[attr];
      const values: unknown[] = Array.isArray(value) ? value : [value];
      for (const v of values) {
        if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out.push([attr, filterKey(v)]);
      }
    }
    return out;
  }

  remove(id: string): void {
    const stored = this.docs.get(id);
    if (!stored) return;
    // The sorted list keeps a term that lost its last document until the next compaction; prefix
    // search skips dead terms.
    for (const term of stored.terms ?? this.postings.frozenTermsOf(stored.no)) this.postings.delete(term, stored.no);
    for (const [attr, key] of this.filterKeysOf(stored.doc)) {
      const nos = this.filterNos(attr, key);
      nos?.delete(stored.no);
      if (nos && nos.size === 0) this.filterIndex.get(attr)?.delete(key);
    }
    for (const [, form] of stored.initials) {
      const left = (this.initialsCount.get(form) ?? 0) - 1;
      if (left > 0) this.initialsCount.set(form, left);
      else this.initialsCount.delete(form);
    }
    this.docs.delete(id);
    this.byNo[stored.no] = undefined;
    this.freeNos.push(stored.no);
  }

  /**
   * The index as a snapshot stores it, documents renumbered densely. Long synchronous passes give
   * the event loop a turn now and then; the caller keeps the index still until this resolves.
   */
  async image(): Promise<IndexImage> {
    const live = this.byNo.filter((d): d is StoredDoc => d !== undefined);
    const terms = this.postings.terms().sort();
    const termId = new Map<string, number>();
    terms.forEach((term, i) => termId.set(term, i));
    await yieldToLoop();
    const newNo = new Int32Array(this.byNo.length).fill(-1);
    const docStart = new Int32Array(live.length + 1);
    let docTerms = new Int32Array(Math.max(1024, live.length * 32));
    let docMasks = new Int32Array(docTerms.length);
    const counts = new Int32Array(terms.length);
    let total = 0;
    const visit = (term: string, mask: number) => {
      const id = termId.get(term);
      if (id === undefined) return;
      if (total === docTerms.length) {
        const grownTerms = new Int32Array(total * 2);
        grownTerms.set(docTerms);
        docTerms = grownTerms;
        const grownMasks = new Int32Array(total * 2);
        grownMasks.set(docMasks);
        docMasks = grownMasks;
      }
      docTerms[total] = id;
      docMasks[total] = mask;
      total++;
      counts[id] = (counts[id] ?? 0) + 1;
    };
    for (let no = 0; no < live.length; no++) {
      const stored = live[no] as StoredDoc;
      newNo[stored.no] = no;
      if (stored.terms === null) this.postings.eachFrozenTermOf(stored.no, visit);
      else {
        for (const term of stored.terms) {
          const mask = this.postings.mask(term, stored.no);
          if (mask !== undefined) visit(term, mask);
        }
      }
      docStart[no + 1] = total;
      if (no % 4096 === 4095) await yieldToLoop();
    }
    docTerms = docTerms.slice(0, total);
    // Postings by term, filled in document order so each term's numbers come out sorted.
    const start = new Int32Array(terms.length + 1);
    for (let i = 0; i < terms.length; i++) start[i + 1] = (start[i] ?? 0) + (counts[i] ?? 0);
    const fill = start.slice(0, terms.length);
    const nos = new Int32Array(total);
    const masks = new Int32Array(total);
    for (let no = 0; no < live.length; no++) {
      const end = docStart[no + 1] ?? 0;
      for (let k = docStart[no] ?? 0; k < end; k++) {
        const id = docTerms[k] ?? 0;
        const at = fill[id] ?? 0;
        nos[at] = no;
        masks[at] = docMasks[k] ?? 0;
        fill[id] = at + 1;
      }
    }
    const filters: IndexImage["filters"] = [];
    for (const [attr, byValue] of this.filterIndex) {
      const values: Array<[string, number[]]> = [];
      for (const [key, set] of byValue) {
        const mapped = [...set].map((no) => newNo[no] ?? -1).filter((no) => no >= 0);
        if (mapped.length > 0) values.push([key, mapped.sort((a, b) => a - b)]);
      }
      filters.push([attr, values]);
    }
    return {
      name: this.name,
      settings: this.settings,
      docs: live.map((d): SnapshotDoc => [d.id, d.doc, this.packFieldTexts(d), d.initials]),
      postings: { terms, start, nos, masks, docStart, docTerms },
      filters,
    };
  }

  private packFieldTexts(stored: StoredDoc): SnapshotDoc[2] {
    const attrs = this.settings.searchableAttributes;
    return stored.fieldTexts.map((text, i) => {
      const attr = attrs[i];
      return attr && text != null && text === fieldText(stored.doc[attr.name]) ? 0 : text;
    });
  }

  private unpackFieldTexts(doc: SearchDocument, packed: SnapshotDoc[2]): StoredDoc["fieldTexts"] {
    const attrs = this.settings.searchableAttributes;
    return packed.map((text, i) => (text === 0 ? fieldText(doc[attrs[i]?.name ?? ""]) : text));
  }

  /** Replaces the contents with a snapshot's image: the typed arrays are used as they are. */
  restore(image: IndexImage): void {
    const { docs, postings: p } = image;
    const n = docs.length;
    const last = p.start[p.terms.length];
    if (
      p.start.length !== p.terms.length + 1 ||
      last !== p.nos.length ||
      last !== p.masks.length ||
      p.docStart.length !== n + 1 ||
      p.docStart[n] !== p.docTerms.length
    ) {
      throw new Error(`inconsistent snapshot of ${this.name}`);
    }
    const nos = p.nos;
    for (let k = 0; k < nos.length; k++) {
      const no = nos[k] ?? -1;
      if (no < 0 || no >= n) throw new Error(`inconsistent snapshot of ${this.name}`);
    }
    this.clear();
    this.byNo = new Array<StoredDoc | undefined>(n);
    for (let no = 0; no < n; no++) {
      const [id, doc, fieldTexts, initials] = docs[no] as SnapshotDoc;
      const stored: StoredDoc = {
        id,
        no,
        numericId: numericIdOf(id),
        doc,
        terms: null,
        fieldTexts: this.unpackFieldTexts(doc, fieldTexts),
        initials,
      };
      this.docs.set(id, stored);
      this.byNo[no] = stored;
      this.noted(stored);
    }
    if (this.docs.size !== n) throw new Error(`duplicate document in the snapshot of ${this.name}`);
    for (const [attr, values] of image.filters) {
      const byValue = this.filterIndex.get(attr);
      if (byValue) for (const [key, nos] of values) byValue.set(key, nos);
    }
    this.postings.load(p);
    // Shared with the frozen layer: addSortedTerms copies it before its first change.
    this.sortedTerms = p.terms;
  }

  clear(): void {
    this.docs.clear();
    this.byNo = [];
    this.freeNos = [];
    this.postings.clear();
    this.sortedTerms = [];
    this.numericIds = new Float64Array(0);
    this.scratch.clear();
    this.heads.clear();
    this.initialsCount.clear();
    for (const byValue of this.filterIndex.values()) byValue.clear();
  }

  addSortedTerms(terms: string[]): void {
    if (terms.length === 0) return;
    if (terms.length <= SPLICE_TERMS) {
      // Copy-on-write: the list loaded from a snapshot is the frozen postings' own term list.
      if (this.sortedTerms === this.postings.frozenTerms) this.sortedTerms = this.sortedTerms.slice();
      for (const term of terms) {
        const at = lowerBound(this.sortedTerms, term);
        if (this.sortedTerms[at] !== term) this.sortedTerms.splice(at, 0, term);
      }
      return;
    }
    // Many new terms (bulk load): one linear merge instead of many O(n) splices.
    const incoming = [...new Set(terms)].sort();
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    const old = this.sortedTerms;
    while (i < old.length || j < incoming.length) {
      const a = old[i];
      const b = incoming[j];
      if (b === undefined || (a !== undefined && a < b)) {
        merged.push(a as string);
        i++;
      } else {
        if (a === b) i++;
        merged.push(b);
        j++;
      }
    }
    this.sortedTerms = merged;
  }

  private terms(): string[] {
    // Dead terms pile up after many deletes; compact once they outnumber the live ones.
    if (this.sortedTerms.length > this.postings.termCount * 2 + 1024) {
      this.sortedTerms = this.postings.terms().sort();
    }
    return this.sortedTerms;
  }

  private expandPrefix(prefix: string): string[] {
    const terms = this.terms();
    const out: string[] = [];
    for (let i = lowerBound(terms, prefix); i < terms.length && out.length < MAX_PREFIX_EXPANSIONS; i++) {
      const term = terms[i] ?? "";
      if (!term.startsWith(prefix)) break;
      if (term !== prefix && this.postings.has(term)) out.push(term);
    }
    return out;
  }

  /** Index terms within the allowed typos of `word` (same first letter), with their distance. */
  private typoCandidates(word: string, max: number): Array<[string, number]> {
    const terms = this.terms();
    const first = word[0] ?? "";
    const out: Array<[string, number]> = [];
    for (let i = lowerBound(terms, first); i < terms.length; i++) {
      const term = terms[i] ?? "";
      if (!term.startsWith(first)) break;
      if (term === word || Math.abs(term.length - word.length) > max) continue;
      const d = typoDistance(word, term, max);
      if (d <= max && this.postings.has(term)) out.push([term, d]);
    }
    return out;
  }

  private idf(df: number): number {
    const n = this.docs.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** bestWeight of every mask, by mask (fields are few: 2^fields entries), read once per posting. */
  private maskWeights(): Float64Array | undefined {
    if (this.weights.length > 16) return undefined;
    if (!this.weightTable) {
      const table = new Float64Array(1 << this.weights.length);
      for (let mask = 1; mask < table.length; mask++) table[mask] = this.bestWeight(mask);
      this.weightTable = table;
    }
    return this.weightTable;
  }

  private bestWeight(mask: number): number {
    const cached = this.weightByMask.get(mask);
    if (cached !== undefined) return cached;
    let best = 0;
    for (let i = 0; i < this.weights.length; i++) {
      if (mask & (1 << i)) best = Math.max(best, this.weights[i] ?? 0);
    }
    this.weightByMask.set(mask, best);
    return best;
  }

  private alternatives(token: QueryToken): Alternative[] {
    const latin = !hasCjk(token.term);
    const exact = { word: token.term, prefix: false };
    const out: Alternative[] = [
      { term: token.term, factor: 1, needle: { text: token.term, mode: latin ? "word" : "anywhere" }, pinyin: exact },
    ];
    const seen = new Set([token.term]);
    for (const syn of this.synonyms.get(token.term) ?? []) {
      seen.add(syn);
      out.push({
        term: syn,
        factor: SYNONYM_FACTOR,
        needle: { text: syn, mode: hasCjk(syn) ? "anywhere" : "word" },
        pinyin: { word: syn, prefix: false },
      });
    }
    // A CJK bigram needs no completions: every longer CJK term containing it at the start (a
    // segmenter word such as 科技有限公司) belongs to documents that already hold the bigram, so
    // expanding it only re-walked huge postings. Lone characters and Latin words do expand.
    if (token.prefix && token.kind !== "bigram") {
      const needle: Needle = { text: token.term, mode: latin ? "prefix" : "anywhere" };
      const pinyin = { word: token.term, prefix: true };
      for (const term of this.expandPrefix(token.term)) {
        seen.add(term);
        out.push({ term, factor: PREFIX_FACTOR, needle, pinyin });
      }
    }
    if (token.kind === "bigram" && this.pinyinMask !== 0) {
      for (const pair of homophonePairs(token.term)) {
        if (seen.has(pair)) continue;
        seen.add(pair);
        out.push({
          term: pair,
          factor: HOMOPHONE_FACTOR,
          needle: { text: pair, mode: "word" },
          mask: this.pinyinMask,
          pinyin: { word: pair, prefix: false },
        });
      }
    }
    const typos = latin ? allowedTypos(token.term, this.settings.typoTolerance) : 0;
    if (typos > 0 && this.typoMask !== 0) {
      for (const [term, d] of this.typoCandidates(token.term, typos)) {
        if (seen.has(term)) continue;
        out.push({
          term,
          factor: TYPO_FACTOR ** d,
          needle: { text: term, mode: "word" },
          mask: this.typoMask,
          pinyin: { word: term, prefix: false },
        });
      }
    }
    return out;
  }

  /**
   * Which internal numbers pass every filter (1 = allowed, by number), or undefined when there are
   * no filters: a byte per document, so a filter on 20,000 owners' documents builds no Set.
   */
  private filtered(filters: SearchFilters | undefined): Uint8Array | undefined {
    if (!filters || Object.keys(filters).length === 0) return undefined;
    const size = this.byNo.length;
    let result: Uint8Array | undefined;
    for (const [attr, value] of Object.entries(filters)) {
      const values: readonly FilterScalar[] = Array.isArray(value) ? value : [value as FilterScalar];
      const byValue = this.filterIndex.get(attr);
      const union = this.scratch.u8(result === undefined ? "allowed" : "filter", size);
      for (const v of values) for (const no of byValue?.get(filterKey(v)) ?? []) union[no] = 1;
      let left = 0;
      if (result === undefined) {
        result = union;
        for (let no = 0; no < size; no++) left += union[no] ?? 0;
      } else {
        for (let no = 0; no < size; no++) {
          const both = (result[no] ?? 0) & (union[no] ?? 0);
          result[no] = both;
          left += both;
        }
      }
      if (left === 0) break;
    }
    return result;
  }

  /** Rank order on internal numbers for `score`: descending, then id (the engine's result order). */
  private rankOrder(score: Float64Array): (a: number, b: number) => boolean {
    return (a, b) => {
      const d = (score[b] ?? 0) - (score[a] ?? 0);
      return d !== 0 ? d < 0 : this.idBefore(a, b);
    };
  }

  /** Ties on score break on id: integer ids by value, others as compareIds orders them. */
  private idBefore(a: number, b: number): boolean {
    const x = this.numericIds[a] ?? Number.NaN;
    const y = this.numericIds[b] ?? Number.NaN;
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x < y;
    return compareIds((this.byNo[a] as StoredDoc).id, (this.byNo[b] as StoredDoc).id) < 0;
  }

  private ranked(nos: readonly number[], score: Float64Array): Ranked[] {
    return nos.map((no) => ({ doc: this.byNo[no] as StoredDoc, score: score[no] ?? 0 }));
  }

  /** Ranks matches; only the first `keep` are sorted and returned, `total` counts them all. */
  query(query: SearchQuery, keep: number): { top: Ranked[]; total: number; alternatives: Alternative[][] } {
    assertFilters(this.name, query.filters, this.filterable);
    const allowed = this.filtered(query.filters);
    const parsed = parseQuery(query.q ?? "");
    const size = this.byNo.length;

    if (parsed.required.length === 0) {
      const nos: number[] = [];
      for (let no = 0; no < size; no++) {
        if (this.byNo[no] !== undefined && (allowed === undefined || allowed[no] === 1)) nos.push(no);
      }
      const zero = this.scratch.f64("zero", size);
      return {
        top: this.ranked(selectTop(nos, nos.length, keep, this.rankOrder(zero)), zero),
        total: nos.length,
        alternatives: [],
      };
    }

    const variants = this.queryVariants(parsed.normalized);
    if (variants.length === 1) {
      const matches = this.rank(parsed, allowed);
      const { top, score } = this.topOf(matches, keep);
      return { top: this.ranked(top, score), total: matches.hits.length, alternatives: matches.alternatives };
    }
    // A staff synonym in the query (开不了机 ⇄ 无法开机): the query and each rewrite are ranked, a
    // document keeps its best score (a rewrite's a little lower), and the total counts each once.
    const best = this.scratch.f64("best", size);
    const seen = this.scratch.u8("seen", size);
    const union: number[] = [];
    const alternatives: Alternative[][] = [];
    variants.forEach((variant, i) => {
      const matches = this.rank(i === 0 ? parsed : parseQuery(variant), allowed);
      alternatives.push(...matches.alternatives);
      for (const no of matches.hits) {
        const exact = (matches.base[no] ?? 0) + this.bonusOf(no, matches);
        const score = i === 0 ? exact : exact * SYNONYM_FACTOR;
        if (seen[no] === 0) {
          seen[no] = 1;
          union.push(no);
          best[no] = score;
        } else if (score > (best[no] ?? 0)) best[no] = score;
      }
    });
    const top = selectTop(union, union.length, keep, this.rankOrder(best));
    return { top: this.ranked(top, best), total: union.length, alternatives };
  }

  /**
   * The first `keep` matches in rank order, their final scores by number. The whole-field bonus reads
   * a document's strings, so it is computed only for documents that can still enter the first
   * `keep`: an upper bound of each document's bonus (FieldHeads: a field can equal or start with
   * the query only if its first unit matches and it is long enough) picks the `keep` best bounds;
   * their exact scores set a threshold, and only documents whose bound reaches it are scored. A
   * document left out has an exact score ≤ its bound, which ranks after `keep` scored documents.
   */
  private topOf(matches: Matches, keep: number): { top: number[]; score: Float64Array } {
    const { hits, base } = matches;
    const size = base.length;
    const exact = this.scratch.f64("exact", size);
    if (keep <= 0 || hits.length === 0) return { top: [], score: exact };
    const bound = this.bonusBounds(matches);
    const order = this.rankOrder(exact);
    const first = selectTop(hits, hits.length, keep, this.rankOrder(bound));
    const scored = this.scratch.u8("scored", size);
    for (const no of first) {
      exact[no] = (base[no] ?? 0) + this.bonusOf(no, matches);
      scored[no] = 1;
    }
    if (hits.length <= keep) return { top: selectTop(first, first.length, keep, order), score: exact };
    let worst = first[0] ?? 0;
    for (const no of first) if (order(worst, no)) worst = no;
    const threshold = exact[worst] ?? 0;
    const candidates = first.slice();
    for (const no of hits) {
      if (scored[no] === 1) continue;
      const b = bound[no] ?? 0;
      if (b < threshold || (b === threshold && !this.idBefore(no, worst))) continue;
      exact[no] = (base[no] ?? 0) + this.bonusOf(no, matches);
      candidates.push(no);
    }
    return { top: selectTop(candidates, candidates.length, keep, order), score: exact };
  }

  /** By number: base score + an upper bound of the whole-field bonus, for every hit. */
  private bonusBounds({ hits, base, normalized, fullIdf }: Matches): Float64Array {
    const bound = this.scratch.f64("bound", base.length);
    const bonus = this.scratch.f64("bonus", base.length);
    const unit = normalized.charCodeAt(0);
    const length = normalized.length;
    for (let i = 0; i < this.weights.length; i++) {
      const w = this.weights[i] ?? 0;
      const exactBonus = w * fullIdf * EXACT_FIELD_BONUS;
      const prefixBonus = w * fullIdf * FIELD_PREFIX_BONUS;
      const heads = this.heads.of(i);
      for (const no of hits) {
        if (heads.first[no] !== unit) continue;
        const n = heads.length[no] ?? 0;
        if (n === length) bonus[no] = Math.max(bonus[no] ?? 0, exactBonus);
        else if (n > length) bonus[no] = Math.max(bonus[no] ?? 0, prefixBonus);
      }
    }
    // Initials (lq for 刘强) equal to the query: any document might hold them, at the pinyin weight.
    if (this.initialsCount.has(normalized)) {
      let initials = 0;
      for (const { bit } of this.pinyinFields.values()) {
        initials = Math.max(initials, (this.weights[bit] ?? 0) * fullIdf * EXACT_FIELD_BONUS);
      }
      for (const no of hits) bonus[no] = Math.max(bonus[no] ?? 0, initials);
    }
    for (const no of hits) bound[no] = (base[no] ?? 0) + (bonus[no] ?? 0);
    return bound;
  }

  /** A whole field equal to the query (or starting with it) wins: 刘强 above 刘强伟. */
  private bonusOf(no: number, { normalized, fullIdf }: Matches): number {
    const doc = this.byNo[no] as StoredDoc;
    let bonus = 0;
    for (let i = 0; i < doc.fieldTexts.length; i++) {
      const text = doc.fieldTexts[i];
      if (!text) continue;
      const w = this.weights[i] ?? 0;
      if (text === normalized) bonus = Math.max(bonus, w * fullIdf * EXACT_FIELD_BONUS);
      else if (text.startsWith(normalized)) bonus = Math.max(bonus, w * fullIdf * FIELD_PREFIX_BONUS);
    }
    for (const [bit, initials] of doc.initials) {
      if (initials === normalized) bonus = Math.max(bonus, (this.weights[bit] ?? 0) * fullIdf * EXACT_FIELD_BONUS);
    }
    return bonus;
  }

  /** The query and its rewrites by phrase synonyms (keys of two or more characters it contains). */
  private queryVariants(normalized: string): string[] {
    const variants = [normalized];
    for (const [phrase, alts] of this.phraseSynonyms) {
      if (!normalized.includes(phrase)) continue;
      for (const alt of alts) {
        if (variants.length >= MAX_QUERY_VARIANTS) return variants;
        variants.push(normalized.replace(phrase, alt));
      }
    }
    return variants;
  }

  /** Matches one parsed query (see the file header): the hits and their scores before the bonus. */
  private rank(parsed: ReturnType<typeof parseQuery>, allowed: Uint8Array | undefined): Matches {
    // Dense per-query arrays keyed by internal number: far cheaper than Maps keyed by id.
    const size = this.byNo.length;
    const total = this.scratch.f64("total", size);
    /** How many of the first query tokens, in order, the document matched (all of them so far). */
    const leading = this.scratch.u16("leading", size);
    const touchedAny = this.scratch.u8("touchedAny", size);
    const tokenBest = this.scratch.f64("tokenBest", size);
    /** Every document some token matched, once (touchedAny): at most one per document. */
    const candidates = this.scratch.i32("candidates", size);
    let candidateCount = 0;
    // Documents the current token matched, in first-touch order (a document is listed again only
    // when a zero-weight match left its best at 0, as before; the list grows then).
    let touchedNos = this.scratch.i32("touched", size);
    let touchedCount = 0;
    const alternativesPerToken = parsed.required.map((t) => this.alternatives(t));
    const tokenDf: number[] = [];
    const weightOf = this.maskWeights();
    for (const alts of alternativesPerToken) {
      touchedCount = 0;
      for (const alt of alts) {
        this.postings.each(alt.term, (fullMask, no) => {
          if (allowed !== undefined && allowed[no] === 0) return;
          const mask = alt.mask === undefined ? fullMask : fullMask & alt.mask;
          if (mask === 0) return;
          const s = (weightOf ? (weightOf[mask] ?? 0) : this.bestWeight(mask)) * alt.factor;
          const prev = tokenBest[no] ?? 0;
          if (prev === 0) {
            if (touchedCount === touchedNos.length) {
              const grown = new Int32Array(touchedNos.length * 2 + 16);
              grown.set(touchedNos);
              touchedNos = grown;
            }
            touchedNos[touchedCount++] = no;
          }
          if (s > prev) tokenBest[no] = s;
        });
      }
      // One idf per query token, from the documents it matched through any alternative: a rare
      // completion (lqw) must not outrank the exact word typed (lq) just for being rare.
      const idf = this.idf(touchedCount);
      const position = tokenDf.length;
      for (let t = 0; t < touchedCount; t++) {
        const no = touchedNos[t] ?? 0;
        if (touchedAny[no] === 0) {
          touchedAny[no] = 1;
          candidates[candidateCount++] = no;
        }
        if (leading[no] === position) leading[no] = position + 1;
        total[no] = (total[no] ?? 0) + (tokenBest[no] ?? 0) * idf;
        tokenBest[no] = 0;
      }
      tokenDf.push(touchedCount);
    }

    // Every token must match; when no document matches them all, tokens are dropped from the end
    // until some match (Meilisearch's "last" strategy). A document matching only a later token
    // (the 科技 of 恒通科技) is never a hit: noise is cut and the total counts what is shown.
    const candidateNos = candidates.subarray(0, candidateCount);
    let needed = 0;
    for (const no of candidateNos) needed = Math.max(needed, leading[no] ?? 0);
    const hitList = this.scratch.i32("hits", candidateCount);
    let count = 0;
    if (needed > 0) for (const no of candidateNos) if ((leading[no] ?? 0) >= needed) hitList[count++] = no;
    const hits = hitList.subarray(0, count);

    const fullIdf = tokenDf.reduce((acc, df) => acc + (df > 0 ? this.idf(df) : 0), 0);
    for (const word of parsed.boosts) {
      if (!this.postings.has(word)) continue;
      const idf = this.idf(this.postings.size(word));
      for (const no of hits) {
        const mask = this.postings.mask(word, no);
        if (mask) total[no] = (total[no] ?? 0) + this.bestWeight(mask) * idf * BOOST_FACTOR;
      }
    }
    return { hits, base: total, normalized: parsed.normalized, fullIdf, alternatives: alternativesPerToken };
  }

  /** HTML-safe highlights of every searchable string field of one returned document. */
  highlights(stored: StoredDoc, alternatives: readonly Alternative[][]): Record<string, string> {
    const out: Record<string, string> = {};
    this.settings.searchableAttributes.forEach((attr, i) => {
      const value = stored.doc[attr.name];
      if (typeof value !== "string") return;
      const needles: Needle[] = [];
      const ranges: Array<[number, number]> = [];
      const pinyinField = this.pinyinFields.get(i);
      for (const alts of alternatives) {
        for (const alt of alts) {
          const found = this.postings.mask(alt.term, stored.no);
          if (found === undefined) continue;
          const mask = alt.mask === undefined ? found : found & alt.mask;
          if (mask & (1 << i)) needles.push(alt.needle);
          if (pinyinField && mask & (1 << pinyinField.bit)) {
            ranges.push(
              ...pinyinMatchRanges(value, alt.pinyin.word, { ...pinyinField.options, prefix: alt.pinyin.prefix }),
            );
          }
        }
      }
      out[attr.name] = highlightText(value, needles, ranges);
    });
    return out;
  }
}

export class EmbeddedSearchEngine implements SearchEngine {
  readonly kind = "embedded" as const;
  private readonly indexes = new Map<string, EmbeddedIndex>();

  private get(name: string): EmbeddedIndex {
    const index = this.indexes.get(name);
    if (!index) {
      throw new SearchEngineError("index_not_found", `Search index "${name}" does not exist; call ensureIndex first.`);
    }
    return index;
  }

  async ensureIndex(name: string, settings: IndexSettings): Promise<void> {
    assertIndexName(name);
    assertSettings(name, settings);
    const existing = this.indexes.get(name);
    if (existing && JSON.stringify(existing.settings) === JSON.stringify(settings)) return;
    if (existing && sameExceptSynonyms(existing.settings, settings)) {
      existing.settings = structuredClone(settings);
      existing.setSynonyms(settings.synonyms);
      return;
    }
    const next = new EmbeddedIndex(name, structuredClone(settings));
    // Changed settings: re-index what is there under the new ones.
    const added: string[] = [];
    for (const stored of existing?.docs.values() ?? []) added.push(...next.put(stored.doc));
    next.addSortedTerms(added);
    this.indexes.set(name, next);
  }

  async upsert(index: string, docs: readonly SearchDocument[]): Promise<void> {
    const target = this.get(index);
    // Validate every id first so a bad batch changes nothing (Meilisearch fails the whole task).
    for (const doc of docs) documentIdOf(index, doc, target.settings.primaryKey);
    const added: string[] = [];
    for (const doc of docs) for (const term of target.put(doc)) added.push(term);
    target.addSortedTerms(added);
  }

  async delete(index: string, ids: readonly SearchDocumentId[]): Promise<void> {
    const target = this.get(index);
    for (const id of ids) target.remove(String(id));
  }

  async clear(index: string): Promise<void> {
    this.get(index).clear();
  }

  async dropIndex(index: string): Promise<void> {
    this.indexes.delete(index);
  }

  async query<D extends SearchDocument = SearchDocument>(index: string, query: SearchQuery): Promise<SearchResult<D>> {
    const started = performance.now();
    const target = this.get(index);
    const { limit, offset } = pageOf(query);
    const { top, total, alternatives } = target.query(query, offset + limit);
    const hits: SearchHit<D>[] = top.slice(offset).map(({ doc, score }) => ({
      id: doc.id,
      score: Math.round(score * 1e6) / 1e6,
      // Documents are whatever the indexer put in; D names what the caller's index stores.
      doc: { ...doc.doc } as D,
      highlights: query.highlight ? target.highlights(doc, alternatives) : {},
    }));
    return { hits, total, tookMs: Math.round((performance.now() - started) * 100) / 100 };
  }

  async stats(index: string): Promise<IndexStats> {
    return { documents: this.get(index).docs.size, isIndexing: false };
  }

  /** The names of the indexes this engine holds. */
  indexNames(): string[] {
    return [...this.indexes.keys()];
  }

  /** Every index as a snapshot stores it (the caller keeps the engine still until this resolves). */
  async snapshotImages(): Promise<IndexImage[]> {
    const images: IndexImage[] = [];
    for (const index of this.indexes.values()) images.push(await index.image());
    return images;
  }

  /** Replaces every index with a snapshot's images; on an inconsistent image nothing changes. */
  restoreImages(images: readonly IndexImage[]): void {
    const restored = images.map((image) => {
      assertIndexName(image.name);
      assertSettings(image.name, image.settings);
      const index = new EmbeddedIndex(image.name, structuredClone(image.settings));
      index.restore(image);
      return index;
    });
    this.indexes.clear();
    for (const index of restored) this.indexes.set(index.name, index);
  }

  /** Drops every index (a snapshot that failed half-way is thrown away). */
  reset(): void {
    this.indexes.clear();
  }
}
