import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { claimJobs, releaseStaleJobs } from "#app/modules/jobs/job-queue.server.ts";
import { drainOnce } from "#app/modules/jobs/worker.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { startResendStandIn } from "#tests/stand-ins/resend-stand-in.ts";
import { deliverPendingEmails } from "#emails/delivery.server.ts";
import { setPostHidden } from "../forum-moderation.server.ts";
import { listMemberNotifications, notifyWatchers } from "../forum-notify.server.ts";
import { replyToThread } from "../forum-posts.server.ts";
import { createThread } from "../forum-threads.server.ts";
import { createClassroom, memberViewer, staffViewer } from "../forum.test-helpers.ts";
import type { ForumViewer } from "../forum-access.ts";
import { deliverPostNotifications } from "./delivery.server.ts";
import { dayWindow, DIGEST_HOUR, dueDigestDay, scheduleForumDigests, sendDigest } from "./digest.server.ts";
import { saveMailPreferences } from "./preferences.server.ts";
import { unsubscribeByToken } from "./unsubscribe.server.ts";
import { unsubscribeToken } from "./unsubscribe-token.server.ts";
import { toggleClassroomWatch } from "./watches.server.ts";

async function ask(viewer: ForumViewer, classroomId: number, title = "平衡机如何校准", body = "<p>请教</p>") {
  const result = await createThread(db, viewer, classroomId, { title, body });
  if (result.status !== "ok") throw new Error(`createThread: ${result.status}`);
  return result.value.threadId;
}

async function reply(viewer: ForumViewer, threadId: number, body: string) {
  const result = await replyToThread(db, viewer, threadId, { body });
  if (result.status !== "ok") throw new Error(`reply: ${result.status}`);
  return result.value.postId;
}

const forumMail = (memberId: number) =>
  db.emailOutbox.findMany({ where: { idempotencyKey: { startsWith: `forum/m${memberId}/` } }, orderBy: { id: "asc" } });

async function siteMessages(memberId: number) {
  return db.message.findMany({ where: { thread: { memberId } }, orderBy: { id: "asc" } });
}

function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

