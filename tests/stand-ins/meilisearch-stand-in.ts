// A loopback stand-in for the parts of the Meilisearch HTTP API that search/meilisearch-engine.server.ts
// uses, following the documented request and response shapes (indexes, settings, documents,
// delete-batch, search, stats, tasks). It checks method, path, Bearer key, content type and body
// fields the way the real server would reject them, records every request so tests can assert
// what the adapter sent, and answers with documented shapes (summarised tasks with 202, task
// objects on GET /tasks/{uid}, error objects {message, code, type, link}).
//
// It is NOT a search engine: matching is case-insensitive substring matching of each query word,
// ranking is insertion order, and only the filter grammar the adapter emits is understood
// (`attr = value`, `attr IN [v, …]`, joined by AND). Real behaviour is covered by running the
// contract suite against a real server (MEILI_HOST).

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = Record<string, Json>;

interface StandInSettings {
  searchableAttributes: string[];
  filterableAttributes: string[];
  rankingRules: string[];
  synonyms: Record<string, string[]>;
  displayedAttributes: string[];
  typoTolerance: StandInTypoTolerance;
}

/** GET /indexes/{uid}/settings → typoTolerance, with Meilisearch's documented defaults. */
interface StandInTypoTolerance {
  enabled: boolean;
  minWordSizeForTypos: { oneTypo: number; twoTypos: number };
  disableOnWords: string[];
  disableOnAttributes: string[];
}

interface StandInIndex {
  uid: string;
  primaryKey: string | null;
  createdAt: string;
  updatedAt: string;
  settings: StandInSettings;
  docs: Map<string, Doc>;
}

interface TaskRecord {
  uid: number;
  indexUid: string | null;
  type: string;
  status: "enqueued" | "processing" | "succeeded" | "failed";
  finalStatus: "succeeded" | "failed";
  details: Record<string, Json>;
  error: { message: string; code: string; type: string; link: string } | null;
  enqueuedAt: string;
  polls: number;
}

export interface MeilisearchStandIn {
  url: string;
  apiKey: string | undefined;
  requests: RecordedRequest[];
  /** Requests other than task polling, which is noise for most assertions. */
  calls(): RecordedRequest[];
  /** The next enqueued task fails with this Meilisearch error code. */
  failNextTask(code: string, message: string): void;
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_RANKING_RULES = ["words", "typo", "proximity", "attribute", "sort", "exactness"];
const UID = /^[A-Za-z0-9_-]{1,400}$/;
const DOC_ID = /^[A-Za-z0-9_-]{1,511}$/;

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: "invalid_request" | "auth" | "internal" = "invalid_request",
  ) {
    super(message);
  }
}

function errorBody(code: string, message: string, type: string): TaskRecord["error"] & object {
  return { message, code, type, link: `https://docs.meilisearch.com/errors#${code}` };
}

function defaultSettings(): StandInSettings {
  return {
    searchableAttributes: ["*"],
    filterableAttributes: [],
    rankingRules: [...DEFAULT_RANKING_RULES],
    synonyms: {},
    displayedAttributes: ["*"],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnWords: [],
      disableOnAttributes: [],
    },
  };
}

/** Validates a typoTolerance settings object (partial: missing keys keep their value). */
function readTypoTolerance(value: unknown): Partial<StandInTypoTolerance> {
  const fail = (at: string) =>
    new ApiError(400, "invalid_settings_typo_tolerance", `Invalid value at \`.typoTolerance${at}\``);
  if (!isObject(value)) throw fail("");
  const out: Partial<StandInTypoTolerance> = {};
  for (const key of Object.keys(value)) {
    if (!["enabled", "minWordSizeForTypos", "disableOnWords", "disableOnAttributes"].includes(key)) {
      throw new ApiError(400, "invalid_settings_typo_tolerance", `Unknown field \`${key}\` inside \`.typoTolerance\``);
    }
  }
  if (value.enabled !== undefined) {
    if (typeof value.enabled !== "boolean") throw fail(".enabled");
    out.enabled = value.enabled;
  }
  if (value.minWordSizeForTypos !== undefined) {
    const m = value.minWordSizeForTypos;
    if (!isObject(m) || !Number.isInteger(m.oneTypo ?? 5) || !Number.isInteger(m.twoTypos ?? 9)) {
      throw fail(".minWordSizeForTypos");
    }
    const oneTypo = (m.oneTypo ?? 5) as number;
    const twoTypos = (m.twoTypos ?? 9) as number;
    // Meilisearch: `oneTypo` must be ≤ `twoTypos`.
    if (oneTypo > twoTypos) throw fail(".minWordSizeForTypos");
    out.minWordSizeForTypos = { oneTypo, twoTypos };
  }
  for (const key of ["disableOnWords", "disableOnAttributes"] as const) {
    if (value[key] !== undefined) {
      if (!isStringArray(value[key])) throw fail(`.${key}`);
      out[key] = value[key];
    }
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

function rejectUnknownFields(body: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw new ApiError(400, "bad_request", `Unknown field \`${key}\`: expected one of ${allowed.join(", ")}`);
    }
  }
}

