import { z } from "zod";

// One definition per list page of what its URL may say: search text, typed filters, an allow-listed
// sort, page or keyset cursor, the saved view and the chosen columns. The URL is the whole state of
// a list (bookmarkable, works without JavaScript), so parsing never throws: a value that does not
// parse falls back to its default, and `hrefFor` writes the URL back leaving defaults out.

export type SortDir = "asc" | "desc";

/** A filter's schema: it must accept `undefined` (build them with `listFilters`). */
export type FilterSchema = z.ZodType;
export type FilterShape = Record<string, FilterSchema>;
export type FilterValues<F extends FilterShape> = { [K in keyof F]: z.output<F[K]> };

/** Parameter names the kit owns; a filter may not use them. */
export const RESERVED_PARAMS = ["q", "sort", "dir", "page", "cursor", "view", "cols"] as const;

export interface ListBase<S extends string> {
  /** Trimmed search text, "" for none. */
  q: string;
  sort: S;
  dir: SortDir;
  /** 1-based page number (numbered paging). */
  page: number;
  /** Opaque keyset cursor (keyset paging), null on the first page. */
  cursor: string | null;
  /** The saved view the list was opened from, if any. */
  view: number | null;
  /** Columns asked for in the URL, or null to use the view's / the user's / the default choice. */
  cols: string[] | null;
}

export type ListQuery<F extends FilterShape, S extends string> = ListBase<S> & FilterValues<F>;

export interface ListDefinition<F extends FilterShape, S extends string> {
  /** Stable key of the list for saved views and column choices, e.g. "crm.leads". */
  key: string;
  filters: F;
  /** Allowed sort keys, each with the direction a first click on its header gives. */
  sorts: Record<S, SortDir>;
  defaultSort: NoInfer<S>;
  /** Direction of the default sort; defaults to the key's own direction. */
  defaultDir?: SortDir;
  /** Known column ids: `cols` keeps only these. */
  columns?: readonly string[];
  /** Columns shown until the user chooses (default: all of `columns`). */
  defaultColumns?: readonly string[];
  /** Filters that "clear filters" keeps and `isFiltered` ignores (e.g. a tab). */
  sticky?: ReadonlyArray<keyof F & string>;
  /** Longest accepted search text (longer is cut); 100 by default. */
  searchMax?: number;
}

export type Overrides<F extends FilterShape, S extends string> = Partial<ListQuery<F, S>>;

export interface ListQueryKit<F extends FilterShape, S extends string> {
  readonly key: string;
  readonly definition: ListDefinition<F, S>;
  /** The query of a bare URL. */
  readonly defaults: ListQuery<F, S>;
  parse(params: ParamSource): ListQuery<F, S>;
  /** `path` plus the query string of `query` with `overrides`, defaults left out. */
  hrefFor(path: string, query: ListQuery<F, S>, overrides?: Overrides<F, S>): string;
  /** Search string of q + filters + sort (no page, cursor, view, columns): what a saved view stores. */
  searchOf(query: ListQuery<F, S>): string;
  /** `searchOf`, normalised from any search string (drops unknown or invalid values). */
  normalise(search: string): string;
  /** True when q or a non-sticky filter differs from its default. */
  isFiltered(query: ListQuery<F, S>): boolean;
  /** Overrides that clear q and the non-sticky filters (sort is kept). */
  cleared(): Overrides<F, S>;
  /** Overrides for a click on the header of sort key `key`: flips the direction of the current sort. */
  sortToggle(query: ListQuery<F, S>, key: S): Overrides<F, S>;
  isSortKey(key: string): key is S;
  /**
   * Hidden fields a filter form must send to keep what it does not edit: sticky filters, sort, dir,
   * view and columns (page and cursor are dropped: new filters start at the first page).
   */
  carry(query: ListQuery<F, S>): Array<readonly [string, string]>;
}

export type ParamSource = URLSearchParams | FormData | Iterable<readonly [string, FormDataEntryValue]>;

const CURSOR = /^[\w.~:-]{1,1200}$/;
const COLUMN_ID = /^[A-Za-z][\w-]{0,39}$/;
const MAX_PAGE = 100_000;

function firstValues(params: ParamSource): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of params as Iterable<[string, FormDataEntryValue]>) {
    if (typeof v === "string" && !out.has(k)) out.set(k, v);
  }
  return out;
}

function parseWith<T>(schema: z.ZodType<T>, raw: string | undefined): T {
  const value = raw === undefined || raw.trim() === "" ? undefined : raw;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // A present but invalid value falls back to what an absent one gives.
  const fallback = schema.safeParse(undefined);
  return (fallback.success ? fallback.data : undefined) as T;
}

function serialise(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.length ? value.join(",") : null;
  return String(value);
}

function parseCols(raw: string | undefined, known: readonly string[] | undefined): string[] | null {
  if (!raw) return null;
  const ids = [...new Set(raw.split(",").map((s) => s.trim()))].filter(
    (id) => COLUMN_ID.test(id) && (!known || known.includes(id)),
  );
  return ids.length ? ids : null;
}