describe("forum notifications", () => {
  beforeEach(() => resetDatabase());

  it("notifies watchers of a reply in the bell, by site message and by e-mail per preference", async () => {
    const room = await createClassroom(db);
    const asker = await memberViewer(db);
    const immediate = await memberViewer(db);
    const digest = await memberViewer(db);
    const threadId = await ask(asker, room.id);
    for (const m of [immediate, digest]) await db.forumWatch.create({ data: { threadId, memberId: m.memberId } });
    expect(
      (await saveMailPreferences(db, immediate.memberId, { reply: "immediate", thread: "off", mention: "off" })).status,
    ).toBe("ok");
    // Replying watches the thread: the asker hears about the reply, its author does not.
    const postId = await reply(immediate, threadId, "<p>先做静平衡</p>");

    expect(await deliverPostNotifications(db, postId)).toBe(2);
    expect(await deliverPostNotifications(db, postId)).toBe(0);
    expect(await listMemberNotifications(db, asker.memberId)).toHaveLength(1);
    expect(await listMemberNotifications(db, digest.memberId)).toHaveLength(1);
    expect(await listMemberNotifications(db, immediate.memberId)).toHaveLength(0);
    const [message] = await siteMessages(digest.memberId);
    expect(message?.body).toContain(immediate.nickname);
    expect(message?.body).toContain(`/forum/t/${threadId}#post-${postId}`);
    expect((await db.messageThread.findFirstOrThrow({ where: { memberId: digest.memberId } })).memberUnreadCount).toBe(
      1,
    );
    // Default for replies is the digest; nothing sent at once.
    expect(await forumMail(digest.memberId)).toEqual([]);

    // The author of the reply wanted replies immediately; a later reply by the asker reaches them.
    const second = await reply(asker, threadId, "<p>谢谢</p>");
    await deliverPostNotifications(db, second);
    const [mail] = await forumMail(immediate.memberId);
    expect(mail?.template).toBe("forum-notification");
    expect(mail?.html).toContain("谢谢");
    const headers = mail?.headers as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(headers["List-Unsubscribe"]).toMatch(/^<http.+\/forum\/unsubscribe\/\d+\.[\w-]{43}>$/);
    expect(mail?.html).toContain(headers["List-Unsubscribe"]!.slice(1, -1));
    // Site messages go on in one conversation.
    expect(await db.messageThread.count({ where: { memberId: digest.memberId } })).toBe(1);
    expect(await siteMessages(digest.memberId)).toHaveLength(2);
  });

  it("notifies classroom watchers of new threads, mentions once, and only members who may open the classroom", async () => {
    const room = await createClassroom(db, { visibility: "customers" });
    const customer = await memberViewer(db, { level: "customer" });
    const prospect = await memberViewer(db, { level: "prospect" });
    const mentioned = await memberViewer(db, { level: "customer", nickname: "老王" });
    const { viewer: staff } = await staffViewer(db);
    expect((await toggleClassroomWatch(db, customer, room.id)).status).toBe("ok");
    expect((await toggleClassroomWatch(db, prospect, room.id)).status).toBe("not-found");
    await db.forumClassroomWatch.create({ data: { classroomId: room.id, memberId: prospect.memberId } });
    await db.forumClassroomWatch.create({ data: { classroomId: room.id, memberId: mentioned.memberId } });

    const threadId = await ask(staff, room.id, "年度保养安排", "<p>@老王 请看</p>");
    const opening = await db.forumPost.findFirstOrThrow({ where: { threadId, isOpening: true } });
    await deliverPostNotifications(db, opening.id);

    expect((await listMemberNotifications(db, customer.memberId)).map((n) => n.kind)).toEqual(["thread"]);
    expect((await listMemberNotifications(db, mentioned.memberId)).map((n) => n.kind).sort()).toEqual([
      "mention",
      "thread",
    ]);
    // …but one site message and one e-mail: the mention's.
    expect((await siteMessages(mentioned.memberId)).map((m) => m.body)).toEqual([expect.stringContaining("提到了您")]);
    expect(await listMemberNotifications(db, prospect.memberId)).toEqual([]);
    expect(await siteMessages(prospect.memberId)).toEqual([]);
    // Mentions are e-mailed at once by default; classroom news waits for the digest.
    expect((await forumMail(mentioned.memberId)).map((m) => m.idempotencyKey)).toEqual([
      `forum/m${mentioned.memberId}/mention/p${opening.id}`,
    ]);
    expect(await forumMail(customer.memberId)).toEqual([]);
  });

  it("never notifies about hidden or held posts, and withdraws what a later hide makes private", async () => {
    const room = await createClassroom(db);
    const asker = await memberViewer(db);
    const watcher = await memberViewer(db);
    const { viewer: staff } = await staffViewer(db);
    const threadId = await ask(asker, room.id);
    await db.forumWatch.create({ data: { threadId, memberId: watcher.memberId } });
    await saveMailPreferences(db, watcher.memberId, { reply: "immediate", thread: "digest", mention: "immediate" });

    // Hidden before the delivery job runs: nothing reaches the watcher.
    const early = await reply(asker, threadId, "<p>联系我买设备 13800000000</p>");
    expect((await setPostHidden(db, staff, early, true, "商机")).status).toBe("ok");
    expect(await deliverPostNotifications(db, early)).toBe(0);

    // Held for review (hiddenAt set with heldAt): no entry at all.
    const held = await db.forumPost.create({
      data: {
        threadId,
        bodyHtml: "<p>x</p>",
        bodyText: "待审核内容",
        authorMemberId: asker.memberId,
        hiddenAt: new Date(),
        heldAt: new Date(),
      },
    });
    await notifyWatchers(db, asker, { threadId, postId: held.id, title: "t" });
    expect(await db.forumNotification.count({ where: { postId: held.id } })).toBe(0);

    // Hidden after delivery: the site message goes, the queued mail is not sent.
    const late = await reply(asker, threadId, "<p>私下报价</p>");
    await deliverPostNotifications(db, late);
    expect(await siteMessages(watcher.memberId)).toHaveLength(1);
    expect((await forumMail(watcher.memberId)).map((m) => m.status)).toEqual(["pending"]);
    await setPostHidden(db, staff, late, true, "商机");
    expect(await siteMessages(watcher.memberId)).toEqual([]);
    expect((await db.messageThread.findFirstOrThrow({ where: { memberId: watcher.memberId } })).memberUnreadCount).toBe(
      0,
    );
    expect((await forumMail(watcher.memberId)).map((m) => m.status)).toEqual(["failed"]);
    expect(await listMemberNotifications(db, watcher.memberId)).toEqual([]);

    // Nor in the digest.
    await saveMailPreferences(db, watcher.memberId, { reply: "digest", thread: "digest", mention: "digest" });
    expect(await sendDigest(db, watcher.memberId, chinaToday())).toBe(false);
  });

  it("sends one digest per member per day with two workers and after a kill, leaving out what the member may not see", async () => {
    const room = await createClassroom(db);
    const secret = await createClassroom(db, { name: "合作伙伴专区", visibility: "partners" });
    const asker = await memberViewer(db, { level: "partner" });
    const reader = await memberViewer(db);
    const threadId = await ask(asker, room.id, "如何导出报表");
    const hiddenThread = await ask(asker, secret.id, "渠道价格");
    await db.forumWatch.createMany({
      data: [
        { threadId, memberId: reader.memberId },
        { threadId: hiddenThread, memberId: reader.memberId },
      ],
    });
    await reply(asker, threadId, "<p>在列表页点导出</p>");
    await reply(asker, threadId, "<p>也可以用 API</p>");
    await reply(asker, hiddenThread, "<p>伙伴价目表</p>");

    const day = chinaToday();
    const due = new Date(dayWindow(day).end.getTime() + (DIGEST_HOUR + 1) * 3_600_000);
    expect(dueDigestDay(due)).toBe(day);
    await scheduleForumDigests(db, due);
    await scheduleForumDigests(db, due);
    // Two workers drain the queue at the same time, twice over.
    for (let round = 0; round < 3; round++) await Promise.all([drainOnce(db, "worker-a"), drainOnce(db, "worker-b")]);

    const digests = await db.emailOutbox.findMany({ where: { template: "forum-digest" } });
    expect(digests.map((d) => d.idempotencyKey)).toEqual([`forum/m${reader.memberId}/digest/${day}`]);
    expect(digests[0]?.html).toContain("在列表页点导出");
    expect(digests[0]?.html).toContain("也可以用 API");
    expect(digests[0]?.html).not.toContain("伙伴价目表");
    expect(digests[0]?.subject).toContain("2 条");

    // A worker killed after writing the digest but before finishing its job: the job runs again.
    await db.job.updateMany({ where: { type: "forum.digest.member" }, data: { status: "pending" } });
    const [claimed] = await claimJobs(db, "doomed", 1);
    expect(claimed?.type).toBe("forum.digest.member");
    expect(await releaseStaleJobs(db, 0, new Date(Date.now() + 1000))).toBe(1);
    await drainOnce(db, "worker-c");
    expect(await db.emailOutbox.count({ where: { template: "forum-digest" } })).toBe(1);
  });

  it("hands the RFC 8058 headers to the mail provider", async () => {
    const room = await createClassroom(db);
    const asker = await memberViewer(db);
    const fan = await memberViewer(db, { nickname: "小李" });
    const threadId = await ask(asker, room.id, "报表导出", "<p>@小李 帮忙看看</p>");
    const opening = await db.forumPost.findFirstOrThrow({ where: { threadId, isOpening: true } });
    await deliverPostNotifications(db, opening.id);
    const standIn = await startResendStandIn();
    const saved = { key: process.env.RESEND_API_KEY, url: process.env.RESEND_BASE_URL };
    try {
      process.env.RESEND_API_KEY = standIn.apiKey;
      process.env.RESEND_BASE_URL = standIn.url;
      expect((await deliverPendingEmails(db, "w")).delivered).toBe(1);
    } finally {
      process.env.RESEND_API_KEY = saved.key ?? "";
      process.env.RESEND_BASE_URL = saved.url ?? standIn.url;
      if (saved.key === undefined) delete process.env.RESEND_API_KEY;
      if (saved.url === undefined) delete process.env.RESEND_BASE_URL;
      await standIn.close();
    }
    const sent = standIn.accepted[0]?.body as { to: string[]; headers: Record<string, string> };
    expect(sent.to).toEqual([(await db.member.findUniqueOrThrow({ where: { id: fan.memberId } })).email]);
    expect(sent.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(sent.headers["List-Unsubscribe"]).toContain(`/forum/unsubscribe/${fan.memberId}.`);
  });

  it("unsubscribes with one click, at once, cancelling mail queued but not yet sent", async () => {
    const room = await createClassroom(db);
    const asker = await memberViewer(db);
    const watcher = await memberViewer(db);
    const threadId = await ask(asker, room.id);
    await db.forumWatch.create({ data: { threadId, memberId: watcher.memberId } });
    await saveMailPreferences(db, watcher.memberId, { reply: "immediate", thread: "digest", mention: "immediate" });
    await deliverPostNotifications(db, await reply(asker, threadId, "<p>一</p>"));
    await deliverPostNotifications(db, await reply(asker, threadId, "<p>二</p>"));
    const queued = await forumMail(watcher.memberId);
    expect(queued).toHaveLength(2);
    // One of them already claimed by a worker (status "sending"), not yet handed to the provider.
    await db.emailOutbox.update({
      where: { id: queued[0]!.id },
      data: { status: "sending", lockedBy: "w", lockedAt: new Date() },
    });

    const token = await unsubscribeToken(db, watcher.memberId);
    const otherToken = await unsubscribeToken(db, asker.memberId);
    for (const bad of [undefined, "", "abc", `${watcher.memberId}.${otherToken.split(".")[1]}`, `${token}x`, "0.x"]) {
      expect((await unsubscribeByToken(db, bad)).status).toBe("not-found");
    }
    const result = await unsubscribeByToken(db, token);
    expect(result).toEqual({ status: "ok", value: { cancelled: 2 } });
    expect((await forumMail(watcher.memberId)).map((m) => m.status)).toEqual(["failed", "failed"]);
    expect((await drainOnce(db, "w2")).emailsDelivered).toBe(0);
    // Later replies still reach the bell and site messages, never the mailbox.
    await deliverPostNotifications(db, await reply(asker, threadId, "<p>三</p>"));
    expect(await forumMail(watcher.memberId)).toHaveLength(2);
    expect(await siteMessages(watcher.memberId)).toHaveLength(3);
    expect(await sendDigest(db, watcher.memberId, chinaToday())).toBe(false);
    // The asker's mail is untouched.
    expect((await unsubscribeByToken(db, token)).status).toBe("ok");
  });
});
