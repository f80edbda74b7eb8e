import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { VISITOR } from "./forum-access.ts";
import { listMemberNotifications } from "./forum-notify.server.ts";
import { setForumLimits } from "./forum-gate.server.ts";
import { acceptAnswer, editPost, postRevisions, replyToThread, toggleLike, toggleWatch } from "./forum-posts.server.ts";
import { openThread } from "./forum-thread-page.server.ts";
import { similarQuestions } from "./forum-search.server.ts";
import { createThread, listThreads, THREAD_PAGE_SIZE } from "./forum-threads.server.ts";
import { createClassroom, memberViewer, staffViewer } from "./forum.test-helpers.ts";

async function ask(
  viewer: Parameters<typeof createThread>[1],
  classroomId: number,
  title: string,
  body = "<p>怎么办？</p>",
) {
  const result = await createThread(db, viewer, classroomId, { title, body });
  if (result.status !== "ok") throw new Error(`createThread: ${JSON.stringify(result)}`);
  return result.value.threadId;
}

async function reply(
  viewer: Parameters<typeof replyToThread>[1],
  threadId: number,
  body: string,
  quotePostId?: number,
) {
  const result = await replyToThread(db, viewer, threadId, { body, quotePostId });
  if (result.status !== "ok") throw new Error(`reply: ${JSON.stringify(result)}`);
  return result.value.postId;
}

