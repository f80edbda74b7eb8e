// The search engine contract shared by the embedded in-process engine and the Meilisearch adapter.
// Callers (indexers, the job handlers, routes) depend on this file only, so the engine can change
// with MEILI_HOST and nothing else. The shared contract suite (engine-contract.ts) pins behaviour.

/** A document as stored in an index: a flat JSON object carrying its primary key. */
export type SearchDocument = Record<string, unknown>;

/** A document id as accepted on input. Hits always report ids as strings (Meilisearch allows both). */
export type SearchDocumentId = string | number;

export interface SearchableAttribute {
  name: string;
  /**
   * Relative importance (> 0). The embedded engine multiplies scores by it; Meilisearch only knows
   * an order, so the adapter sends attributes sorted by weight (declaration order breaks ties).
   */
  weight: number;
}

export interface IndexSettings {
  /** Field holding the document id (string or integer). */
  primaryKey: string;
  /** Fields that are searched, most important first. */
  searchableAttributes: SearchableAttribute[];
  /** Fields that `query({filters})` may use; filters on anything else are rejected. */
  filterableAttributes: string[];
  /**
   * Single-word synonyms, e.g. { "公司": ["单位"] }. A hook for the later fuzzy-matching issue:
   * Meilisearch receives them as-is; the embedded engine expands single query words with them.
   */
  synonyms?: Record<string, string[]>;
  /**
   * Searchable Chinese fields that are also found by their pinyin: full (`liuqiang`), initials
   * (`lq`), syllables (`liu qiang`) and, on the last word, a prefix of the full pinyin (`liuq`).
   * `personName` reads the first character as a surname (单 → shan). Meilisearch has no pinyin for
   * Chinese, so its adapter stores the terms in a derived field (`pinyinFieldName`).
   */
  pinyinAttributes?: PinyinAttribute[];
  /**
   * Typo tolerance for Latin words, as Meilisearch: on by default, 1 typo from 5 characters,
   * 2 from 9, never on words with digits; attributes listed in `disableOnAttributes` (e-mails,
   * phones, numbers) only match exactly or by prefix.
   */
  typoTolerance?: TypoTolerance;
}

export interface PinyinAttribute {
  name: string;
  personName?: boolean;
  /** An organisation's name: its distinctive core is also found by full pinyin and initials. */
  organisation?: boolean;
}

export interface TypoTolerance {
  enabled?: boolean;
  minWordSizeForTypos?: { oneTypo?: number; twoTypos?: number };
  disableOnAttributes?: string[];
}

/** What makes one index: the rest of IndexSettings follows the conventions of our indexes. */
export interface IndexDefinition {
  /** Searched fields and their weights, most important first. */
  weights: Record<string, number>;
  filterable: string[];
  /** Chinese fields also found by pinyin. */
  pinyin?: PinyinAttribute[];
  /** Fields matched exactly or by prefix, never with typos (e-mails, phones, numbers). */
  exact: string[];
}

/** Index settings keyed by the document's `id`, from a definition. */
export function defineIndex(definition: IndexDefinition): IndexSettings {
  return {
    primaryKey: "id",
    searchableAttributes: Object.entries(definition.weights).map(([name, weight]) => ({ name, weight })),
    filterableAttributes: definition.filterable,
    ...(definition.pinyin ? { pinyinAttributes: definition.pinyin } : {}),
    typoTolerance: { disableOnAttributes: definition.exact },
  };
}

/** Meilisearch's defaults, used by the embedded engine too. */
export const DEFAULT_MIN_WORD_SIZE_FOR_TYPOS = { oneTypo: 5, twoTypos: 9 } as const;

/** The derived searchable field that holds a Chinese field's pinyin (Meilisearch adapter). */
export function pinyinFieldName(attribute: string): string {
  return `${attribute}_pinyin`;
}

/** Typos allowed for a query word under these settings: 0, 1 or 2. Words with digits get none. */
export function allowedTypos(word: string, typo: TypoTolerance | undefined): number {
  if (typo?.enabled === false) return 0;
  if (!/^\p{L}+$/u.test(word) || /\p{Script=Han}/u.test(word)) return 0;
  const one = typo?.minWordSizeForTypos?.oneTypo ?? DEFAULT_MIN_WORD_SIZE_FOR_TYPOS.oneTypo;
  const two = typo?.minWordSizeForTypos?.twoTypos ?? DEFAULT_MIN_WORD_SIZE_FOR_TYPOS.twoTypos;
  const length = [...word].length;
  return length >= two ? 2 : length >= one ? 1 : 0;
}

