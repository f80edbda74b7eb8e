// Cleaning of what the list-views forms post, shared by the saved-views and column-choice services.
// The server does not know each list's filters, so it keeps the search string generic: the list
// page normalises it (ListQueryKit.normalise) again when it reads a view.

const LIST_KEY = /^[a-z][a-z0-9.-]{0,49}$/;
const COLUMN_ID = /^[A-Za-z][\w-]{0,39}$/;
/** Parameters that are list position or presentation, never part of a view's filters. */
const NOT_FILTERS = new Set(["page", "cursor", "view", "cols", "flash", "flashCount"]);

export const VIEW_NAME_MAX = 60;
export const VIEW_QUERY_MAX = 1000;
export const COLUMNS_MAX = 500;

export function isListKey(value: unknown): value is string {
  return typeof value === "string" && LIST_KEY.test(value);
}

/** The search string without position/presentation parameters and empty values, or null if too long. */
export function cleanViewQuery(raw: string): string | null {
  const params = new URLSearchParams(raw.startsWith("?") ? raw.slice(1) : raw);
  const out = new URLSearchParams();
  for (const [k, v] of params) if (!NOT_FILTERS.has(k) && v !== "" && !out.has(k)) out.set(k, v);
  const search = out.toString();
  return search.length <= VIEW_QUERY_MAX ? search : null;
}

/** Column ids from "a,b,c" or a list, deduplicated, invalid ids dropped; null for none. */
export function cleanColumns(raw: string | readonly string[] | null | undefined): string[] | null {
  if (!raw) return null;
  const parts = typeof raw === "string" ? raw.split(",") : raw;
  const ids = [...new Set(parts.map((s) => s.trim()))].filter((id) => COLUMN_ID.test(id));
  if (!ids.length) return null;
  // Fit the column; a list never has this many columns anyway.
  while (ids.join(",").length > COLUMNS_MAX) ids.pop();
  return ids;
}

export function cleanViewName(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const name = raw.replace(/\s+/g, " ").trim();
  return name.length >= 1 && [...name].length <= VIEW_NAME_MAX ? name : null;
}