export function defineListQuery<F extends FilterShape, S extends string>(
  definition: ListDefinition<F, S>,
): ListQueryKit<F, S> {
  for (const name of Object.keys(definition.filters)) {
    if ((RESERVED_PARAMS as readonly string[]).includes(name)) {
      throw new Error(`List filter "${name}" uses a reserved parameter name`);
    }
  }
  const filterNames = Object.keys(definition.filters) as Array<keyof F & string>;
  const sortKeys = Object.keys(definition.sorts) as S[];
  const searchMax = definition.searchMax ?? 100;
  const sticky = new Set<string>(definition.sticky ?? []);
  const naturalDir = (key: S): SortDir => definition.sorts[key];
  const defaultDir = definition.defaultDir ?? naturalDir(definition.defaultSort);
  const isSortKey = (key: string): key is S => (sortKeys as string[]).includes(key);

  function parse(params: ParamSource): ListQuery<F, S> {
    const raw = firstValues(params);
    const sortRaw = raw.get("sort");
    const sort = sortRaw && isSortKey(sortRaw) ? sortRaw : definition.defaultSort;
    const dirRaw = raw.get("dir");
    const dir: SortDir =
      dirRaw === "asc" || dirRaw === "desc" ? dirRaw : sort === definition.defaultSort ? defaultDir : naturalDir(sort);
    const pageNumber = Number(raw.get("page"));
    const viewNumber = Number(raw.get("view"));
    const cursor = raw.get("cursor");
    const base: ListBase<S> = {
      q: (raw.get("q") ?? "").trim().slice(0, searchMax),
      sort,
      dir,
      page: Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= MAX_PAGE ? pageNumber : 1,
      cursor: cursor && CURSOR.test(cursor) ? cursor : null,
      view: Number.isInteger(viewNumber) && viewNumber >= 1 && viewNumber <= 2_147_483_647 ? viewNumber : null,
      cols: parseCols(raw.get("cols"), definition.columns),
    };
    const filters = {} as FilterValues<F>;
    for (const name of filterNames) {
      filters[name] = parseWith(definition.filters[name]!, raw.get(name)) as FilterValues<F>[typeof name];
    }
    return { ...filters, ...base };
  }

  const defaults = parse(new URLSearchParams());

  function params(query: ListQuery<F, S>, withState: boolean): URLSearchParams {
    const out = new URLSearchParams();
    if (query.q) out.set("q", query.q);
    for (const name of filterNames) {
      const value = serialise(query[name]);
      if (value !== null && value !== serialise(defaults[name])) out.set(name, value);
    }
    const sortDefault = query.sort === definition.defaultSort ? defaultDir : naturalDir(query.sort);
    if (query.sort !== definition.defaultSort) out.set("sort", query.sort);
    if (query.dir !== sortDefault) out.set("dir", query.dir);
    if (withState) {
      if (query.page > 1) out.set("page", String(query.page));
      if (query.cursor) out.set("cursor", query.cursor);
      if (query.view) out.set("view", String(query.view));
      if (query.cols?.length) out.set("cols", query.cols.join(","));
    }
    return out;
  }

  function hrefFor(path: string, query: ListQuery<F, S>, overrides: Overrides<F, S> = {}): string {
    const next = { ...query, ...overrides } as ListQuery<F, S>;
    // Another filter or order starts again at the first page, unless the caller names a page.
    const reshapes = Object.keys(overrides).some((k) => !["page", "cursor", "view", "cols"].includes(k));
    if (reshapes && !("page" in overrides)) next.page = 1;
    if (reshapes && !("cursor" in overrides)) next.cursor = null;
    const search = params(next, true).toString();
    return search ? `${path}?${search}` : path;
  }

  const searchOf = (query: ListQuery<F, S>) => params(query, false).toString();

  return {
    key: definition.key,
    definition,
    defaults,
    parse,
    hrefFor,
    searchOf,
    normalise: (search) => searchOf(parse(new URLSearchParams(search))),
    isFiltered: (query) =>
      query.q !== "" ||
      filterNames.some((name) => !sticky.has(name) && serialise(query[name]) !== serialise(defaults[name])),
    cleared: () => {
      const out: Record<string, unknown> = { q: "" };
      for (const name of filterNames) if (!sticky.has(name)) out[name] = defaults[name];
      return out as Overrides<F, S>;
    },
    sortToggle: (query, key) =>
      ({
        sort: key,
        dir: query.sort === key ? (query.dir === "asc" ? "desc" : "asc") : naturalDir(key),
      }) as Overrides<F, S>,
    isSortKey,
    carry: (query) => {
      const all = params(query, true);
      const keep = new Set<string>(["sort", "dir", "view", "cols", ...sticky]);
      return [...all.entries()].filter(([name]) => keep.has(name));
    },
  };
}

const ID_MAX = 2_147_483_647;

/**
 * Filter schemas that never fail: an absent or invalid value gives `undefined` (or the default for
 * `choice(values, fallback)`).
 */
export const listFilters = {
  /** A positive database id. */
  id: () => z.coerce.number().int().positive().max(ID_MAX).optional().catch(undefined),
  /** One of `values`. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined),
  /** One of `values`, `fallback` when absent or invalid (a tab, say). */
  choice: <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
    z.enum(values).catch(fallback),
  /** A calendar day, YYYY-MM-DD. */
  day: () =>
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .catch(undefined),
  /** Free text, trimmed and cut to `max`. */
  text: (max = 100) =>
    z
      .string()
      .transform((s) => s.trim().slice(0, max) || undefined)
      .optional()
      .catch(undefined),
  /** "yes" / "no" (a tri-state with "any" as absent). */
  yesNo: () => z.enum(["yes", "no"]).optional().catch(undefined),
};

export type AnyListQueryKit = ListQueryKit<FilterShape, string>;
