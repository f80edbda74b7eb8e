// SearchEngine over a Meilisearch server, through the official `meilisearch` client (v0.62): it
// already speaks the documented HTTP API (Bearer auth, task polling, typed responses), so plain
// fetch would only re-implement it. What this adapter adds: settings from our IndexSettings,
// safely quoted filter expressions, HTML-safe highlights, waiting for tasks so a write is visible
// to the next read, and one error type (SearchEngineError).
//
// Pinyin: Meilisearch has no pinyin for Chinese, so for each `pinyinAttributes` entry the adapter
// fills a derived field `<name>_pinyin` ("liuqiang lq liu qiang", search/pinyin.ts) on every
// upsert, lists it right after its source in searchableAttributes, strips it from hits, and marks
// the Chinese characters a pinyin query spelled when Meilisearch's own highlight found nothing.
// Typo tolerance is sent as Meilisearch's `typoTolerance` setting.

import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTaskPromise,
  type Hit,
  type Settings,
  type Task,
} from "meilisearch";
import {
  SearchEngineError,
  assertFilters,
  assertIndexName,
  assertSettings,
  documentIdOf,
  pageOf,
  searchableInOrder,
  type FilterScalar,
  type IndexSettings,
  type IndexStats,
  type SearchDocument,
  type SearchDocumentId,
  type SearchEngine,
  type SearchEngineErrorCode,
  type SearchFilters,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  DEFAULT_MIN_WORD_SIZE_FOR_TYPOS,
  pinyinFieldName,
  type PinyinAttribute,
} from "./engine.ts";
import { SENTINEL_CLOSE, SENTINEL_OPEN, highlightText, sentinelsToHtml } from "./highlight.ts";
import { homophonePairs, pinyinFieldText, pinyinMatchRanges } from "./pinyin.ts";
import { normalizeText } from "./tokenize.ts";

/** Meilisearch's default ranking rules, sent explicitly so an index never keeps stale custom ones. */
export const DEFAULT_RANKING_RULES = ["words", "typo", "proximity", "attribute", "sort", "exactness"];

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** Per HTTP request, ms. Default 10 s. */
  requestTimeoutMs?: number;
  /** How long to wait for one task (indexing is asynchronous in Meilisearch), ms. Default 30 s. */
  taskTimeoutMs?: number;
  /** Polling interval for tasks, ms. Default 50. */
  taskIntervalMs?: number;
  /**
   * Wait for document writes to be applied before resolving (read-your-writes; failures surface
   * as errors so a job retries). Default true. Settings changes are always awaited.
   */
  waitForTasks?: boolean;
}

/** What the adapter needs to know about an index to build requests and read responses. */
interface IndexMeta {
  primaryKey: string;
  /** What Meilisearch searches, derived pinyin fields included. */
  searchable: string[];
  filterable: Set<string>;
  pinyin: PinyinAttribute[];
}

/** Searchable attributes in weight order, each pinyin field right after its source. */
export function meilisearchSearchable(settings: IndexSettings): string[] {
  const pinyin = new Set((settings.pinyinAttributes ?? []).map((a) => a.name));
  return searchableInOrder(settings).flatMap((name) => (pinyin.has(name) ? [name, pinyinFieldName(name)] : [name]));
}

/** Our typo settings in Meilisearch's shape (every key, so a comparison with the server is exact). */
export function meilisearchTypoTolerance(settings: IndexSettings) {
  const typo = settings.typoTolerance;
  return {
    enabled: typo?.enabled ?? true,
    minWordSizeForTypos: {
      oneTypo: typo?.minWordSizeForTypos?.oneTypo ?? DEFAULT_MIN_WORD_SIZE_FOR_TYPOS.oneTypo,
      twoTypos: typo?.minWordSizeForTypos?.twoTypos ?? DEFAULT_MIN_WORD_SIZE_FOR_TYPOS.twoTypos,
    },
    disableOnAttributes: [...(typo?.disableOnAttributes ?? [])],
  };
}