describe("forum threads and replies", () => {
  beforeEach(() => resetDatabase());

  it("stores sanitised bodies and shows members by nickname, never their real name", async () => {
    const room = await createClassroom(db);
    const { member } = await import("#tests/factories/members.ts").then((m) =>
      m.createTestMember(db, { nickname: "小周同学", realName: "周真名" }),
    );
    const viewer = { kind: "member" as const, memberId: member.id, audience: member.level };
    await db.member.update({ where: { id: member.id }, data: { forumTrustedAt: new Date() } }); // not held (041)
    const threadId = await ask(
      viewer,
      room.id,
      "平衡机怎么校准？",
      '<p onclick="x()">步骤<script>alert(1)</script><img src=x onerror=alert(1)></p>',
    );
    const page = await openThread(db, VISITOR, threadId);
    expect(page?.opening.bodyHtml).toBe("<p>步骤</p>");
    expect(page?.thread.author).toEqual({ kind: "member", nickname: "小周同学" });
    expect(JSON.stringify(page)).not.toContain("周真名");
    const { viewer: staff } = await staffViewer(db);
    await reply(staff, threadId, "官方回复");
    const again = await openThread(db, VISITOR, threadId);
    expect(again?.replies[0]?.author.kind).toBe("staff");
    expect(again?.replies[0]?.bodyHtml).toBe("<p>官方回复</p>");
  });

  it("refuses visitors, empty bodies and bad titles without writing anything", async () => {
    const room = await createClassroom(db);
    const member = await memberViewer(db);
    expect((await createThread(db, VISITOR, room.id, { title: "访客提问", body: "x" })).status).toBe("not-found");
    expect((await createThread(db, member, room.id, { title: "短", body: "内容" })).status).toBe("invalid");
    expect((await createThread(db, member, room.id, { title: "有效的标题", body: "<p> </p>" })).status).toBe("invalid");
    expect((await createThread(db, member, 999_999, { title: "有效的标题", body: "内容" })).status).toBe("not-found");
    expect(await db.forumThread.count()).toBe(0);
  });

  it("keeps classrooms of a level closed to other levels and visitors, in lists and by id", async () => {
    const open = await createClassroom(db, { name: "公开" });
    const customers = await createClassroom(db, { name: "客户专区", visibility: "customers" });
    const prospect = await memberViewer(db, { level: "prospect" });
    const customer = await memberViewer(db, { level: "customer" });
    const threadId = await ask(customer, customers.id, "客户的问题标题");
    await ask(customer, open.id, "公开的问题标题");
    expect(await listThreads(db, prospect, customers.id, { sort: "activity" })).toBeNull();
    expect(await listThreads(db, VISITOR, customers.id, { sort: "activity" })).toBeNull();
    expect(await openThread(db, prospect, threadId)).toBeNull();
    expect((await replyToThread(db, prospect, threadId, { body: "插话" })).status).toBe("not-found");
    expect((await createThread(db, prospect, customers.id, { title: "越权提问", body: "x" })).status).toBe("not-found");
    expect((await listThreads(db, customer, customers.id, { sort: "activity" }))?.threads).toHaveLength(1);
    await db.classroomModerator.create({ data: { classroomId: customers.id, memberId: prospect.memberId } });
    expect(await openThread(db, prospect, threadId)).not.toBeNull();
    const similar = await similarQuestions(db, VISITOR, "问题");
    expect(similar.map((s) => s.title)).toEqual(["公开的问题标题"]);
  });

  it("pages every order with a keyset cursor, newest first, without repeats", async () => {
    const room = await createClassroom(db);
    const member = await memberViewer(db);
    await setForumLimits(db, { threadsPerHour: 0 }); // one member asks 25 questions here
    const ids: number[] = [];
    for (let i = 0; i < THREAD_PAGE_SIZE + 5; i++) ids.push(await ask(member, room.id, `第 ${i} 个问题标题`));
    // Same timestamps must still page by id.
    await db.forumThread.updateMany({ data: { lastActivityAt: new Date("2026-12-01T00:00:00Z") } });
    await reply(member, ids[0]!, "有了回答");
    const first = await listThreads(db, VISITOR, room.id, { sort: "activity" });
    expect(first?.threads[0]?.id).toBe(ids[0]);
    expect(first?.threads).toHaveLength(THREAD_PAGE_SIZE);
    const second = await listThreads(db, VISITOR, room.id, { sort: "activity", cursor: first?.nextCursor });
    const seen = [...(first?.threads ?? []), ...(second?.threads ?? [])].map((t) => t.id);
    expect(new Set(seen).size).toBe(ids.length);
    expect(second?.nextCursor).toBeNull();
    const unanswered = await listThreads(db, VISITOR, room.id, { sort: "unanswered" });
    expect(unanswered?.threads.map((t) => t.id)).not.toContain(ids[0]);
    await db.forumThread.update({ where: { id: ids[3]! }, data: { essence: true } });
    const essence = await listThreads(db, VISITOR, room.id, { sort: "essence" });
    expect(essence?.threads.map((t) => t.id)).toEqual([ids[3]]);
    await db.forumThread.update({ where: { id: ids[5]! }, data: { pinned: true } });
    const pinned = await listThreads(db, VISITOR, room.id, { sort: "activity" });
    expect(pinned?.pinned.map((t) => t.id)).toEqual([ids[5]]);
    expect(pinned?.threads.map((t) => t.id)).not.toContain(ids[5]);
    expect((await listThreads(db, VISITOR, room.id, { sort: "newest", cursor: "garbage" }))?.threads[0]?.id).toBe(
      ids.at(-1),
    );
  });

  it("quotes, mentions, likes, accepts and notifies watchers", async () => {
    const room = await createClassroom(db);
    const asker = await memberViewer(db, { nickname: "提问者" });
    const helper = await memberViewer(db, { nickname: "热心人" });
    const threadId = await ask(asker, room.id, "如何导入历史数据？");
    const answer = await reply(helper, threadId, "用导入向导。@提问者 试试看");
    const follow = await reply(asker, threadId, "谢谢", answer);
    const page = await openThread(db, asker, threadId);
    expect(page?.replies.find((p) => p.id === follow)?.quote).toMatchObject({
      id: answer,
      author: { nickname: "热心人" },
    });
    const bell = await listMemberNotifications(db, asker.memberId);
    expect(bell.map((n) => n.kind).sort()).toEqual(["mention", "reply"]);
    expect((await replyToThread(db, helper, threadId, { body: "x", quotePostId: 999_999 })).status).toBe("invalid");

    expect(await toggleLike(db, asker, answer)).toMatchObject({ status: "ok", value: { liked: true } });
    expect(await toggleLike(db, asker, answer)).toMatchObject({ status: "ok", value: { liked: false } });
    await toggleLike(db, asker, answer);
    expect((await db.forumPost.findUniqueOrThrow({ where: { id: answer } })).likeCount).toBe(1);
    expect((await toggleLike(db, VISITOR, answer)).status).toBe("not-found");

    expect((await acceptAnswer(db, helper, answer)).status).toBe("forbidden");
    expect((await acceptAnswer(db, asker, answer)).status).toBe("ok");
    expect((await db.forumThread.findUniqueOrThrow({ where: { id: threadId } })).acceptedPostId).toBe(answer);
    expect((await listMemberNotifications(db, helper.memberId)).map((n) => n.kind)).toContain("accepted");

    expect(await toggleWatch(db, asker, threadId)).toMatchObject({ value: { watching: false } });
    await reply(helper, threadId, "补充一点");
    expect((await listMemberNotifications(db, asker.memberId)).filter((n) => n.kind === "reply")).toHaveLength(1);
  });

  it("lets authors edit within the window, keeps the history, and moderators edit later", async () => {
    const room = await createClassroom(db);
    const author = await memberViewer(db);
    const other = await memberViewer(db);
    const threadId = await ask(author, room.id, "原来的标题", "<p>原文</p>");
    const opening = await db.forumPost.findFirstOrThrow({ where: { threadId, isOpening: true } });
    expect((await editPost(db, other, opening.id, { body: "篡改" })).status).toBe("forbidden");
    expect((await editPost(db, author, opening.id, { body: "<p>改过</p>", title: "改过的标题" })).status).toBe("ok");
    const revisions = await postRevisions(db, author, opening.id);
    expect(revisions).toEqual([expect.objectContaining({ title: "原来的标题", bodyHtml: "<p>原文</p>" })]);
    await db.forumPost.update({ where: { id: opening.id }, data: { createdAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await editPost(db, author, opening.id, { body: "太晚了" })).status).toBe("conflict");
    const { viewer: staff } = await staffViewer(db);
    expect((await editPost(db, staff, opening.id, { body: "管理员修订" })).status).toBe("ok");
    const page = await openThread(db, VISITOR, threadId);
    expect(page?.thread.title).toBe("改过的标题");
    expect(page?.opening).toMatchObject({ bodyHtml: "<p>管理员修订</p>", edited: true });
  });
});
