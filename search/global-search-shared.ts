// Client-safe parts of the global search (kinds, limits, result types): the results page and the
// box import these; the search itself lives in global-search.server.ts.
import type { MessageKey } from "#app/lib/i18n/translate.ts";

export const GLOBAL_SEARCH_KINDS = ["contacts", "companies", "leads", "opportunities"] as const;
export type GlobalSearchKind = (typeof GLOBAL_SEARCH_KINDS)[number];

/** Longest query we send to the engine (a pasted paragraph is not a search). */
export const MAX_QUERY_LENGTH = 100;

/** One result row, ready to render: `title`/`subtitle` are HTML-safe (escaped, with `<mark>`). */
export interface GlobalSearchItem {
  kind: GlobalSearchKind;
  id: string;
  title: string;
  subtitle: string;
  /** A status or stage label key, translated by the UI. */
  badge: MessageKey | null;
  href: string;
}

export interface GlobalSearchGroup {
  kind: GlobalSearchKind;
  total: number;
  items: GlobalSearchItem[];
}

export interface GlobalSearchResult {
  q: string;
  /** Only the kinds the viewer may browse, in display order (empty groups included). */
  groups: GlobalSearchGroup[];
  /** The query looks like a person (name, e-mail, phone): offer the contact matcher. */
  personLike: boolean;
}