/** The document as Meilisearch stores it: with derived pinyin fields filled (or nulled). */
export function withPinyinFields(doc: SearchDocument, pinyin: readonly PinyinAttribute[]): SearchDocument {
  if (pinyin.length === 0) return doc;
  const out: SearchDocument = { ...doc };
  for (const attr of pinyin) {
    const value = doc[attr.name];
    out[pinyinFieldName(attr.name)] =
      typeof value === "string"
        ? pinyinFieldText(value, { personName: attr.personName, organisation: attr.organisation }) || null
        : null;
  }
  return out;
}

/** Latin words of a query (for pinyin highlighting) and whether the last one is still being typed. */
function latinWords(q: string): Array<{ word: string; prefix: boolean }> {
  const normalized = normalizeText(q);
  const words = normalized.split(/[^a-z]+/).filter((w) => w.length > 0);
  const typing = /[a-z]$/.test(normalized);
  return words.map((word, i) => ({ word, prefix: typing && i === words.length - 1 }));
}

/** Drop-from-the-end steps are bounded: each costs a request. */
const MAX_QUERY_STEPS = 6;

/**
 * The query, then the query with words dropped from the end, one at a time (words as the
 * segmenter sees them: 恒通科技 → 恒通 科技 → 恒通), at most MAX_QUERY_STEPS in all.
 */
export function queryPrefixes(q: string): string[] {
  const words: string[] = [];
  let glued = false;
  for (const { segment, isWordLike } of wordSegmenter.segment(q.trim())) {
    if (!isWordLike) {
      glued = false;
      continue;
    }
    // The segmenter cuts unknown names into characters (恒|通|科技): keep such runs together.
    const single = /^\p{Script=Han}$/u.test(segment);
    if (single && glued) words[words.length - 1] += segment;
    else words.push(segment);
    glued = single;
  }
  const steps = [q];
  for (let n = words.length - 1; n >= 1 && steps.length < MAX_QUERY_STEPS; n--) steps.push(words.slice(0, n).join(" "));
  return steps;
}

const wordSegmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Either count is capped by the index's pagination.maxTotalHits (Meilisearch default 1000). */
function totalOf(response: { hits: unknown[]; totalHits?: number; estimatedTotalHits?: number }): number {
  return response.totalHits ?? response.estimatedTotalHits ?? response.hits.length;
}

