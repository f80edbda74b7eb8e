import type { Oracle, RecordType } from "./oracle.ts";
import { decodeEntities } from "./secrets.ts";

// What the crawler reads out of a back-office page (links, GET forms) and how a URL is classified:
// its route pattern (ids replaced by ":n"), and the records it names, in the path (the page IS that
// record: an outsider must get 403/404) or in a parameter (prefill, pick, filter: the answer may be
// 200, but must not carry that record's texts when it is outside the principal's scope).

export interface RecordRef {
  type: RecordType;
  id: number;
  via: "path" | "param";
  /** For a param reference: the parameter's name (the sweep substitutes other ids into it). */
  param?: string;
  /** The parameter carries the record's number (ACNT…), not its id: not substituted. */
  byNumber?: boolean;
}

/** Path prefixes whose first numeric segment is the page's record; admin pages need an admin. */
const PATH_TYPES: ReadonlyArray<[RegExp, RecordType]> = [
  [/^\/crm\/companies\/(\d+)/, "company"],
  [/^\/crm\/contacts\/(\d+)/, "contact"],
  [/^\/crm\/leads\/(\d+)/, "lead"],
  [/^\/crm\/opportunities\/(\d+)/, "opportunity"],
  [/^\/crm\/service\/(\d+)/, "serviceRequest"],
  [/^\/crm\/assets\/(\d+)/, "asset"],
  [/^\/crm\/service-contracts\/(\d+)/, "contract"],
  [/^\/crm\/zones\/(\d+)/, "zone"],
  [/^\/crm\/members\/(\d+)/, "member"],
  [/^\/crm\/messages\/(\d+)/, "thread"],
  [/^\/crm\/campaigns\/(\d+)/, "campaign"],
  [/^\/crm\/knowledge\/(\d+)/, "article"],
  [/^\/crm\/(admin|dev)(\/|$)()/, "admin"],
];

/** Query parameters that carry a record id (prefill and pick parameters of the back office). */
const PARAM_TYPES: Readonly<Record<string, RecordType>> = {
  companyId: "company",
  company: "company",
  contactId: "contact",
  leadId: "lead",
  opportunityId: "opportunity",
  fromRequest: "serviceRequest",
  requestId: "serviceRequest",
  assetId: "asset",
  parentId: "asset",
  contractId: "contract",
  memberId: "member",
  zoneId: "zone",
  campaignId: "campaign",
  threadId: "thread",
};
/** `?entity=contact&id=5` / `&ids=5,6`: the entity parameter names the type. */
const ENTITY_TYPES: Readonly<Record<string, RecordType>> = {
  company: "company",
  contact: "contact",
  lead: "lead",
  opportunity: "opportunity",
};

/** Never requested: sign-out, downloads that write an audit entry, the list-view writer. */
const SKIP = [/^\/crm\/logout/, /\/export(\/|$|\?|\.)/, /^\/crm\/list-views/, /^\/crm\/record-actions/];

export function isCrawlable(url: string): boolean {
  return /^\/crm(\/|\?|$)/.test(url) && !SKIP.some((re) => re.test(url));
}

export function recordRefs(url: string, oracle: Pick<Oracle, "byNumber">): RecordRef[] {
  const u = new URL(url, "http://x");
  const refs: RecordRef[] = [];
  for (const [re, type] of PATH_TYPES) {
    const match = re.exec(u.pathname);
    if (!match) continue;
    refs.push({ type, id: Number(match[1] ?? 0) || 0, via: "path" });
    break;
  }
  const entity = ENTITY_TYPES[u.searchParams.get("entity") ?? ""];
  for (const [name, value] of u.searchParams) {
    const byNumber = oracle.byNumber.get(value);
    if (byNumber) refs.push({ ...byNumber, via: "param", param: name, byNumber: true });
    const type = PARAM_TYPES[name] ?? (entity && (name === "id" || name === "ids") ? entity : undefined);
    if (!type) continue;
    for (const part of value.split(",")) {
      const id = Number(part.replace(/^existing-/, ""));
      if (Number.isInteger(id) && id > 0) refs.push({ type, id, via: "param", param: name });
    }
  }
  return refs;
}

const idLike = (value: string) => /^(existing-)?\d+(,\d+)*$/.test(value);
const numberLike = (value: string) => /^[A-Z]{4}\d{6,}$/.test(value);