export type FilterScalar = string | number | boolean;
/** `field: value` means equality; `field: [a, b]` means IN (an empty list matches nothing). */
export type SearchFilters = Record<string, FilterScalar | readonly FilterScalar[]>;

export interface SearchQuery {
  /** Free text; empty or missing returns every document that passes the filters. */
  q?: string;
  filters?: SearchFilters;
  /** Page size, 1…1000; default 20. */
  limit?: number;
  /** Default 0. */
  offset?: number;
  /** When true, every hit carries HTML-safe highlights of its searchable string fields. */
  highlight?: boolean;
}

export interface SearchHit<D extends SearchDocument = SearchDocument> {
  id: string;
  /** Relevance; comparable only within one result list (engines use different scales). */
  score: number;
  doc: D;
  /**
   * field → HTML-escaped text in which matched parts are wrapped in `<mark>…</mark>`.
   * Safe to render as HTML. Empty when `highlight` was not requested.
   */
  highlights: Record<string, string>;
}

export interface SearchResult<D extends SearchDocument = SearchDocument> {
  hits: SearchHit<D>[];
  /** Number of matching documents (Meilisearch: its estimate, exact up to its maxTotalHits). */
  total: number;
  tookMs: number;
}

export interface IndexStats {
  documents: number;
  /** Meilisearch still applying queued writes; always false for the embedded engine. */
  isIndexing: boolean;
}

export interface SearchEngine {
  readonly kind: "embedded" | "meilisearch";
  /** Creates the index if missing and applies the settings (idempotent). */
  ensureIndex(name: string, settings: IndexSettings): Promise<void>;
  /** Adds documents or replaces existing ones with the same primary key (whole-document replace). */
  upsert(index: string, docs: readonly SearchDocument[]): Promise<void>;
  /** Removes documents by id; unknown ids are ignored. */
  delete(index: string, ids: readonly SearchDocumentId[]): Promise<void>;
  /** Removes every document but keeps the index and its settings. */
  clear(index: string): Promise<void>;
  /** Deletes the index itself (tests, rebuilds); unknown indexes are ignored. */
  dropIndex(index: string): Promise<void>;
  query<D extends SearchDocument = SearchDocument>(index: string, query: SearchQuery): Promise<SearchResult<D>>;
  stats(index: string): Promise<IndexStats>;
}

export type SearchEngineErrorCode =
  | "index_not_found"
  | "invalid_index_name"
  | "invalid_settings"
  | "invalid_filter"
  | "invalid_document"
  | "invalid_query"
  | "auth"
  | "unavailable"
  | "timeout"
  | "engine_error";

/** The one error type engines throw, so callers can tell bad input from an unavailable engine. */
export class SearchEngineError extends Error {
  override name = "SearchEngineError";
  readonly code: SearchEngineErrorCode;
  /** The engine's own error code when there is one (e.g. Meilisearch `invalid_search_filter`). */
  readonly engineCode: string | undefined;

