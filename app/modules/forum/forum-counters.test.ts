import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { threadWhere, VISITOR, type ForumViewer } from "./forum-access.ts";
import { setForumLimits } from "./forum-gate.server.ts";
import { deletePost, setPostHidden } from "./forum-moderation.server.ts";
import { replyToThread } from "./forum-posts.server.ts";
import { createThread, listThreads } from "./forum-threads.server.ts";
import { createClassroom, memberViewer, staffViewer } from "./forum.test-helpers.ts";

// Decision 053: the denormalised counters the lists read (thread replyCount and lastActivityAt, the
// classroom's threadCount) stay equal to a recount when writers race, and the list's raw keyset query
// applies the same visibility rule as threadWhere.

async function ask(viewer: ForumViewer, classroomId: number, title: string) {
  const result = await createThread(db, viewer, classroomId, { title, body: "<p>请教</p>" });
  if (result.status !== "ok") throw new Error(`createThread: ${result.status}`);
  return result.value.threadId;
}

async function recount(threadId: number) {
  const [thread, visible, latest] = await Promise.all([
    db.forumThread.findUniqueOrThrow({ where: { id: threadId } }),
    db.forumPost.count({ where: { threadId, isOpening: false, hiddenAt: null, deletedAt: null } }),
    db.forumPost.aggregate({ where: { threadId }, _max: { createdAt: true } }),
  ]);
  return { thread, visible, latest: latest._max.createdAt };
}

describe("forum counters under concurrency", () => {
  beforeEach(async () => {
    await resetDatabase();
    // One member posts many times here: the rate limits of decision 041 are not what is tested.
    await setForumLimits(db, { threadsPerHour: 0, repliesPerMinute: 0, repliesPerHour: 0 });
  });

  it("counts every concurrent question and reply once, and never moves the last activity back", async () => {
    const room = await createClassroom(db);
    const members = await Promise.all(Array.from({ length: 6 }, (_, i) => memberViewer(db, { nickname: `会员${i}` })));
    const threadIds = await Promise.all(members.map((m, i) => ask(m, room.id, `并发提问 ${i}`)));
    expect((await db.classroom.findUniqueOrThrow({ where: { id: room.id } })).threadCount).toBe(6);

    const target = threadIds[0]!;
    const results = await Promise.all(
      members.flatMap((m) => [1, 2].map((n) => replyToThread(db, m, target, { body: `<p>回答 ${n}</p>` }))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill("ok"));
    const { thread, visible, latest } = await recount(target);
    expect(thread.replyCount).toBe(12);
    expect(visible).toBe(12);
    expect(thread.lastActivityAt.getTime()).toBeGreaterThanOrEqual(latest!.getTime());
  });

  it("moves the reply count once when moderators hide and delete the same replies at the same time", async () => {
    const room = await createClassroom(db);
    const asker = await memberViewer(db);
    const threadId = await ask(asker, room.id, "并发管理");
    const replies: number[] = [];
    for (const n of [1, 2, 3, 4]) {
      const r = await replyToThread(db, asker, threadId, { body: `<p>${n}</p>` });
      if (r.status !== "ok") throw new Error("reply");
      replies.push(r.value.postId);
    }
    const [a, b, c] = replies as [number, number, number, number];
    const { viewer: mod1 } = await staffViewer(db);
    const { viewer: mod2 } = await staffViewer(db);
    await Promise.all([
      setPostHidden(db, mod1, a, true, "重复"),
      setPostHidden(db, mod2, a, true, "重复"),
      setPostHidden(db, mod1, b, true),
      deletePost(db, mod2, b, "广告内容"),
      deletePost(db, mod1, c, "广告内容"),
      deletePost(db, mod2, c, "广告内容"),
    ]);
    const { thread, visible } = await recount(threadId);
    expect(visible).toBe(1);
    expect(thread.replyCount).toBe(visible);
  });

  it("lists exactly the threads threadWhere admits, for visitors, authors, other members and moderators", async () => {
    const room = await createClassroom(db);
    const author = await memberViewer(db);
    const other = await memberViewer(db);
    const { viewer: staff } = await staffViewer(db);
    const ids = [];
    for (const n of [1, 2, 3, 4]) ids.push(await ask(n === 2 ? author : other, room.id, `可见性 ${n}`));
    await db.forumThread.update({ where: { id: ids[1]! }, data: { hiddenAt: new Date() } });
    await db.forumThread.update({ where: { id: ids[2]! }, data: { deletedAt: new Date() } });
    for (const [viewer, moderator] of [
      [VISITOR, false],
      [author, false],
      [other, false],
      [staff, true],
    ] as const) {
      const listed = await listThreads(db, viewer, room.id, { sort: "newest" });
      const expected = await db.forumThread.findMany({
        where: { classroomId: room.id, ...threadWhere(viewer, moderator) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      });
      expect(listed?.threads.map((t) => t.id)).toEqual(expected.map((t) => t.id));
    }
    const seenBy = async (viewer: ForumViewer) =>
      (await listThreads(db, viewer, room.id, { sort: "newest" }))?.threads.map((t) => t.id);
    expect(await seenBy(author)).toContain(ids[1]);
    expect(await seenBy(other)).not.toContain(ids[1]);
    expect(await seenBy(staff)).not.toContain(ids[2]);
  });
});