// ─── Filter parsing (only the grammar the adapter produces) ───────────────────────────────────

type FilterValue = string | number | boolean;
interface Condition {
  attr: string;
  values: FilterValue[];
}

function parseFilter(input: string): Condition[] {
  let pos = 0;
  const fail = (what: string): never => {
    throw new ApiError(400, "invalid_search_filter", `${what} at position ${pos} in filter \`${input}\``);
  };
  const ws = (): void => {
    while (input[pos] === " ") pos++;
  };
  const ident = (): string => {
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(input.slice(pos));
    if (!m) return fail("Was expecting an attribute");
    pos += m[0].length;
    return m[0];
  };
  const value = (): FilterValue => {
    ws();
    const quote = input[pos];
    if (quote === '"' || quote === "'") {
      pos++;
      let out = "";
      for (;;) {
        const c = input[pos];
        if (c === undefined) return fail("Unterminated string");
        pos++;
        if (c === "\\") {
          const next = input[pos];
          if (next === undefined) return fail("Dangling escape");
          out += next;
          pos++;
        } else if (c === quote) {
          return out;
        } else {
          out += c;
        }
      }
    }
    const m = /^[^\s,\]]+/.exec(input.slice(pos));
    if (!m) return fail("Was expecting a value");
    pos += m[0].length;
    if (m[0] === "true" || m[0] === "false") return m[0] === "true";
    const n = Number(m[0]);
    return Number.isFinite(n) ? n : m[0];
  };
  const conditions: Condition[] = [];
  for (;;) {
    ws();
    const attr = ident();
    ws();
    if (input[pos] === "=") {
      pos++;
      conditions.push({ attr, values: [value()] });
    } else if (input.startsWith("IN", pos)) {
      pos += 2;
      ws();
      if (input[pos] !== "[") fail("Was expecting `[`");
      pos++;
      const values: FilterValue[] = [];
      for (;;) {
        values.push(value());
        ws();
        if (input[pos] === ",") {
          pos++;
          continue;
        }
        if (input[pos] === "]") {
          pos++;
          break;
        }
        fail("Was expecting `,` or `]`");
      }
      conditions.push({ attr, values });
    } else {
      fail("Was expecting an operation `=` or `IN`");
    }
    ws();
    if (pos >= input.length) return conditions;
    if (!input.startsWith("AND ", pos)) fail("Found unexpected characters at the end of the filter");
    pos += 4;
  }
}

function filterMatches(doc: Doc, value: Json | undefined, wanted: FilterValue): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => {
    if (v === null || v === undefined) return false;
    if (typeof v === "string" && typeof wanted === "string") return v.toLowerCase() === wanted.toLowerCase();
    return String(v).toLowerCase() === String(wanted).toLowerCase();
  });
}

// ─── Server ───────────────────────────────────────────────────────────────────────────────────

