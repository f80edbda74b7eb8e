// Client-safe shapes of the training classroom's search (decision 043), for pages and components.

/** Longest query read from the request; longer input is cut, never refused. */
export const QUERY_MAX = 100;

export type ForumSearchKind = "thread" | "post" | "lesson";

export interface ForumSearchHit {
  kind: ForumSearchKind;
  id: number;
  href: string;
  /** HTML-safe (escaped, `<mark>` around matches). */
  titleHtml: string;
  snippetHtml: string | null;
  classroomName: string;
  solved: boolean;
}

export interface ForumSearchResult {
  q: string;
  threads: ForumSearchHit[];
  posts: ForumSearchHit[];
  lessons: ForumSearchHit[];
}
