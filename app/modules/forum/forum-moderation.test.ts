import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { VISITOR, type ForumViewer } from "./forum-access.ts";
import { deletePost, hiddenPostQueue, moveThread, setPostHidden, setThreadFlag } from "./forum-moderation.server.ts";
import { listMemberNotifications } from "./forum-notify.server.ts";
import { replyToThread } from "./forum-posts.server.ts";
import { openThread } from "./forum-thread-page.server.ts";
import { similarQuestions } from "./forum-search.server.ts";
import { createThread, listThreads } from "./forum-threads.server.ts";
import { createClassroom, memberViewer, staffViewer } from "./forum.test-helpers.ts";

async function ask(viewer: ForumViewer, classroomId: number, title: string) {
  const result = await createThread(db, viewer, classroomId, { title, body: "<p>正文</p>" });
  if (result.status !== "ok") throw new Error("createThread failed");
  return result.value.threadId;
}

async function openingOf(threadId: number) {
  return (await db.forumPost.findFirstOrThrow({ where: { threadId, isOpening: true } })).id;
}

describe("forum moderation", () => {
  beforeEach(() => resetDatabase());

  it("hides a thread from everyone but its author and moderators, everywhere", async () => {
    const room = await createClassroom(db);
    const author = await memberViewer(db);
    const other = await memberViewer(db);
    const moderatorMember = await memberViewer(db);
    await db.classroomModerator.create({ data: { classroomId: room.id, memberId: moderatorMember.memberId } });
    const { viewer: staff } = await staffViewer(db);
    const threadId = await ask(author, room.id, "采购平衡机的报价");
    await db.forumWatch.create({ data: { threadId, memberId: other.memberId } });
    await replyToThread(db, author, threadId, { body: "补充" });
    expect(await listMemberNotifications(db, other.memberId)).toHaveLength(1);

    expect((await setPostHidden(db, other, await openingOf(threadId), true, "商机")).status).toBe("not-found");
    expect((await setPostHidden(db, staff, await openingOf(threadId), true, "商机")).status).toBe("ok");

    for (const viewer of [other, VISITOR]) {
      expect(await openThread(db, viewer, threadId)).toBeNull();
      expect((await listThreads(db, viewer, room.id, { sort: "activity" }))?.threads).toEqual([]);
      expect((await replyToThread(db, viewer, threadId, { body: "x" })).status).toBe("not-found");
    }
    expect(await similarQuestions(db, author, "平衡机报价")).toEqual([]);
    expect(await listMemberNotifications(db, other.memberId)).toEqual([]);
    const mine = await openThread(db, author, threadId);
    expect(mine?.thread.hidden).toBe(true);
    expect((await listThreads(db, author, room.id, { sort: "activity" }))?.threads[0]?.hidden).toBe(true);
    expect(await openThread(db, moderatorMember, threadId)).not.toBeNull();
    expect(await openThread(db, staff, threadId)).not.toBeNull();
    expect((await db.classroom.findUniqueOrThrow({ where: { id: room.id } })).threadCount).toBe(0);
    expect(
      await db.auditLog.count({ where: { action: "forum.post.hide", entityId: String(await openingOf(threadId)) } }),
    ).toBe(1);
    expect((await hiddenPostQueue(db)).rows.map((r) => r.threadId)).toEqual([threadId]);

    expect((await setPostHidden(db, moderatorMember, await openingOf(threadId), false)).status).toBe("ok");
    expect(await openThread(db, other, threadId)).not.toBeNull();
  });

  it("hides a single reply and drops quotes of it for others", async () => {
    const room = await createClassroom(db);
    const asker = await memberViewer(db);
    const answerer = await memberViewer(db);
    const { viewer: staff } = await staffViewer(db);
    const threadId = await ask(asker, room.id, "导入失败怎么办");
    const secret = await replyToThread(db, answerer, threadId, { body: "我们公司要买 50 套" });
    if (secret.status !== "ok") throw new Error("reply");
    await replyToThread(db, asker, threadId, { body: "同问", quotePostId: secret.value.postId });
    await setPostHidden(db, staff, secret.value.postId, true);
    const asSeen = await openThread(db, asker, threadId);
    expect(asSeen?.replies.map((r) => r.id)).not.toContain(secret.value.postId);
    expect(asSeen?.replies[0]?.quote).toBeNull();
    expect(JSON.stringify(asSeen)).not.toContain("50 套");
    expect(asSeen?.thread.replyCount).toBe(1);
    const theirs = await openThread(db, answerer, threadId);
    expect(theirs?.replies.find((r) => r.id === secret.value.postId)?.hidden).toBe(true);
  });

  it("pins, marks essence, locks, moves and deletes with a reason, all audited", async () => {
    const a = await createClassroom(db, { name: "产品入门" });
    const b = await createClassroom(db, { name: "常见问题" });
    const member = await memberViewer(db);
    const { viewer: staff } = await staffViewer(db);
    const threadId = await ask(member, a.id, "登录不了怎么办");
    expect((await setThreadFlag(db, member, threadId, "pinned", true)).status).toBe("not-found");
    for (const flag of ["pinned", "essence", "locked"] as const) {
      expect((await setThreadFlag(db, staff, threadId, flag, true)).status).toBe("ok");
    }
    expect(await db.forumThread.findUniqueOrThrow({ where: { id: threadId } })).toMatchObject({
      pinned: true,
      essence: true,
      locked: true,
    });
    expect((await replyToThread(db, member, threadId, { body: "还在吗" })).status).toBe("conflict");
    expect((await moveThread(db, staff, threadId, 999_999)).status).toBe("invalid");
    expect((await moveThread(db, staff, threadId, b.id)).status).toBe("ok");
    expect((await db.classroom.findUniqueOrThrow({ where: { id: b.id } })).threadCount).toBe(1);
    expect((await deletePost(db, staff, await openingOf(threadId), " ")).status).toBe("invalid");
    expect((await deletePost(db, staff, await openingOf(threadId), "重复提问")).status).toBe("ok");
    expect(await openThread(db, member, threadId)).toBeNull();
    expect(await openThread(db, staff, threadId)).toBeNull();
    const actions = (await db.auditLog.findMany({ where: { entityType: { startsWith: "Forum" } } })).map(
      (r) => r.action,
    );
    expect(actions.sort()).toEqual([
      "forum.post.delete",
      "forum.thread.essence",
      "forum.thread.locked",
      "forum.thread.move",
      "forum.thread.pinned",
    ]);
  });
});
