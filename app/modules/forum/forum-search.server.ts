import type { DbOrTx } from "#app/lib/db.server.ts";
import { canExpand } from "#app/modules/courseware/courseware-access.ts";
import { getSearchEngine } from "#search/engine-selection.server.ts";
import type { SearchEngine, SearchHit } from "#search/engine.ts";
import { escapeHtml } from "#search/highlight.ts";
import { ensureSearchReady } from "#search/reindex.server.ts";
import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import type {
  CourseLessonSearchDocument,
  ForumPostSearchDocument,
  ForumThreadSearchDocument,
} from "#search/forum-documents.server.ts";
import { classroomWhere, type ForumViewer } from "./forum-access.ts";
import { QUERY_MAX, type ForumSearchHit, type ForumSearchResult } from "./forum-search-shared.ts";
import { highlightSnippet } from "./forum-snippet.ts";

// Search in the training classroom (issue #17 item 7, decision 043): threads, replies and courseware
// lessons through the `search/` engine (Chinese bigrams + segmenter words, pinyin, typos, prefix of
// the last word as one types). The engine only ranks documents of classrooms the reader may open
// (`classroomId` filter); every hit is then re-read from the database with the reader's visibility
// — never hidden, held (hidden too, decision 041) or deleted, whoever asks — so a sync job that has
// not run yet cannot leak a post hidden a second ago.

export const SEARCH_LIMIT_PER_KIND = 10;
/** Candidates asked from the engine per kind: enough to fill a page after the database check. */
const CANDIDATES = 50;
/** Ids of the classrooms the viewer may open (few rows: classrooms are a short curated list). */
async function visibleClassroomIds(db: DbOrTx, viewer: ForumViewer): Promise<number[]> {
  const rows = await db.classroom.findMany({ where: classroomWhere(viewer), select: { id: true } });
  return rows.map((r) => r.id);
}

function byRank<T extends { id: number }>(hits: readonly SearchHit[], rows: readonly T[]): Array<[SearchHit, T]> {
  const found = new Map(rows.map((r) => [r.id, r]));
  const out: Array<[SearchHit, T]> = [];
  for (const hit of hits) {
    const row = found.get(Number(hit.id));
    if (row) out.push([hit, row]);
  }
  return out;
}

/** Only letters and digits are searched: a query of punctuation alone would match every document. */
const searchable = (q: string) => /[\p{L}\p{N}]/u.test(q);

const marked = (html: string | undefined) => html !== undefined && html.includes("<mark>");

/** Threads, replies and lessons matching `q` that the viewer may read, best first. */
export async function searchForum(
  db: DbOrTx,
  viewer: ForumViewer,
  rawQuery: string,
  deps: { engine?: SearchEngine } = {},
): Promise<ForumSearchResult> {
  const q = rawQuery.trim().slice(0, QUERY_MAX);
  const empty: ForumSearchResult = { q, threads: [], posts: [], lessons: [] };
  if (!searchable(q)) return empty;
  const classroomIds = await visibleClassroomIds(db, viewer);
  if (classroomIds.length === 0) return empty;
  const engine = await ensureSearchReady(deps.engine ?? getSearchEngine());
  const ask = <D extends Record<string, unknown>>(index: string) =>
    engine.query<D>(index, { q, filters: { classroomId: classroomIds }, limit: CANDIDATES, highlight: true });
  const [threadHits, postHits, lessonHits] = await Promise.all([
    ask<ForumThreadSearchDocument>("forumThreads"),
    ask<ForumPostSearchDocument>("forumPosts"),
    ask<CourseLessonSearchDocument>("courseLessons"),
  ]);
  const [threads, posts, lessons] = await Promise.all([
    threadRows(db, viewer, threadHits.hits),
    postRows(db, viewer, postHits.hits),
    lessonRows(db, viewer, lessonHits.hits),
  ]);
  return { q, threads, posts, lessons };
}

