import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import {
  createChapter,
  createLesson,
  setChapterStatus,
  setLessonStatus,
} from "#app/modules/courseware/course-editor.server.ts";
import { EmbeddedSearchEngine } from "#search/embedded-engine.server.ts";
import { getSearchEngine, setSearchEngine } from "#search/engine-selection.server.ts";
import { catchUpSearchFeed } from "#search/feed-follower.server.ts";
import { ensureSearchReady } from "#search/reindex.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { VISITOR, type ForumViewer } from "./forum-access.ts";
import { deletePost, moveThread, setPostHidden } from "./forum-moderation.server.ts";
import { editPost, replyToThread } from "./forum-posts.server.ts";
import { searchForum, similarQuestions } from "./forum-search.server.ts";
import { highlightSnippet } from "./forum-snippet.ts";
import { createThread } from "./forum-threads.server.ts";
import { createClassroom, memberViewer, staffViewer } from "./forum.test-helpers.ts";

// Forum search: writes reach the index through the sync jobs; what the engine returns is re-read
// with the reader's visibility, so hidden, held, deleted posts and closed classrooms never show.

async function ask(viewer: ForumViewer, classroomId: number, title: string, body = "<p>请问怎么处理？</p>") {
  const result = await createThread(db, viewer, classroomId, { title, body });
  if (result.status !== "ok") throw new Error(`createThread: ${JSON.stringify(result)}`);
  return result.value.threadId;
}

async function reply(viewer: ForumViewer, threadId: number, text: string) {
  const result = await replyToThread(db, viewer, threadId, { body: `<p>${text}</p>` });
  if (result.status !== "ok") throw new Error(`reply: ${JSON.stringify(result)}`);
  return result.value.postId;
}

/** Applies the search change feed to this process's index, as its follower does in the background. */
async function applyJobs() {
  await catchUpSearchFeed(await ensureSearchReady(getSearchEngine()), db);
}

const titles = async (viewer: ForumViewer, q: string) => (await searchForum(db, viewer, q)).threads.map((t) => t.id);
const replies = async (viewer: ForumViewer, q: string) => (await searchForum(db, viewer, q)).posts.map((p) => p.id);

beforeEach(async () => {
  await resetDatabase();
  setSearchEngine(new EmbeddedSearchEngine());
});

afterAll(() => setSearchEngine(undefined));