const FILTER_ATTRIBUTE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** One value in Meilisearch filter syntax: numbers/booleans bare, strings double-quoted and escaped. */
export function filterLiteral(value: FilterScalar): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new SearchEngineError("invalid_filter", `Cannot filter on ${value}.`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  // Inside "…" Meilisearch (≥ 1.4) treats \ as an escape, so escape \ first, then ".
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * Builds `a = "x" AND b IN [1, 2]` from equality/IN filters. Returns `matchesNothing` for an empty
 * IN list (Meilisearch has no literal for "false"), so the caller can answer without a request.
 */
export function buildMeilisearchFilter(filters: SearchFilters | undefined): {
  expression: string | undefined;
  matchesNothing: boolean;
} {
  const parts: string[] = [];
  for (const [attr, value] of Object.entries(filters ?? {})) {
    // Attribute names are not quoted, so only identifiers are allowed (settings enforce the same).
    if (!FILTER_ATTRIBUTE.test(attr))
      throw new SearchEngineError("invalid_filter", `Invalid filter attribute "${attr}".`);
    if (Array.isArray(value)) {
      if (value.length === 0) return { expression: undefined, matchesNothing: true };
      parts.push(`${attr} IN [${value.map((v: FilterScalar) => filterLiteral(v)).join(", ")}]`);
    } else {
      parts.push(`${attr} = ${filterLiteral(value as FilterScalar)}`);
    }
  }
  return { expression: parts.length > 0 ? parts.join(" AND ") : undefined, matchesNothing: false };
}

const CODE_MAP: Record<string, SearchEngineErrorCode> = {
  index_not_found: "index_not_found",
  invalid_index_uid: "invalid_index_name",
  invalid_search_filter: "invalid_filter",
  invalid_document_filter: "invalid_filter",
  missing_document_id: "invalid_document",
  invalid_document_id: "invalid_document",
  invalid_document_fields: "invalid_document",
  missing_payload: "invalid_document",
  malformed_payload: "invalid_document",
  primary_key_inference_failed: "invalid_document",
  index_primary_key_multiple_candidates_found: "invalid_document",
  index_primary_key_no_candidate_found: "invalid_document",
  invalid_settings_searchable_attributes: "invalid_settings",
  invalid_settings_filterable_attributes: "invalid_settings",
  invalid_settings_ranking_rules: "invalid_settings",
  invalid_settings_synonyms: "invalid_settings",
  index_primary_key_already_exists: "invalid_settings",
  missing_authorization_header: "auth",
  invalid_api_key: "auth",
};

function mapCode(engineCode: string | undefined, status?: number): SearchEngineErrorCode {
  if (engineCode && CODE_MAP[engineCode]) return CODE_MAP[engineCode];
  if (engineCode?.startsWith("invalid_search_")) return "invalid_query";
  if (status === 401 || status === 403) return "auth";
  if (status === 502 || status === 503 || status === 504) return "unavailable";
  return "engine_error";
}

/** Turns whatever the client threw into a SearchEngineError that says what we were doing. */
export function toSearchEngineError(error: unknown, doing: string): SearchEngineError {
  if (error instanceof SearchEngineError) return error;
  if (error instanceof MeilisearchApiError) {
    const engineCode = error.cause?.code;
    return new SearchEngineError(
      mapCode(engineCode, error.response.status),
      `Meilisearch ${doing} failed (HTTP ${error.response.status}${engineCode ? ` ${engineCode}` : ""}): ${error.message}`,
      { cause: error, engineCode },
    );
  }
  if (error instanceof MeilisearchTaskTimeOutError) {
    return new SearchEngineError("timeout", `Meilisearch ${doing} did not finish in time: ${error.message}`, {
      cause: error,
    });
  }
  if (error instanceof MeilisearchRequestError) {
    const timedOut = (error.cause as { name?: string } | undefined)?.name === "MeilisearchRequestTimeOutError";
    return new SearchEngineError(
      timedOut ? "timeout" : "unavailable",
      `Meilisearch ${doing} failed: cannot reach the server (${error.message}).`,
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SearchEngineError("engine_error", `Meilisearch ${doing} failed: ${message}`, { cause: error });
}

function taskError(task: Task, doing: string): SearchEngineError {
  const engineCode = task.error?.code;
  return new SearchEngineError(
    task.status === "failed" ? mapCode(engineCode) : "engine_error",
    `Meilisearch ${doing} ${task.status} (task ${task.uid}${engineCode ? `, ${engineCode}` : ""}): ${
      task.error?.message ?? "no details"
    }`,
    { engineCode },
  );
}

function filterableNames(settings: Settings): string[] {
  return (settings.filterableAttributes ?? []).flatMap((a) => (typeof a === "string" ? [a] : a.attributePatterns));
}

function sameList(a: readonly string[] | null | undefined, b: readonly string[]): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return sameList([...a].sort(), [...b].sort());
}

function sameTypoTolerance(
  current: Settings["typoTolerance"],
  wanted: ReturnType<typeof meilisearchTypoTolerance>,
): boolean {
  if (!current) return false;
  return (
    (current.enabled ?? true) === wanted.enabled &&
    (current.minWordSizeForTypos?.oneTypo ?? DEFAULT_MIN_WORD_SIZE_FOR_TYPOS.oneTypo) ===
      wanted.minWordSizeForTypos.oneTypo &&
    (current.minWordSizeForTypos?.twoTypos ?? DEFAULT_MIN_WORD_SIZE_FOR_TYPOS.twoTypos) ===
      wanted.minWordSizeForTypos.twoTypos &&
    sameSet(current.disableOnAttributes ?? [], wanted.disableOnAttributes)
  );
}

function normalizedSynonyms(synonyms: Record<string, string[]> | null | undefined): string {
  const entries = Object.entries(synonyms ?? {})
    .map(([k, v]) => [k, [...v].sort()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

export class MeilisearchEngine implements SearchEngine {
  readonly kind = "meilisearch" as const;
  private readonly client: Meilisearch;
  private readonly wait: { timeout: number; interval: number };
  private readonly waitForWrites: boolean;
  private readonly meta = new Map<string, IndexMeta>();

  constructor(options: MeilisearchEngineOptions) {
    try {
      new URL(options.host);
    } catch {
      throw new SearchEngineError("invalid_settings", `MEILI_HOST "${options.host}" is not a URL.`);
    }
    this.client = new Meilisearch({
      host: options.host,
      apiKey: options.apiKey,
      timeout: options.requestTimeoutMs ?? 10_000,
      clientAgents: ["relay-crm"],
    });
    this.wait = { timeout: options.taskTimeoutMs ?? 30_000, interval: options.taskIntervalMs ?? 50 };
    this.waitForWrites = options.waitForTasks ?? true;
  }

  /** Enqueues, then (when asked) waits for the task and fails if Meilisearch failed it. */
  private async run(enqueue: () => EnqueuedTaskPromise, doing: string, mustWait: boolean): Promise<Task | undefined> {
    let task: Task;
    try {
      const enqueued = enqueue();
      if (!mustWait) {
        await enqueued;
        return undefined;
      }
      task = await enqueued.waitTask(this.wait);
    } catch (error) {
      throw toSearchEngineError(error, doing);
    }
    if (task.status !== "succeeded") throw taskError(task, doing);
    return task;
  }

  async ensureIndex(name: string, settings: IndexSettings): Promise<void> {
    assertIndexName(name);
    assertSettings(name, settings);
    const index = this.client.index(name);
    let primaryKey: string | undefined;
    let exists = true;
    try {
      primaryKey = (await index.getRawInfo()).primaryKey ?? undefined;
    } catch (error) {
      const mapped = toSearchEngineError(error, `reading index "${name}"`);
      if (mapped.code !== "index_not_found") throw mapped;
      exists = false;
    }
    if (!exists) {
      try {
        await this.run(
          () => this.client.createIndex(name, { primaryKey: settings.primaryKey }),
          `creating index "${name}"`,
          true,
        );
        primaryKey = settings.primaryKey;
      } catch (error) {
        // Another process created it between our read and our create: fine, read it again.
        if (!(error instanceof SearchEngineError) || error.engineCode !== "index_already_exists") throw error;
        primaryKey = (await this.call(() => index.getRawInfo(), `reading index "${name}"`)).primaryKey ?? undefined;
      }
    }
    if (primaryKey === undefined) {
      // Created implicitly by a write without a primary key; set ours (allowed while it is empty).
      await this.run(() => index.update({ primaryKey: settings.primaryKey }), `setting primary key of "${name}"`, true);
    } else if (primaryKey !== settings.primaryKey) {
      throw new SearchEngineError(
        "invalid_settings",
        `Meilisearch index "${name}" has primary key "${primaryKey}", expected "${settings.primaryKey}"; drop and rebuild it.`,
      );
    }

    const wanted = {
      searchableAttributes: meilisearchSearchable(settings),
      filterableAttributes: [...settings.filterableAttributes],
      rankingRules: DEFAULT_RANKING_RULES,
      synonyms: settings.synonyms ?? {},
      typoTolerance: meilisearchTypoTolerance(settings),
    } satisfies Settings;
    // Only PATCH when something differs: a settings change can make Meilisearch re-index everything.
    const current = await this.call(() => index.getSettings(), `reading settings of "${name}"`);
    const unchanged =
      sameList(current.searchableAttributes, wanted.searchableAttributes) &&
      sameSet(filterableNames(current), wanted.filterableAttributes) &&
      sameList(current.rankingRules, wanted.rankingRules) &&
      normalizedSynonyms(current.synonyms) === normalizedSynonyms(wanted.synonyms) &&
      sameTypoTolerance(current.typoTolerance, wanted.typoTolerance);
    if (!unchanged) await this.run(() => index.updateSettings(wanted), `updating settings of "${name}"`, true);

    this.meta.set(name, {
      primaryKey: settings.primaryKey,
      searchable: wanted.searchableAttributes,
      filterable: new Set(settings.filterableAttributes),
      pinyin: [...(settings.pinyinAttributes ?? [])],
    });
  }

  private async call<T>(fn: () => Promise<T>, doing: string): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toSearchEngineError(error, doing);
    }
  }

  /** Index facts from ensureIndex, or read once from the server (another process ensured it). */
  private async metaOf(name: string): Promise<IndexMeta> {
    const known = this.meta.get(name);
    if (known) return known;
    assertIndexName(name);
    const index = this.client.index(name);
    const info = await this.call(() => index.getRawInfo(), `reading index "${name}"`);
    const settings = await this.call(() => index.getSettings(), `reading settings of "${name}"`);
    const searchable = (settings.searchableAttributes ?? []).filter((a) => a !== "*");
    const meta: IndexMeta = {
      primaryKey: info.primaryKey ?? "id",
      searchable,
      filterable: new Set(filterableNames(settings)),
      // Which fields have pinyin can be read back from the derived names; the surname reading
      // (personName) cannot, so this process's writes would lack it: call ensureIndex before writing.
      pinyin: searchable.filter((a) => searchable.includes(pinyinFieldName(a))).map((name) => ({ name })),
    };
    this.meta.set(name, meta);
    return meta;
  }

  async upsert(index: string, docs: readonly SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const meta = await this.metaOf(index);
    // Check ids here too: a clear error now beats a failed task later.
    for (const doc of docs) documentIdOf(index, doc, meta.primaryKey);
    await this.run(
      () =>
        this.client.index(index).addDocuments(
          docs.map((d) => withPinyinFields(d, meta.pinyin)),
          { primaryKey: meta.primaryKey },
        ),
      `adding ${docs.length} document(s) to "${index}"`,
      this.waitForWrites,
    );
  }

  async delete(index: string, ids: readonly SearchDocumentId[]): Promise<void> {
    if (ids.length === 0) return;
    assertIndexName(index);
    await this.run(
      // The client types ids as all-strings or all-numbers; the API accepts either, so send strings.
      () => this.client.index(index).deleteDocuments(ids.map(String)),
      `deleting ${ids.length} document(s) from "${index}"`,
      this.waitForWrites,
    );
  }

  async clear(index: string): Promise<void> {
    assertIndexName(index);
    await this.run(() => this.client.index(index).deleteAllDocuments(), `clearing "${index}"`, this.waitForWrites);
  }

  async dropIndex(index: string): Promise<void> {
    assertIndexName(index);
    this.meta.delete(index);
    try {
      await this.run(() => this.client.deleteIndex(index), `deleting index "${index}"`, true);
    } catch (error) {
      if (error instanceof SearchEngineError && error.code === "index_not_found") return;
      throw error;
    }
  }

  async query<D extends SearchDocument = SearchDocument>(index: string, query: SearchQuery): Promise<SearchResult<D>> {
    const started = performance.now();
    const { limit, offset } = pageOf(query);
    const meta = await this.metaOf(index);
    // Checked here, with the index's own list, so the error names the attribute plainly.
    assertFilters(index, query.filters, meta.filterable);
    const filter = buildMeilisearchFilter(query.filters);
    if (filter.matchesNothing) return { hits: [], total: 0, tookMs: 0 };

    const derived = new Set(meta.pinyin.map((a) => pinyinFieldName(a.name)));
    const words = query.highlight && meta.pinyin.length > 0 ? latinWords(query.q ?? "") : [];
    const search = (q: string, onlyPinyin: boolean) =>
      this.call(
        () =>
          this.client.index(index).search(q, {
            filter: filter.expression,
            matchingStrategy: "all",
            ...(onlyPinyin ? { attributesToSearchOn: [...derived] } : {}),
            // Page-aligned requests use page/hitsPerPage, which makes Meilisearch count exactly
            // (totalHits); other offsets fall back to offset/limit and its estimatedTotalHits.
            ...(offset % limit === 0 ? { page: offset / limit + 1, hitsPerPage: limit } : { offset, limit }),
            showRankingScore: true,
            ...(query.highlight
              ? {
                  attributesToHighlight:
                    meta.searchable.length > 0 ? meta.searchable.filter((a) => !derived.has(a)) : ["*"],
                  highlightPreTag: SENTINEL_OPEN,
                  highlightPostTag: SENTINEL_CLOSE,
                }
              : {}),
          }),
        `searching "${index}"`,
      );
    // As the embedded engine: every word must match; when nothing does, words are dropped from the
    // end (Meilisearch's own "last" strategy would also return the weak matches, and count them).
    // At each step a Chinese query that found nothing is tried as the pinyin of its character pairs
    // in the derived fields, so a homophone slip (远杭) finds 远航.
    let response = await search(query.q ?? "", false);
    let pinyinWords = words;
    const steps = queryPrefixes(query.q ?? "");
    for (let i = 0; totalOf(response) === 0 && i < steps.length; i++) {
      const step = steps[i] ?? "";
      if (i > 0) response = await search(step, false);
      const pairs = derived.size > 0 && totalOf(response) === 0 ? homophonePairs(step) : [];
      if (pairs.length > 0) {
        response = await search(pairs.join(" "), true);
        if (query.highlight) pinyinWords = pairs.map((word) => ({ word, prefix: false }));
      }
    }

    const hits = response.hits.map((hit: Hit) => {
      const { _formatted, _rankingScore, _matchesPosition, _rankingScoreDetails, ...stored } = hit;
      void _matchesPosition;
      void _rankingScoreDetails;
      const doc: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(stored)) if (!derived.has(key)) doc[key] = value;
      const highlights: Record<string, string> = {};
      if (query.highlight && _formatted) {
        const fields = meta.searchable.length > 0 ? meta.searchable : Object.keys(_formatted);
        for (const field of fields) {
          if (derived.has(field)) continue;
          const formatted: unknown = _formatted[field];
          if (typeof doc[field] === "string" && typeof formatted === "string") {
            highlights[field] = sentinelsToHtml(formatted);
          }
        }
        // Meilisearch matched the derived pinyin field: mark the characters the query spelled.
        for (const attr of meta.pinyin) {
          const value = doc[attr.name];
          if (typeof value !== "string" || highlights[attr.name]?.includes("<mark>")) continue;
          const ranges = pinyinWords.flatMap(({ word, prefix }) =>
            pinyinMatchRanges(value, word, { personName: attr.personName, prefix }),
          );
          if (ranges.length > 0) highlights[attr.name] = highlightText(value, [], ranges);
        }
      }
      const result: SearchHit<D> = {
        id: String(doc[meta.primaryKey]),
        score: typeof _rankingScore === "number" ? _rankingScore : 0,
        // The index stores what its indexer sent; D names that shape for the caller.
        doc: doc as D,
        highlights,
      };
      return result;
    });
    return {
      hits,
      total: totalOf(response),
      tookMs: response.processingTimeMs ?? Math.round(performance.now() - started),
    };
  }

  async stats(index: string): Promise<IndexStats> {
    assertIndexName(index);
    const stats = await this.call(() => this.client.index(index).getStats(), `reading stats of "${index}"`);
    return { documents: stats.numberOfDocuments, isIndexing: stats.isIndexing };
  }
}