  constructor(code: SearchEngineErrorCode, message: string, options: { cause?: unknown; engineCode?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.engineCode = options.engineCode;
  }
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1000;

// Meilisearch's rules for index uids and document ids; the embedded engine applies them too so a
// name or id that works in development also works in production.
const INDEX_NAME = /^[A-Za-z0-9_-]{1,400}$/;
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,511}$/;

export function assertIndexName(name: string): void {
  if (!INDEX_NAME.test(name)) {
    throw new SearchEngineError(
      "invalid_index_name",
      `Invalid index name "${name}": use 1–400 characters a-z, A-Z, 0-9, "-" or "_".`,
    );
  }
}

export function assertSettings(name: string, settings: IndexSettings): void {
  const problems: string[] = [];
  if (!settings.primaryKey) problems.push("primaryKey is required");
  if (settings.searchableAttributes.length === 0) problems.push("at least one searchable attribute is required");
  const pinyinCount = settings.pinyinAttributes?.length ?? 0;
  // The embedded engine keeps one bit per searchable field (pinyin fields count) in a 32-bit mask.
  if (settings.searchableAttributes.length + pinyinCount > 31) {
    problems.push("at most 31 searchable attributes (pinyin attributes count too)");
  }
  const searchableNames = new Set(settings.searchableAttributes.map((a) => a.name));
  for (const attr of settings.pinyinAttributes ?? []) {
    if (!searchableNames.has(attr.name)) problems.push(`pinyin attribute "${attr.name}" is not searchable`);
  }
  for (const attr of settings.typoTolerance?.disableOnAttributes ?? []) {
    if (!searchableNames.has(attr)) problems.push(`typo-disabled attribute "${attr}" is not searchable`);
  }
  const seen = new Set<string>();
  for (const attr of settings.searchableAttributes) {
    if (!attr.name) problems.push("a searchable attribute has no name");
    if (seen.has(attr.name)) problems.push(`searchable attribute "${attr.name}" is declared twice`);
    seen.add(attr.name);
    if (!(attr.weight > 0) || !Number.isFinite(attr.weight)) {
      problems.push(`searchable attribute "${attr.name}" needs a positive weight`);
    }
  }
  for (const attr of settings.filterableAttributes) {
    // Filter expressions are built from these names unquoted, so keep them identifier-like.
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(attr)) problems.push(`filterable attribute "${attr}" is not an identifier`);
  }
  if (problems.length > 0) {
    throw new SearchEngineError("invalid_settings", `Invalid settings for index "${name}": ${problems.join("; ")}.`);
  }
}

/** Reads and validates a document's primary key, returning it as a string. */
export function documentIdOf(index: string, doc: SearchDocument, primaryKey: string): string {
  const raw = doc[primaryKey];
  const id = typeof raw === "number" && Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : raw;
  if (typeof id !== "string" || !DOCUMENT_ID.test(id)) {
    throw new SearchEngineError(
      "invalid_document",
      `Document in index "${index}" has an invalid primary key ${primaryKey}=${JSON.stringify(raw)}: ` +
        `use a non-negative integer or 1–511 characters a-z, A-Z, 0-9, "-" or "_".`,
    );
  }
  return id;
}

/** Normalises `limit`/`offset` the same way for every engine. */
export function pageOf(query: SearchQuery): { limit: number; offset: number } {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const offset = query.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new SearchEngineError("invalid_query", `limit must be an integer from 1 to ${MAX_LIMIT}, got ${limit}.`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new SearchEngineError("invalid_query", `offset must be a non-negative integer, got ${offset}.`);
  }
  return { limit, offset };
}

/** Rejects filters on attributes the index does not declare filterable, naming the allowed ones. */
export function assertFilters(index: string, filters: SearchFilters | undefined, filterable: Iterable<string>): void {
  if (!filters) return;
  const allowed = new Set(filterable);
  for (const [attr, value] of Object.entries(filters)) {
    if (!allowed.has(attr)) {
      const list = [...allowed].join(", ") || "none";
      throw new SearchEngineError(
        "invalid_filter",
        `Cannot filter index "${index}" on "${attr}": it is not a filterable attribute (filterable: ${list}).`,
      );
    }
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const v of values) {
      const ok = typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
      if (!ok) {
        throw new SearchEngineError(
          "invalid_filter",
          `Filter "${attr}" on index "${index}" has an unsupported value ${JSON.stringify(v)} (use strings, finite numbers or booleans).`,
        );
      }
    }
  }
}

/** Searchable attributes in Meilisearch order: weight descending, declaration order on ties. */
export function searchableInOrder(settings: IndexSettings): string[] {
  return settings.searchableAttributes
    .map((attr, i) => ({ attr, i }))
    .sort((a, b) => b.attr.weight - a.attr.weight || a.i - b.i)
    .map(({ attr }) => attr.name);
}

/** Deterministic id order: numeric ids numerically, otherwise by code units; numbers before strings. */
export function compareIds(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) {
    const x = a.replace(/^0+(?=\d)/, "");
    const y = b.replace(/^0+(?=\d)/, "");
    if (x.length !== y.length) return x.length - y.length;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