describe("forum search", () => {
  it("finds threads by Chinese words, pinyin and as-you-type prefixes, and replies by their text", async () => {
    const room = await createClassroom(db);
    const member = await memberViewer(db);
    const other = await memberViewer(db);
    const threadId = await ask(member, room.id, "平衡机开机报警怎么办", "<p>显示 E12 错误</p>");
    const replyId = await reply(other, threadId, "检查主轴传感器的接线");
    await applyJobs();

    expect(await titles(VISITOR, "开机报警")).toEqual([threadId]);
    expect(await titles(VISITOR, "kaiji")).toEqual([threadId]);
    expect(await titles(VISITOR, "E12")).toEqual([threadId]);
    expect(await replies(VISITOR, "传感器")).toEqual([replyId]);
    const hit = (await searchForum(db, VISITOR, "传感器")).posts[0]!;
    expect(hit.href).toBe(`/forum/t/${threadId}#post-${replyId}`);
    expect(hit.snippetHtml).toContain("<mark>传感器</mark>");

    const similar = await similarQuestions(db, other, "平衡机开");
    expect(similar.map((s) => s.id)).toEqual([threadId]);
    // Edits reach the index.
    await editPost(db, member, (await db.forumPost.findFirstOrThrow({ where: { threadId, isOpening: true } })).id, {
      body: "<p>新的描述</p>",
      title: "动平衡仪校准失败",
    });
    await applyJobs();
    expect(await titles(VISITOR, "校准")).toEqual([threadId]);
    expect(await titles(VISITOR, "开机报警")).toEqual([]);
    // A title matching one thread whole still lists others that share a key word.
    const louder = await ask(other, room.id, "平衡机开机报警声音很大");
    await applyJobs();
    expect((await similarQuestions(db, member, "平衡机开机报警声音")).map((s) => s.id)).toEqual([louder, threadId]);
  });

  it("never returns hidden, held or deleted posts, even before the index has caught up", async () => {
    const room = await createClassroom(db);
    const author = await memberViewer(db);
    const other = await memberViewer(db);
    const { viewer: staff } = await staffViewer(db);
    const hiddenThread = await ask(author, room.id, "机密采购意向需要报价");
    const visibleThread = await ask(author, room.id, "公开问题需要帮助");
    const hiddenReply = await reply(author, visibleThread, "机密回复不应出现");
    const deletedReply = await reply(author, visibleThread, "机密删除的回复");
    await applyJobs();
    expect(await titles(other, "机密")).toEqual([hiddenThread]);

    const opening = await db.forumPost.findFirstOrThrow({ where: { threadId: hiddenThread, isOpening: true } });
    expect((await setPostHidden(db, staff, opening.id, true, "商机")).status).toBe("ok");
    expect((await setPostHidden(db, staff, hiddenReply, true, "商机")).status).toBe("ok");
    expect((await deletePost(db, staff, deletedReply, "重复内容")).status).toBe("ok");
    // Held for review (decision 041): held rows carry hiddenAt too.
    const heldReply = await reply(author, visibleThread, "机密待审核回复");
    await applyJobs();
    await db.forumPost.update({ where: { id: heldReply }, data: { hiddenAt: new Date() } });

    // Not yet re-synced: the database check alone must keep them out, for everyone.
    for (const viewer of [other, VISITOR, author, staff]) {
      const result = await searchForum(db, viewer, "机密");
      expect(result.threads, viewer.kind).toEqual([]);
      expect(result.posts, viewer.kind).toEqual([]);
      expect(await similarQuestions(db, viewer, "机密采购意向")).toEqual([]);
    }
    // And once the jobs ran, the index no longer holds them at all.
    await applyJobs();
    const engine = new EmbeddedSearchEngine();
    setSearchEngine(engine);
    expect((await searchForum(db, other, "机密")).posts).toEqual([]);
    const raw = await engine.query("forumPosts", { q: "机密" });
    expect(raw.hits.map((h) => Number(h.id)).sort()).toEqual([]);
    const rawThreads = await engine.query("forumThreads", { q: "机密" });
    expect(rawThreads.hits).toEqual([]);
    // Shown again: found again.
    expect((await setPostHidden(db, staff, hiddenReply, false)).status).toBe("ok");
    await applyJobs();
    expect(await replies(other, "机密")).toEqual([hiddenReply]);
  });

  it("keeps classrooms the reader may not open out of results, following a moved thread", async () => {
    const open = await createClassroom(db, { name: "产品入门" });
    const customers = await createClassroom(db, { name: "客户专区", visibility: "customers" });
    const prospect = await memberViewer(db, { level: "prospect" });
    const customer = await memberViewer(db, { level: "customer" });
    const { viewer: staff } = await staffViewer(db);
    const threadId = await ask(customer, customers.id, "客户专属固件升级");
    await reply(customer, threadId, "固件升级包在哪里下载");
    await applyJobs();
    expect(await titles(customer, "固件")).toEqual([threadId]);
    for (const viewer of [prospect, VISITOR]) {
      const result = await searchForum(db, viewer, "固件");
      expect(result.threads).toEqual([]);
      expect(result.posts).toEqual([]);
      expect(await similarQuestions(db, viewer, "客户专属固件")).toEqual([]);
    }
    expect((await moveThread(db, staff, threadId, open.id)).status).toBe("ok");
    await applyJobs();
    expect(await titles(VISITOR, "固件")).toEqual([threadId]);
    expect((await searchForum(db, VISITOR, "固件")).posts).toHaveLength(1);
  });

  it("finds published lessons; visitors only by title or summary, never drafts", async () => {
    const room = await createClassroom(db);
    const { actor } = await staffViewer(db);
    const member = await memberViewer(db);
    const chapter = await createChapter(db, actor, room.id, { title: "第一章", summary: null });
    if (chapter.status !== "ok") throw new Error("chapter");
    const lesson = await createLesson(db, actor, room.id, {
      chapterId: chapter.value.id,
      title: "安装调试入门",
      summary: "从开箱到通电",
      bodyHtml: "<p>拧紧地脚螺栓后再校准</p>",
      threadId: null,
    });
    if (lesson.status !== "ok") throw new Error("lesson");
    await applyJobs();
    expect((await searchForum(db, member, "安装调试")).lessons).toEqual([]);
    await setLessonStatus(db, actor, room.id, lesson.value.id, "published");
    await applyJobs();
    const lessons = async (viewer: ForumViewer, q: string) =>
      (await searchForum(db, viewer, q)).lessons.map((l) => l.id);
    expect(await lessons(VISITOR, "anzhuang")).toEqual([lesson.value.id]);
    expect(await lessons(VISITOR, "开箱")).toEqual([lesson.value.id]);
    expect(await lessons(member, "地脚螺栓")).toEqual([lesson.value.id]);
    // The body is for signed-in members (decision 036).
    expect(await lessons(VISITOR, "地脚螺栓")).toEqual([]);
    // Taking the chapter back hides its lessons.
    await setChapterStatus(db, actor, room.id, chapter.value.id, "draft");
    expect(await lessons(member, "地脚螺栓")).toEqual([]);
    await applyJobs();
    expect(await lessons(member, "安装")).toEqual([]);
  });

  it("answers nothing for an empty or one-character question and survives odd input", async () => {
    const room = await createClassroom(db);
    const member = await memberViewer(db);
    await ask(member, room.id, "<script>alert(1)</script> 报警");
    await applyJobs();
    expect(await similarQuestions(db, member, "报")).toEqual([]);
    expect(await searchForum(db, member, "   ")).toEqual({ q: "", threads: [], posts: [], lessons: [] });
    const hit = (await searchForum(db, member, "报警")).threads[0]!;
    expect(hit.titleHtml).not.toContain("<script>");
    expect(hit.titleHtml).toContain("&lt;script&gt;");
    expect((await searchForum(db, member, "\u0000%_'\"".repeat(50))).threads).toEqual([]);
  });
});

describe("highlightSnippet", () => {
  it("cuts around the first match without splitting entities or leaving a mark open", () => {
    const html = `${"甲".repeat(50)}&amp;前文 <mark>命中</mark> ${"乙".repeat(200)}`;
    const snippet = highlightSnippet(html, 20, 5)!;
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet).toContain("<mark>命中</mark>");
    expect(snippet.endsWith("…")).toBe(true);
    expect(highlightSnippet(`a&amp;b <mark>x${"y".repeat(10)}</mark>`, 4, 3)).toBe("…&amp;b <mark>x</mark>…");
    expect(highlightSnippet("no match")).toBeNull();
    expect(highlightSnippet(undefined)).toBeNull();
  });
});