/**
 * The route pattern of a URL: numeric path segments become ":n", parameters that name a record
 * become "name=:n", and any other parameters (filters, sort, paging, search) fold into one "…" so a
 * list page's filter combinations count as one pattern (sampled, not each opened).
 */
export function patternOf(url: string): string {
  const u = new URL(url, "http://x");
  const path = u.pathname.replace(/\/\d+(?=\/|$)/g, "/:n");
  const names = [...new Set([...u.searchParams.keys()])].sort();
  const entity = u.searchParams.has("entity");
  const isRecordParam = (name: string) => {
    const value = u.searchParams.get(name) ?? "";
    if (numberLike(value)) return true;
    return idLike(value) && (name in PARAM_TYPES || (entity && (name === "id" || name === "ids")));
  };
  const parts = names.filter(isRecordParam).map((n) => `${n}=:n`);
  if (names.some((n) => !isRecordParam(n))) parts.push("…");
  return parts.length > 0 ? `${path}?${parts.join("&")}` : path;
}

/** The sorted parameter names of a URL: list URLs with different names exercise different filters. */
export function paramNames(url: string): string {
  return [...new Set(new URL(url, "http://x").searchParams.keys())].sort().join("&");
}

/** Same-site back-office links of a page (anchors), without fragments. */
export function pageLinks(html: string): string[] {
  const out = new Set<string>();
  for (const match of html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)) {
    const href = decodeEntities(match[1]!).split("#")[0]!;
    if (href && isCrawlable(href)) out.add(href);
  }
  return [...out];
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * GET forms of a page (search and filter bars) as URLs: the form as rendered, and one variant per
 * option of each select (capped), and the search box filled with probes that match many records.
 */
export function formUrls(html: string, probes: readonly string[], maxVariants = 6): string[] {
  const out = new Set<string>();
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const tag = match[1]!;
    const method = (attr(tag, "method") ?? "get").toLowerCase();
    // A GET form replaces the action's query string with its fields.
    const action = decodeEntities(attr(tag, "action") ?? "").split("?")[0]!;
    if (method !== "get" || !isCrawlable(action)) continue;
    const inner = match[2]!;
    const base = new URLSearchParams();
    const textFields: string[] = [];
    const selects: Array<[string, string[]]> = [];
    for (const input of inner.matchAll(/<input\b[^>]*>/g)) {
      const name = attr(input[0], "name");
      const type = attr(input[0], "type") ?? "text";
      if (!name || ["submit", "button", "checkbox", "radio", "file"].includes(type)) continue;
      base.set(name, decodeEntities(attr(input[0], "value") ?? ""));
      if (type === "search" || type === "text") textFields.push(name);
    }
    for (const select of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attr(select[1]!, "name");
      if (!name) continue;
      const values = [...select[2]!.matchAll(/<option\b[^>]*\svalue="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
      base.set(name, values[0] ?? "");
      selects.push([name, values.filter((v) => v !== "")]);
    }
    const emit = (params: URLSearchParams) => {
      const clean = new URLSearchParams([...params].filter(([, v]) => v !== ""));
      const query = clean.toString();
      out.add(query ? `${action}?${query}` : action);
    };
    emit(base);
    for (const name of textFields)
      for (const probe of probes) {
        const variant = new URLSearchParams(base);
        variant.set(name, probe);
        emit(variant);
      }
    for (const [name, values] of selects)
      for (const value of values.slice(0, maxVariants)) {
        const variant = new URLSearchParams(base);
        variant.set(name, value);
        emit(variant);
      }
  }
  return [...out];
}

/** The React Router data endpoint of a page URL: /crm/companies/5?x=1 → /crm/companies/5.data?x=1 */
export function dataUrl(url: string): string {
  const u = new URL(url, "http://x");
  const path = u.pathname === "/" ? "/_root" : u.pathname.replace(/\/$/, "");
  return `${path}.data${u.search}`;
}

/** `url` with the id of `ref` replaced by `id` (path segment or parameter value). */
export function withId(url: string, ref: RecordRef, id: number): string {
  const u = new URL(url, "http://x");
  if (ref.via === "param" && ref.param) {
    const value = u.searchParams.get(ref.param) ?? "";
    u.searchParams.set(ref.param, value.startsWith("existing-") ? `existing-${id}` : String(id));
  } else {
    const segments = u.pathname.split("/");
    const index = segments.findIndex((s) => s === String(ref.id));
    if (index >= 0) segments[index] = String(id);
    u.pathname = segments.join("/");
  }
  return `${u.pathname}${u.search}`;
}
