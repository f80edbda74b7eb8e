import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { VISITOR } from "./forum-access.ts";
import { setForumLimits } from "./forum-gate.server.ts";
import { replyToThread, editPost } from "./forum-posts.server.ts";
import {
  approveHeldPost,
  moderationQueue,
  rejectHeldPost,
  reportPost,
  resolveReports,
} from "./forum-reports.server.ts";
import { openThread } from "./forum-thread-page.server.ts";
import { createThread, listThreads } from "./forum-threads.server.ts";
import { createClassroom, memberViewer, staffViewer } from "./forum.test-helpers.ts";
import { normalizeWord } from "./forum-words.ts";

async function ask(
  viewer: Parameters<typeof createThread>[1],
  classroomId: number,
  title: string,
  body = "<p>正文</p>",
) {
  const result = await createThread(db, viewer, classroomId, { title, body });
  if (result.status !== "ok") throw new Error(`createThread: ${JSON.stringify(result)}`);
  return result.value;
}

async function addWord(word: string, action: "block" | "replace" | "hold") {
  await db.forumSensitiveWord.create({ data: { word, normalized: normalizeWord(word), action } });
}

// Each test walks a whole flow against the real database; the shared machine is slow.
const FLOW = 90_000;

describe("reports and the moderation queue", () => {
  beforeEach(() => resetDatabase());

  it(
    "takes one report per member and post, groups them per post, and resolves them audited",
    async () => {
      const room = await createClassroom(db);
      const other = await createClassroom(db, { name: "别的教室" });
      const author = await memberViewer(db);
      const [r1, r2] = [await memberViewer(db), await memberViewer(db)];
      const mod = await memberViewer(db);
      await db.classroomModerator.create({ data: { classroomId: room.id, memberId: mod.memberId } });
      const { viewer: staff } = await staffViewer(db);
      const { threadId } = await ask(author, room.id, "广告帖子标题");
      const opening = await db.forumPost.findFirstOrThrow({ where: { threadId, isOpening: true } });

      expect((await reportPost(db, r1, opening.id, { reason: "spam" })).status).toBe("ok");
      expect((await reportPost(db, r1, opening.id, { reason: "abuse" })).status).toBe("conflict");
      expect((await reportPost(db, r2, opening.id, { reason: "advert", note: "卖货" })).status).toBe("ok");
      expect((await reportPost(db, author, opening.id, { reason: "spam" })).status).toBe("invalid");
      expect((await reportPost(db, r1, opening.id, { reason: "nonsense" })).status).toBe("invalid");
      expect((await reportPost(db, VISITOR, opening.id, { reason: "spam" })).status).toBe("not-found");
      expect((await reportPost(db, r1, 999_999, { reason: "spam" })).status).toBe("not-found");
      expect(await db.forumReport.count()).toBe(2);

      const queue = await moderationQueue(db, staff);
      expect(queue?.reported).toHaveLength(1);
      expect(queue?.reported[0]).toMatchObject({ total: 2, reasons: { spam: 1, advert: 1 } });
      expect((await moderationQueue(db, mod))?.reported).toHaveLength(1);
      // Moderators of another classroom, plain members and visitors have no queue for it.
      const elsewhere = await memberViewer(db);
      await db.classroomModerator.create({ data: { classroomId: other.id, memberId: elsewhere.memberId } });
      expect((await moderationQueue(db, elsewhere))?.reported).toEqual([]);
      expect(await moderationQueue(db, r1)).toBeNull();
      expect(await moderationQueue(db, VISITOR)).toBeNull();
      expect((await resolveReports(db, elsewhere, opening.id, "hide")).status).toBe("not-found");
      expect((await resolveReports(db, r1, opening.id, "dismiss")).status).toBe("not-found");

      expect((await resolveReports(db, mod, opening.id, "hide", "广告")).status).toBe("ok");
      expect(await openThread(db, r1, threadId)).toBeNull();
      expect((await moderationQueue(db, staff))?.reported).toEqual([]);
      const reports = await db.forumReport.findMany();
      expect(reports.every((r) => r.resolution === "hidden" && r.resolvedAt)).toBe(true);
      const actions = (await db.auditLog.findMany({ where: { entityId: String(opening.id) } })).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(["forum.post.hide", "forum.report.hide"]));

      // A new report on a reply, deleted with a reason (the moderation service's delete).
      const reply = await replyToThread(db, author, (await ask(author, room.id, "第二个问题标题")).threadId, {
        body: "垃圾",
      });
      if (reply.status !== "ok") throw new Error("reply");
      await reportPost(db, r2, reply.value.postId, { reason: "spam" });
      expect((await resolveReports(db, staff, reply.value.postId, "delete", "")).status).toBe("invalid");
      expect((await resolveReports(db, staff, reply.value.postId, "delete", "垃圾信息")).status).toBe("ok");
      expect((await db.forumPost.findUniqueOrThrow({ where: { id: reply.value.postId } })).deletedAt).not.toBeNull();
    },
    FLOW,
  );

  it(
    "holds a new member's first posts for review, visible to the author and moderators until approved",
    async () => {
      const room = await createClassroom(db);
      const newcomer = await memberViewer(db, { newcomer: true });
      const other = await memberViewer(db);
      const { viewer: staff } = await staffViewer(db);
      const first = await ask(newcomer, room.id, "新人的第一个问题");
      expect(first.held).toBe(true);
      expect(await openThread(db, other, first.threadId)).toBeNull();
      expect(await openThread(db, VISITOR, first.threadId)).toBeNull();
      expect((await listThreads(db, other, room.id, { sort: "newest" }))?.threads).toEqual([]);
      const mine = await openThread(db, newcomer, first.threadId);
      expect(mine?.thread.held).toBe(true);
      expect(mine?.opening.held).toBe(true);
      expect((await db.classroom.findUniqueOrThrow({ where: { id: room.id } })).threadCount).toBe(0);

      const open = await ask(other, room.id, "老会员的公开问题");
      const reply = await replyToThread(db, newcomer, open.threadId, { body: `<p>@${other.nickname} 我来回答</p>` });
      if (reply.status !== "ok") throw new Error("reply");
      expect(reply.value.held).toBe(true);
      expect((await openThread(db, other, open.threadId))?.replies).toEqual([]);
      expect((await db.forumThread.findUniqueOrThrow({ where: { id: open.threadId } })).replyCount).toBe(0);
      expect(await db.forumNotification.count()).toBe(0);

      const queue = await moderationQueue(db, staff);
      expect(queue?.held.map((p) => p.id)).toHaveLength(2);
      expect((await approveHeldPost(db, other, reply.value.postId)).status).toBe("not-found");
      expect((await approveHeldPost(db, staff, reply.value.postId)).status).toBe("ok");
      expect((await openThread(db, other, open.threadId))?.replies.map((r) => r.id)).toEqual([reply.value.postId]);
      expect((await db.forumThread.findUniqueOrThrow({ where: { id: open.threadId } })).replyCount).toBe(1);
      expect(await db.forumNotification.count({ where: { memberId: other.memberId } })).toBeGreaterThan(0);

      const opening = await db.forumPost.findFirstOrThrow({ where: { threadId: first.threadId, isOpening: true } });
      expect((await rejectHeldPost(db, staff, opening.id, "重复提问")).status).toBe("ok");
      expect(await openThread(db, newcomer, first.threadId)).toBeNull();
      expect((await moderationQueue(db, staff))?.held).toEqual([]);
      const audited = await db.auditLog.findMany({
        where: { action: { in: ["forum.post.approve", "forum.post.delete"] } },
      });
      expect(audited).toHaveLength(2);

      // One approved post so far: the second is still held (default 2), then "approve and trust" ends it.
      const second = await ask(newcomer, room.id, "新人的第二个问题");
      expect(second.held).toBe(true);
      const secondOpening = await db.forumPost.findFirstOrThrow({
        where: { threadId: second.threadId, isOpening: true },
      });
      expect((await approveHeldPost(db, staff, secondOpening.id, { trustAuthor: true })).status).toBe("ok");
      expect((await db.classroom.findUniqueOrThrow({ where: { id: room.id } })).threadCount).toBe(2);
      await setForumLimits(db, { threadsPerHour: 0 });
      expect((await ask(newcomer, room.id, "新人的第三个问题")).held).toBe(false);
    },
    FLOW,
  );

  it(
    "refuses links below the trust threshold and posting over the rate limits, storing nothing",
    async () => {
      const room = await createClassroom(db);
      const newcomer = await memberViewer(db, { newcomer: true });
      const member = await memberViewer(db);
      const posts = await db.forumPost.count();
      const link = await createThread(db, newcomer, room.id, { title: "请看我的网站", body: "<p>www.example.com</p>" });
      expect(link).toMatchObject({ status: "invalid", fieldErrors: { body: ["forumMod.error.links"] } });
      const inTitle = await createThread(db, newcomer, room.id, { title: "访问 shop.cn 看看", body: "<p>正文</p>" });
      expect(inTitle).toMatchObject({ status: "invalid", fieldErrors: { title: ["forumMod.error.links"] } });
      expect(await db.forumPost.count()).toBe(posts);
      expect((await ask(member, room.id, "信任会员发链接", "<p>https://example.com</p>")).held).toBe(false);

      await setForumLimits(db, { threadsPerHour: 2, repliesPerMinute: 2 });
      const { threadId } = await ask(member, room.id, "第二个问题标题");
      const third = await createThread(db, member, room.id, { title: "第三个问题标题", body: "<p>正文</p>" });
      expect(third.status).toBe("rate-limited");
      expect(third).toMatchObject({ message: "forumMod.error.rateLimited" });
      expect(await db.forumThread.count()).toBe(2);
      expect((await replyToThread(db, member, threadId, { body: "一" })).status).toBe("ok");
      expect((await replyToThread(db, member, threadId, { body: "二" })).status).toBe("ok");
      expect((await replyToThread(db, member, threadId, { body: "三" })).status).toBe("rate-limited");
      expect(await db.forumPost.count({ where: { threadId, isOpening: false } })).toBe(2);
      // Staff are not rate-limited.
      const { viewer: staff } = await staffViewer(db);
      for (let i = 0; i < 3; i++)
        expect((await replyToThread(db, staff, threadId, { body: `官方 ${i}` })).status).toBe("ok");
    },
    FLOW,
  );

  it(
    "applies the admin's words to titles and bodies on create and edit",
    async () => {
      const room = await createClassroom(db);
      const member = await memberViewer(db);
      await addWord("代开发票", "block");
      await addWord("傻瓜", "replace");
      await addWord("加微信", "hold");
      const blocked = await createThread(db, member, room.id, { title: "可以代 开 发 票吗", body: "<p>正文</p>" });
      expect(blocked).toMatchObject({ status: "invalid", fieldErrors: { title: ["forumMod.error.blockedWord"] } });
      const masked = await ask(member, room.id, "这个傻.瓜问题", "<p>真<b>傻</b>瓜</p>");
      const thread = await db.forumThread.findUniqueOrThrow({ where: { id: masked.threadId } });
      expect(thread.title).toBe("这个＊.＊问题");
      const opening = await db.forumPost.findFirstOrThrow({ where: { threadId: masked.threadId, isOpening: true } });
      expect(opening.bodyHtml).toContain("真<strong>＊</strong>＊");
      expect(opening.bodyText).not.toContain("傻");
      const held = await ask(member, room.id, "正常的问题标题", "<p>加 微 信 聊</p>");
      expect(held.held).toBe(true);

      // An edit with a hold word sends a published reply back to review; a block word is refused.
      const reply = await replyToThread(db, member, masked.threadId, { body: "普通回复" });
      if (reply.status !== "ok") throw new Error("reply");
      expect((await editPost(db, member, reply.value.postId, { body: "代开发票" })).status).toBe("invalid");
      expect((await editPost(db, member, reply.value.postId, { body: "ＡＢ加微信" })).status).toBe("ok");
      const edited = await db.forumPost.findUniqueOrThrow({ where: { id: reply.value.postId } });
      expect(edited.heldAt).not.toBeNull();
      expect((await db.forumThread.findUniqueOrThrow({ where: { id: masked.threadId } })).replyCount).toBe(0);
    },
    FLOW,
  );
});
