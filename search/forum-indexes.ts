// Index settings of the training classroom (issue #17 item 7, decision 043): threads, replies and
// courseware lessons. `classroomId` is filterable so a reader's query only ever ranks documents of
// classrooms they may open; `id` lets a page fetch its hits' highlights again.

import { defineIndex, type IndexSettings } from "./engine.ts";

export const FORUM_SEARCH_INDEX_NAMES = ["forumThreads", "forumPosts", "courseLessons"] as const;
export type ForumSearchIndexName = (typeof FORUM_SEARCH_INDEX_NAMES)[number];

export const FORUM_SEARCH_INDEXES: Record<ForumSearchIndexName, IndexSettings> = {
  forumThreads: defineIndex({
    weights: { title: 10, tags: 6, body: 3 },
    filterable: ["id", "classroomId"],
    // Members type pinyin while asking (kaiji → 开机); titles and tags are what they remember.
    pinyin: [{ name: "title" }, { name: "tags" }],
    exact: [],
  }),
  forumPosts: defineIndex({
    weights: { body: 5 },
    filterable: ["id", "classroomId", "threadId"],
    exact: [],
  }),
  courseLessons: defineIndex({
    weights: { title: 10, summary: 6, body: 3 },
    filterable: ["id", "classroomId"],
    pinyin: [{ name: "title" }, { name: "summary" }],
    exact: [],
  }),
};
