// Forum threads, replies and courseware lessons → search documents (issue #17 item 7, decision 043).
// Only what anyone could read goes in: hidden, deleted (and their threads') posts and unpublished
// lessons are "missing" rows, so a sync removes them from the index. Readers still re-check every
// hit against the database with their own visibility (app/modules/forum/forum-search.server.ts),
// so a job that has not run yet can never show a post hidden a moment ago.

import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { richTextToPlain } from "#app/lib/rich-text.server.ts";

/** Long posts: the start carries what people search for (as for knowledge articles). */
export const FORUM_TEXT_LIMIT = 4000;

export interface ForumThreadSearchDocument {
  [field: string]: unknown;
  id: number;
  classroomId: number;
  title: string;
  tags: string | null;
  /** Plain text of the opening post. */
  body: string;
}

export interface ForumPostSearchDocument {
  [field: string]: unknown;
  id: number;
  classroomId: number;
  threadId: number;
  body: string;
}

export interface CourseLessonSearchDocument {
  [field: string]: unknown;
  id: number;
  classroomId: number;
  title: string;
  summary: string | null;
  body: string;
}

/** Threads anyone allowed into the classroom may read. */
export const indexedThreadWhere = { deletedAt: null, hiddenAt: null } satisfies Prisma.ForumThreadWhereInput;

/** Replies anyone allowed into the classroom may read (their thread too). */
export const indexedPostWhere = {
  isOpening: false,
  deletedAt: null,
  hiddenAt: null,
  thread: indexedThreadWhere,
} satisfies Prisma.ForumPostWhereInput;

/** Published lessons of published chapters (drafts are for staff, who edit them in the back office). */
export const indexedLessonWhere = {
  status: "published",
  chapter: { status: "published" },
} satisfies Prisma.CourseLessonWhereInput;

/** The rows one read takes (documents.server.ts `tableSource` passes ids or a keyset window). */
interface RowWindow {
  where: { id: { in: number[] } | { gt: number } };
  orderBy?: { id: "asc" };
  take?: number;
}

const text = (html: string) => richTextToPlain(html).replace(/\s+/g, " ").trim().slice(0, FORUM_TEXT_LIMIT);

// Tables for documents.server.ts's `tableSource` (kept free of imports from it: no import cycle).
export const forumThreadTable = {
  count: (db: DbOrTx) => db.forumThread.count({ where: indexedThreadWhere }),
  findRows: (db: DbOrTx, window: RowWindow) =>
    db.forumThread.findMany({
      ...window,
      where: { ...window.where, ...indexedThreadWhere },
      select: {
        id: true,
        classroomId: true,
        title: true,
        tags: true,
        posts: { where: { isOpening: true }, select: { bodyText: true }, take: 1 },
      },
    }),
  toDocument: (row: {
    id: number;
    classroomId: number;
    title: string;
    tags: string | null;
    posts: Array<{ bodyText: string }>;
  }): ForumThreadSearchDocument => ({
    id: row.id,
    classroomId: row.classroomId,
    title: row.title,
    tags: row.tags,
    body: (row.posts[0]?.bodyText ?? "").slice(0, FORUM_TEXT_LIMIT),
  }),
};

export const forumPostTable = {
  count: (db: DbOrTx) => db.forumPost.count({ where: indexedPostWhere }),
  findRows: (db: DbOrTx, window: RowWindow) =>
    db.forumPost.findMany({
      ...window,
      where: { ...window.where, ...indexedPostWhere },
      select: { id: true, threadId: true, bodyText: true, thread: { select: { classroomId: true } } },
    }),
  toDocument: (row: {
    id: number;
    threadId: number;
    bodyText: string;
    thread: { classroomId: number };
  }): ForumPostSearchDocument => ({
    id: row.id,
    classroomId: row.thread.classroomId,
    threadId: row.threadId,
    body: row.bodyText.slice(0, FORUM_TEXT_LIMIT),
  }),
};

export const courseLessonTable = {
  count: (db: DbOrTx) => db.courseLesson.count({ where: indexedLessonWhere }),
  findRows: (db: DbOrTx, window: RowWindow) =>
    db.courseLesson.findMany({
      ...window,
      where: { ...window.where, ...indexedLessonWhere },
      select: { id: true, title: true, summary: true, bodyHtml: true, chapter: { select: { classroomId: true } } },
    }),
  toDocument: (row: {
    id: number;
    title: string;
    summary: string | null;
    bodyHtml: string;
    chapter: { classroomId: number };
  }): CourseLessonSearchDocument => ({
    id: row.id,
    classroomId: row.chapter.classroomId,
    title: row.title,
    summary: row.summary,
    body: text(row.bodyHtml),
  }),
};