export async function startMeilisearchStandIn(options: { apiKey?: string } = {}): Promise<MeilisearchStandIn> {
  const apiKey = options.apiKey;
  const requests: RecordedRequest[] = [];
  const indexes = new Map<string, StandInIndex>();
  const tasks = new Map<number, TaskRecord>();
  let nextTaskUid = 0;
  let injectedFailure: { code: string; message: string } | undefined;

  const now = (): string => new Date().toISOString();

  function getIndex(uid: string): StandInIndex {
    const index = indexes.get(uid);
    if (!index) throw new ApiError(404, "index_not_found", `Index \`${uid}\` not found.`);
    return index;
  }

  function ensureIndexFor(uid: string): StandInIndex {
    let index = indexes.get(uid);
    if (!index) {
      index = {
        uid,
        primaryKey: null,
        createdAt: now(),
        updatedAt: now(),
        settings: defaultSettings(),
        docs: new Map(),
      };
      indexes.set(uid, index);
    }
    return index;
  }

  /** Records a task, applies it at once, and reports it "enqueued" (then "processing" on the first poll). */
  function enqueue(indexUid: string | null, type: string, apply: () => Record<string, Json>): Record<string, Json> {
    const task: TaskRecord = {
      uid: nextTaskUid++,
      indexUid,
      type,
      status: "enqueued",
      finalStatus: "succeeded",
      details: {},
      error: null,
      enqueuedAt: now(),
      polls: 0,
    };
    try {
      if (injectedFailure) {
        const { code, message } = injectedFailure;
        injectedFailure = undefined;
        throw new ApiError(500, code, message, "internal");
      }
      task.details = apply();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      task.finalStatus = "failed";
      task.error = errorBody(error.code, error.message, error.type);
    }
    tasks.set(task.uid, task);
    return { taskUid: task.uid, indexUid, status: "enqueued", type, enqueuedAt: task.enqueuedAt };
  }

  function taskView(task: TaskRecord): Record<string, Json> {
    const done = task.status === "succeeded" || task.status === "failed";
    return {
      uid: task.uid,
      batchUid: done ? task.uid : null,
      indexUid: task.indexUid,
      status: task.status,
      type: task.type,
      canceledBy: null,
      details: task.details,
      error: task.error,
      duration: done ? "PT0.001S" : null,
      enqueuedAt: task.enqueuedAt,
      startedAt: task.status === "enqueued" ? null : task.enqueuedAt,
      finishedAt: done ? now() : null,
    };
  }

  function searchableFields(index: StandInIndex, doc: Doc): string[] {
    const s = index.settings.searchableAttributes;
    return s.includes("*") ? Object.keys(doc) : s;
  }

  function search(index: StandInIndex, body: Record<string, unknown>): Record<string, Json> {
    rejectUnknownFields(body, [
      "q",
      "filter",
      "limit",
      "offset",
      "page",
      "hitsPerPage",
      "attributesToHighlight",
      "highlightPreTag",
      "highlightPostTag",
      "showRankingScore",
      "matchingStrategy",
      "attributesToSearchOn",
    ]);
    // Substring matching of every word is the "all" strategy; the adapter asks for nothing else.
    if (body.matchingStrategy !== undefined && body.matchingStrategy !== "all") {
      throw new ApiError(400, "invalid_search_matching_strategy", "The stand-in only implements `all`");
    }
    if (body.attributesToSearchOn !== undefined && !isStringArray(body.attributesToSearchOn)) {
      throw new ApiError(400, "invalid_search_attributes_to_search_on", "Invalid value at `.attributesToSearchOn`");
    }
    const searchOn = body.attributesToSearchOn as string[] | undefined;
    const int = (key: string, min: number): number | undefined => {
      const v = body[key];
      if (v === undefined) return undefined;
      if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
        throw new ApiError(
          400,
          `invalid_search_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
          `Invalid value in parameter \`${key}\``,
        );
      }
      return v;
    };
    if (body.q !== undefined && body.q !== null && typeof body.q !== "string") {
      throw new ApiError(400, "invalid_search_q", "Invalid value type at `.q`: expected a string");
    }
    if (body.attributesToHighlight !== undefined && !isStringArray(body.attributesToHighlight)) {
      throw new ApiError(400, "invalid_search_attributes_to_highlight", "Invalid value at `.attributesToHighlight`");
    }
    for (const key of ["highlightPreTag", "highlightPostTag"]) {
      if (body[key] !== undefined && typeof body[key] !== "string") {
        throw new ApiError(400, "invalid_search_highlight_pre_tag", `Invalid value type at \`.${key}\``);
      }
    }
    if (body.showRankingScore !== undefined && typeof body.showRankingScore !== "boolean") {
      throw new ApiError(400, "invalid_search_show_ranking_score", "Invalid value type at `.showRankingScore`");
    }
    const limit = int("limit", 0) ?? 20;
    const offset = int("offset", 0) ?? 0;
    const page = int("page", 1);
    const hitsPerPage = int("hitsPerPage", 0);

    let conditions: Condition[] = [];
    if (body.filter !== undefined && body.filter !== null) {
      if (typeof body.filter !== "string") {
        throw new ApiError(400, "invalid_search_filter", "The stand-in only accepts string filters");
      }
      conditions = parseFilter(body.filter);
      for (const c of conditions) {
        if (!index.settings.filterableAttributes.includes(c.attr)) {
          throw new ApiError(
            400,
            "invalid_search_filter",
            `Attribute \`${c.attr}\` is not filterable. Available filterable attributes are: \`${index.settings.filterableAttributes.join(", ")}\`.`,
          );
        }
      }
    }
    const words = typeof body.q === "string" ? body.q.toLowerCase().split(/\s+/).filter(Boolean) : [];
    const matches = [...index.docs.values()].filter((doc) => {
      if (!conditions.every((c) => c.values.some((v) => filterMatches(doc, doc[c.attr], v)))) return false;
      const texts = (searchOn ?? searchableFields(index, doc))
        .map((f) => doc[f])
        .filter((v): v is string | number => typeof v === "string" || typeof v === "number")
        .map((v) => String(v).toLowerCase());
      return words.every((w) => texts.some((t) => t.includes(w)));
    });

    const pre = typeof body.highlightPreTag === "string" ? body.highlightPreTag : "<em>";
    const post = typeof body.highlightPostTag === "string" ? body.highlightPostTag : "</em>";
    const toHighlight = body.attributesToHighlight as string[] | undefined;
    const pageStart = page !== undefined ? (page - 1) * (hitsPerPage ?? 20) : offset;
    const pageSize = page !== undefined ? (hitsPerPage ?? 20) : limit;
    const hits = matches.slice(pageStart, pageStart + pageSize).map((doc) => {
      const hit: Doc = { ...doc };
      if (toHighlight) {
        const formatted: Doc = { ...doc };
        const fields = toHighlight.includes("*") ? Object.keys(doc) : toHighlight;
        for (const field of fields) {
          const value = doc[field];
          if (typeof value !== "string") continue;
          let text = value;
          for (const w of words) {
            text = text.replace(new RegExp(w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), (m) => `${pre}${m}${post}`);
          }
          formatted[field] = text;
        }
        hit._formatted = formatted;
      }
      if (body.showRankingScore === true) hit._rankingScore = 1;
      return hit;
    });
    const base = { hits, query: typeof body.q === "string" ? body.q : "", processingTimeMs: 0 };
    if (page !== undefined) {
      const per = hitsPerPage ?? 20;
      return {
        ...base,
        hitsPerPage: per,
        page,
        totalPages: per > 0 ? Math.ceil(matches.length / per) : 0,
        totalHits: matches.length,
      };
    }
    return { ...base, limit, offset, estimatedTotalHits: matches.length };
  }

  function documentId(index: StandInIndex, doc: unknown, primaryKey: string): string {
    if (!isObject(doc)) throw new ApiError(400, "malformed_payload", "Documents must be JSON objects");
    const raw = doc[primaryKey];
    if (raw === undefined) {
      throw new ApiError(
        400,
        "missing_document_id",
        `Document doesn't have a \`${primaryKey}\` attribute: \`${JSON.stringify(doc)}\`.`,
      );
    }
    const id = typeof raw === "number" && Number.isInteger(raw) ? String(raw) : raw;
    if (typeof id !== "string" || !DOC_ID.test(id)) {
      throw new ApiError(400, "invalid_document_id", `Document identifier \`${JSON.stringify(raw)}\` is invalid.`);
    }
    return id;
  }

  function route(method: string, path: string, query: Record<string, string>, body: unknown): [number, unknown] {
    let m: RegExpExecArray | null;
    if (method === "GET" && path === "/health") return [200, { status: "available" }];

    if (path === "/indexes" && method === "POST") {
      if (!isObject(body)) throw new ApiError(400, "bad_request", "Expected a JSON object");
      rejectUnknownFields(body, ["uid", "primaryKey"]);
      if (typeof body.uid !== "string") throw new ApiError(400, "missing_index_uid", "Missing field `uid`");
      if (!UID.test(body.uid))
        throw new ApiError(400, "invalid_index_uid", `\`${body.uid}\` is not a valid index uid.`);
      if (body.primaryKey !== undefined && body.primaryKey !== null && typeof body.primaryKey !== "string") {
        throw new ApiError(400, "invalid_index_primary_key", "Invalid value type at `.primaryKey`");
      }
      const uid = body.uid;
      const primaryKey = typeof body.primaryKey === "string" ? body.primaryKey : null;
      return [
        202,
        enqueue(uid, "indexCreation", () => {
          if (indexes.has(uid)) throw new ApiError(409, "index_already_exists", `Index \`${uid}\` already exists.`);
          indexes.set(uid, {
            uid,
            primaryKey,
            createdAt: now(),
            updatedAt: now(),
            settings: defaultSettings(),
            docs: new Map(),
          });
          return { primaryKey };
        }),
      ];
    }

    if ((m = /^\/tasks\/(\d+)$/.exec(path)) && method === "GET") {
      const task = tasks.get(Number(m[1]));
      if (!task) throw new ApiError(404, "task_not_found", `Task \`${m[1]}\` not found.`);
      // First poll: processing; then the final state, so clients really have to poll.
      task.status = task.polls === 0 ? "processing" : task.finalStatus;
      task.polls++;
      return [200, taskView(task)];
    }

    if (!(m = /^\/indexes\/([^/]+)(\/.*)?$/.exec(path)))
      throw new ApiError(404, "not_found", `No route for ${method} ${path}`);
    const uid = decodeURIComponent(m[1] ?? "");
    const rest = m[2] ?? "";

    if (rest === "" && method === "GET") {
      const index = getIndex(uid);
      return [200, { uid, primaryKey: index.primaryKey, createdAt: index.createdAt, updatedAt: index.updatedAt }];
    }
    if (rest === "" && method === "PATCH") {
      if (!isObject(body)) throw new ApiError(400, "bad_request", "Expected a JSON object");
      rejectUnknownFields(body, ["primaryKey", "uid"]);
      return [
        202,
        enqueue(uid, "indexUpdate", () => {
          const index = getIndex(uid);
          if (typeof body.primaryKey === "string") {
            if (index.docs.size > 0 && index.primaryKey !== body.primaryKey) {
              throw new ApiError(400, "index_primary_key_already_exists", "Index already has a primary key");
            }
            index.primaryKey = body.primaryKey;
          }
          return { primaryKey: index.primaryKey };
        }),
      ];
    }
    if (rest === "" && method === "DELETE") {
      return [
        202,
        enqueue(uid, "indexDeletion", () => {
          const index = getIndex(uid);
          indexes.delete(uid);
          return { deletedDocuments: index.docs.size };
        }),
      ];
    }
    if (rest === "/settings" && method === "GET") return [200, getIndex(uid).settings];
    if (rest === "/settings" && method === "PATCH") {
      if (!isObject(body)) throw new ApiError(400, "bad_request", "Expected a JSON object");
      rejectUnknownFields(body, [
        "searchableAttributes",
        "filterableAttributes",
        "rankingRules",
        "synonyms",
        "displayedAttributes",
        "typoTolerance",
      ]);
      const typo =
        body.typoTolerance === undefined || body.typoTolerance === null
          ? undefined
          : readTypoTolerance(body.typoTolerance);
      for (const key of ["searchableAttributes", "filterableAttributes", "rankingRules", "displayedAttributes"]) {
        if (body[key] !== undefined && body[key] !== null && !isStringArray(body[key])) {
          const code = `invalid_settings_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
          throw new ApiError(400, code, `Invalid value type at \`.${key}\`: expected an array of strings`);
        }
      }
      if (body.synonyms !== undefined && body.synonyms !== null) {
        if (!isObject(body.synonyms) || !Object.values(body.synonyms).every(isStringArray)) {
          throw new ApiError(400, "invalid_settings_synonyms", "Invalid value type at `.synonyms`");
        }
      }
      return [
        202,
        enqueue(uid, "settingsUpdate", () => {
          const index = ensureIndexFor(uid);
          const s = index.settings;
          if (isStringArray(body.searchableAttributes)) s.searchableAttributes = body.searchableAttributes;
          if (isStringArray(body.filterableAttributes)) s.filterableAttributes = body.filterableAttributes;
          if (isStringArray(body.rankingRules)) s.rankingRules = body.rankingRules;
          if (isStringArray(body.displayedAttributes)) s.displayedAttributes = body.displayedAttributes;
          if (isObject(body.synonyms)) s.synonyms = body.synonyms as Record<string, string[]>;
          if (typo) s.typoTolerance = { ...s.typoTolerance, ...typo };
          index.updatedAt = now();
          return body as Record<string, Json>;
        }),
      ];
    }
    if (rest === "/documents" && method === "POST") {
      if (!Array.isArray(body))
        throw new ApiError(400, "malformed_payload", "The `json` payload must be an array of documents");
      const queryPk = query.primaryKey;
      return [
        202,
        enqueue(uid, "documentAdditionOrUpdate", () => {
          const index = ensureIndexFor(uid);
          if (queryPk !== undefined && index.primaryKey !== null && index.primaryKey !== queryPk) {
            throw new ApiError(400, "index_primary_key_already_exists", "Index already has a primary key");
          }
          const primaryKey = index.primaryKey ?? queryPk ?? "id";
          const parsed = body.map((doc) => [documentId(index, doc, primaryKey), doc as Doc] as const);
          index.primaryKey = primaryKey;
          for (const [id, doc] of parsed) index.docs.set(id, doc);
          return { receivedDocuments: body.length, indexedDocuments: body.length };
        }),
      ];
    }
    if (rest === "/documents" && method === "DELETE") {
      return [
        202,
        enqueue(uid, "documentDeletion", () => {
          const index = getIndex(uid);
          const deleted = index.docs.size;
          index.docs.clear();
          return { providedIds: 0, deletedDocuments: deleted, originalFilter: null };
        }),
      ];
    }
    if (rest === "/documents/delete-batch" && method === "POST") {
      if (!Array.isArray(body) || !body.every((id) => typeof id === "string" || typeof id === "number")) {
        throw new ApiError(400, "bad_request", "Expected an array of document ids");
      }
      return [
        202,
        enqueue(uid, "documentDeletion", () => {
          const index = getIndex(uid);
          let deleted = 0;
          for (const id of body) if (index.docs.delete(String(id))) deleted++;
          return { providedIds: body.length, deletedDocuments: deleted, originalFilter: null };
        }),
      ];
    }
    if (rest === "/search" && method === "POST") {
      if (!isObject(body)) throw new ApiError(400, "bad_request", "Expected a JSON object");
      return [200, search(getIndex(uid), body)];
    }
    if (rest === "/stats" && method === "GET") {
      const index = getIndex(uid);
      const fieldDistribution: Record<string, number> = {};
      for (const doc of index.docs.values())
        for (const k of Object.keys(doc)) fieldDistribution[k] = (fieldDistribution[k] ?? 0) + 1;
      return [200, { numberOfDocuments: index.docs.size, isIndexing: false, fieldDistribution }];
    }
    throw new ApiError(405, "method_not_allowed", `No route for ${method} ${path}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const method = req.method ?? "GET";
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: undefined,
    };
    requests.push(record);

    const send = (status: number, payload: unknown): void => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    try {
      if (apiKey !== undefined) {
        const auth = req.headers.authorization;
        if (!auth)
          throw new ApiError(
            401,
            "missing_authorization_header",
            "The Authorization header is missing. It must use the bearer authorization method.",
            "auth",
          );
        if (auth !== `Bearer ${apiKey}`)
          throw new ApiError(403, "invalid_api_key", "The provided API key is invalid.", "auth");
      }
      if (raw !== "" && method !== "GET") {
        if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
          throw new ApiError(415, "invalid_content_type", "The Content-Type header must be application/json");
        }
        try {
          record.body = JSON.parse(raw);
        } catch {
          throw new ApiError(400, "malformed_payload", "The json payload provided is malformed.");
        }
      } else if (method === "POST" || method === "PATCH") {
        throw new ApiError(400, "missing_payload", "A json payload is missing.");
      }
      const [status, payload] = route(method, url.pathname, record.query, record.body);
      send(status, payload);
    } catch (error) {
      if (error instanceof ApiError) send(error.status, errorBody(error.code, error.message, error.type));
      else send(500, errorBody("internal", String(error), "internal"));
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    calls: () => requests.filter((r) => !r.path.startsWith("/tasks/")),
    failNextTask(code, message) {
      injectedFailure = { code, message };
    },
    reset() {
      requests.length = 0;
      indexes.clear();
      tasks.clear();
      injectedFailure = undefined;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