const publicThread = { deletedAt: null, hiddenAt: null } as const;

async function threadRows(db: DbOrTx, viewer: ForumViewer, hits: readonly SearchHit[]): Promise<ForumSearchHit[]> {
  if (hits.length === 0) return [];
  const rows = await db.forumThread.findMany({
    where: { id: { in: hits.map((h) => Number(h.id)) }, ...publicThread, classroom: classroomWhere(viewer) },
    select: { id: true, title: true, acceptedPostId: true, classroom: { select: { name: true } } },
  });
  return byRank(hits, rows)
    .slice(0, SEARCH_LIMIT_PER_KIND)
    .map(([hit, row]) => ({
      kind: "thread",
      id: row.id,
      href: `/forum/t/${row.id}`,
      // The database title, not the indexed one: an edit may not have reached the index yet.
      titleHtml: hit.highlights.title && hit.doc.title === row.title ? hit.highlights.title : escapeHtml(row.title),
      snippetHtml: highlightSnippet(hit.highlights.body),
      classroomName: row.classroom.name,
      solved: row.acceptedPostId !== null,
    }));
}

async function postRows(db: DbOrTx, viewer: ForumViewer, hits: readonly SearchHit[]): Promise<ForumSearchHit[]> {
  if (hits.length === 0) return [];
  const rows = await db.forumPost.findMany({
    where: {
      id: { in: hits.map((h) => Number(h.id)) },
      isOpening: false,
      deletedAt: null,
      hiddenAt: null,
      thread: { ...publicThread, classroom: classroomWhere(viewer) },
    },
    select: {
      id: true,
      threadId: true,
      thread: { select: { title: true, acceptedPostId: true, classroom: { select: { name: true } } } },
    },
  });
  return byRank(hits, rows)
    .slice(0, SEARCH_LIMIT_PER_KIND)
    .map(([hit, row]) => ({
      kind: "post",
      id: row.id,
      href: `/forum/t/${row.threadId}#post-${row.id}`,
      titleHtml: escapeHtml(row.thread.title),
      snippetHtml: highlightSnippet(hit.highlights.body),
      classroomName: row.thread.classroom.name,
      solved: row.thread.acceptedPostId === row.id,
    }));
}

async function lessonRows(db: DbOrTx, viewer: ForumViewer, hits: readonly SearchHit[]): Promise<ForumSearchHit[]> {
  // Visitors see titles and summaries only (decision 036): a match only in the body is not theirs.
  const expand = canExpand(viewer);
  const allowed = expand ? hits : hits.filter((h) => marked(h.highlights.title) || marked(h.highlights.summary));
  if (allowed.length === 0) return [];
  const rows = await db.courseLesson.findMany({
    where: {
      id: { in: allowed.map((h) => Number(h.id)) },
      status: "published",
      chapter: { status: "published", classroom: classroomWhere(viewer) },
    },
    select: {
      id: true,
      title: true,
      chapter: { select: { classroomId: true, classroom: { select: { name: true } } } },
    },
  });
  return byRank(allowed, rows)
    .slice(0, SEARCH_LIMIT_PER_KIND)
    .map(([hit, row]) => ({
      kind: "lesson",
      id: row.id,
      href: `/classroom/${row.chapter.classroomId}/lessons/${row.id}`,
      titleHtml: hit.highlights.title && hit.doc.title === row.title ? hit.highlights.title : escapeHtml(row.title),
      snippetHtml: highlightSnippet(hit.highlights.summary) ?? (expand ? highlightSnippet(hit.highlights.body) : null),
      classroomName: row.chapter.classroom.name,
      solved: false,
    }));
}

export interface SimilarQuestion {
  id: number;
  title: string;
  replyCount: number;
  classroomId: number;
  solved: boolean;
}

/** Words worth searching alone: segmenter words of 2+ characters, longest first (at most four). */
function keyWords(text: string): string[] {
  const segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });
  const words = new Set<string>();
  for (const part of segmenter.segment(text)) {
    const word = part.segment.trim();
    if (part.isWordLike && [...word].length >= 2) words.add(word);
  }
  return [...words].sort((a, b) => b.length - a.length).slice(0, 4);
}

/**
 * "Similar questions" while a member types a new question's title: the threads index (title, tags,
 * opening post; pinyin; the last word matched as a prefix), visible threads only, best first.
 */
export async function similarQuestions(
  db: DbOrTx,
  viewer: ForumViewer,
  text: string,
  limit = 5,
  deps: { engine?: SearchEngine } = {},
): Promise<SimilarQuestion[]> {
  const q = text.trim().slice(0, QUERY_MAX);
  if ([...q].length < 2 || !searchable(q)) return [];
  const classroomIds = await visibleClassroomIds(db, viewer);
  if (classroomIds.length === 0) return [];
  const engine = await ensureSearchReady(deps.engine ?? getSearchEngine());
  // The whole title first (all words, the last one as a prefix), then its longest words one by one:
  // a half-typed question that matches one thread exactly must not hide others sharing a key word.
  const hits = new Map<string, SearchHit>();
  for (const query of [q, ...keyWords(q)]) {
    if (hits.size >= limit * 3) break;
    const result = await engine.query<ForumThreadSearchDocument>("forumThreads", {
      q: query,
      filters: { classroomId: classroomIds },
      limit: limit * 3,
    });
    for (const hit of result.hits) if (!hits.has(hit.id)) hits.set(hit.id, hit);
  }
  if (hits.size === 0) return [];
  const ranked = [...hits.values()];
  const rows = await db.forumThread.findMany({
    where: { id: { in: ranked.map((h) => Number(h.id)) }, ...publicThread, classroom: classroomWhere(viewer) },
    select: { id: true, title: true, replyCount: true, acceptedPostId: true, classroomId: true },
  });
  return byRank(ranked, rows)
    .slice(0, limit)
    .map(([, row]) => ({
      id: row.id,
      title: row.title,
      replyCount: row.replyCount,
      classroomId: row.classroomId,
      solved: row.acceptedPostId !== null,
    }));
}

/**
 * Keeps the forum indexes in step, in the caller's transaction (the public "record changed → index"
 * API). A thread change (title, hide, delete, move) re-syncs its replies too: they carry its
 * classroom and disappear with it.
 */
export async function syncThreadSearch(tx: DbOrTx, threadId: number): Promise<void> {
  const posts = await tx.forumPost.findMany({ where: { threadId, isOpening: false }, select: { id: true } });
  await enqueueSearchSync(tx, "forumThreads", [threadId]);
  if (posts.length > 0)
    await enqueueSearchSync(
      tx,
      "forumPosts",
      posts.map((p) => p.id),
    );
}

/** A reply was written, edited, hidden, shown again or deleted. An opening post is its thread. */
export async function syncPostSearch(tx: DbOrTx, postId: number): Promise<void> {
  const post = await tx.forumPost.findUnique({ where: { id: postId }, select: { isOpening: true, threadId: true } });
  if (!post) return;
  if (post.isOpening) await enqueueSearchSync(tx, "forumThreads", [post.threadId]);
  else await enqueueSearchSync(tx, "forumPosts", [postId]);
}

/** A post was hidden, shown again or deleted: the opening post takes its thread and replies along. */
export async function syncModeratedSearch(tx: DbOrTx, post: { id: number; threadId: number; isOpening: boolean }) {
  if (post.isOpening) await syncThreadSearch(tx, post.threadId);
  else await enqueueSearchSync(tx, "forumPosts", [post.id]);
}

/** A lesson (or every lesson of a chapter) was saved, published, unpublished or deleted. */
export async function syncLessonSearch(tx: DbOrTx, lessonIds: readonly number[]): Promise<void> {
  if (lessonIds.length > 0) await enqueueSearchSync(tx, "courseLessons", lessonIds);
}
