import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { listStaffInbox } from "#app/modules/messages/staff-inbox.server.ts";
import { staffInboxList } from "#app/modules/messages/staff-inbox-query.ts";
import { replyAsMember } from "#app/modules/messages/site-messages.server.ts";
import { rememberMemberLocale } from "#app/modules/members/member-locale.server.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { handToSales } from "./forum-crm.server.ts";
import { leadForumPost, openHandedThread } from "./forum-handed.server.ts";
import { setPostHidden } from "./forum-moderation.server.ts";
import { replyToThread } from "./forum-posts.server.ts";
import { createThread } from "./forum-threads.server.ts";
import { createClassroom, memberViewer, staffViewer } from "./forum.test-helpers.ts";
import { deliverPostNotifications } from "./notify/delivery.server.ts";
import { saveMailPreferences } from "./notify/preferences.server.ts";
import type { ForumViewer } from "./forum-access.ts";

// Decision 053: the salesperson a member was handed to reads the post (and nobody else without forum
// rights does); forum notices stay out of the staff inbox; notices follow the member's language.

async function ask(viewer: ForumViewer, classroomId: number, title: string) {
  const result = await createThread(db, viewer, classroomId, { title, body: `<p>${title}：请联系我</p>` });
  if (result.status !== "ok") throw new Error(`createThread: ${result.status}`);
  return result.value.threadId;
}

/** A salesperson with the usual sales grants: their own leads, no forum rights at all. */
async function salesperson() {
  const { staff } = await createTestStaff(db, { grants: [{ module: "leads", action: "browse", scope: "own" }] });
  return staffActorFor(staff, { grants: { leads: { browse: "own" } } });
}

async function handedOver() {
  const { staff } = await createTestStaff(db, { isAdmin: true });
  const adminActor = staffActorFor(staff, { isAdmin: true });
  const room = await createClassroom(db);
  const asker = await memberViewer(db, { nickname: "采购小王" });
  const threadId = await ask(asker, room.id, "200 个站点怎么报价");
  const otherThreadId = await ask(asker, room.id, "另一个问题");
  const opening = await db.forumPost.findFirstOrThrow({ where: { threadId, isOpening: true } });
  const seller = await salesperson();
  const handed = await handToSales(db, adminActor, { postId: opening.id, ownerStaffId: seller.staffId });
  if (handed.status !== "ok") throw new Error(`handToSales: ${handed.status}`);
  return {
    adminActor,
    room,
    asker,
    threadId,
    otherThreadId,
    openingId: opening.id,
    seller,
    leadId: handed.value.leadId,
  };
}

describe("转交销售 from the lead's side", () => {
  beforeEach(() => resetDatabase());

  it("lets the lead's owner without forum rights read the handed thread, and 404s any other thread", async () => {
    const { seller, threadId, otherThreadId, openingId, leadId, adminActor } = await handedOver();
    expect(await db.forumLeadLink.findUnique({ where: { leadId } })).toMatchObject({ threadId, postId: openingId });

    const page = await openHandedThread(db, seller, threadId);
    expect(page?.thread.title).toBe("200 个站点怎么报价");
    expect(page?.opening.id).toBe(openingId);
    expect(await openHandedThread(db, seller, otherThreadId)).toBeNull();
    expect(await openHandedThread(db, seller, 999_999)).toBeNull();

    // Another salesperson (no lead from it) and a staff member without grants: not found.
    expect(await openHandedThread(db, await salesperson(), threadId)).toBeNull();
    const { staff: bare } = await createTestStaff(db, { grants: [] });
    expect(await openHandedThread(db, staffActorFor(bare, { grants: {} }), threadId)).toBeNull();
    // Forum rights read every thread.
    expect((await openHandedThread(db, adminActor, otherThreadId))?.thread.id).toBe(otherThreadId);
  });

  it("shows the post on the lead page, with the portal link only while the thread is public", async () => {
    const { seller, threadId, openingId, leadId, adminActor } = await handedOver();
    const card = await leadForumPost(db, seller, leadId);
    expect(card).toMatchObject({
      threadId,
      postId: openingId,
      title: "200 个站点怎么报价",
      author: { kind: "member", nickname: "采购小王" },
      hidden: false,
      publicOnPortal: true,
    });
    expect(card?.excerpt).toContain("请联系我");
    expect(await leadForumPost(db, await salesperson(), leadId)).toBeNull();

    // The admin hides the post (the seed's private follow-up): the owner still reads it, not on the portal.
    const { viewer } = await staffViewer(db);
    expect((await setPostHidden(db, viewer, openingId, true, "跟进")).status).toBe("ok");
    expect(await leadForumPost(db, seller, leadId)).toMatchObject({ hidden: true, publicOnPortal: false });
    expect((await openHandedThread(db, seller, threadId))?.opening.hidden).toBe(true);
    // Deleting the lead ends the access.
    await db.lead.update({ where: { id: leadId }, data: { deletedAt: new Date() } });
    expect(await openHandedThread(db, seller, threadId)).toBeNull();
    expect((await openHandedThread(db, adminActor, threadId))?.thread.id).toBe(threadId);
  });
});

describe("forum notices and the staff inbox", () => {
  beforeEach(() => resetDatabase());

  it("keeps notice threads for the member but out of the inbox, until the member answers one", async () => {
    const room = await createClassroom(db);
    const asker = await memberViewer(db);
    const replier = await memberViewer(db);
    const threadId = await ask(asker, room.id, "平衡机如何校准");
    const reply = await replyToThread(db, replier, threadId, { body: "<p>先做静平衡</p>" });
    if (reply.status !== "ok") throw new Error("reply");
    expect(await deliverPostNotifications(db, reply.value.postId)).toBe(1);
    const notice = await db.messageThread.findFirstOrThrow({ where: { memberId: asker.memberId } });
    expect(notice.kind).toBe("forumNotice");

    const { staff } = await createTestStaff(db, { isAdmin: true });
    const admin = staffActorFor(staff, { isAdmin: true });
    const query = (search: string) => staffInboxList.parse(new URLSearchParams(search));
    const inbox = await listStaffInbox(db, admin, query(""));
    expect(inbox?.items).toEqual([]);
    expect(inbox?.counts).toEqual({ all: 0, unassigned: 0, mine: 0 });

    // The member writes back: now it is a conversation someone has to pick up; later notices start afresh.
    expect((await replyAsMember(db, asker.memberId, notice.id, { body: "能电话联系吗？" })).kind).toBe("ok");
    const after = await listStaffInbox(db, admin, query("filter=unassigned"));
    expect(after?.items.map((i) => i.id)).toEqual([notice.id]);
    const second = await replyToThread(db, replier, threadId, { body: "<p>再补充一点</p>" });
    if (second.status !== "ok") throw new Error("reply");
    await deliverPostNotifications(db, second.value.postId);
    const threads = await db.messageThread.findMany({ where: { memberId: asker.memberId }, orderBy: { id: "asc" } });
    expect(threads.map((t) => t.kind)).toEqual(["conversation", "forumNotice"]);
  });
});

describe("the member's language", () => {
  beforeEach(() => resetDatabase());

  it("writes site messages and e-mail in the member's stored language, zh-CN when none is stored", async () => {
    const room = await createClassroom(db);
    const asker = await memberViewer(db);
    const english = await memberViewer(db);
    const chinese = await memberViewer(db);
    await rememberMemberLocale(db, english.memberId, "en");
    await rememberMemberLocale(db, english.memberId, "en");
    expect((await db.member.findUniqueOrThrow({ where: { id: english.memberId } })).locale).toBe("en");
    for (const m of [english, chinese]) {
      await saveMailPreferences(db, m.memberId, { reply: "immediate", thread: "off", mention: "off" });
    }
    const threadId = await ask(asker, room.id, "平衡机如何校准");
    for (const m of [english, chinese]) await db.forumWatch.create({ data: { threadId, memberId: m.memberId } });
    const reply = await replyToThread(db, asker, threadId, { body: "<p>补充：型号 X</p>" });
    if (reply.status !== "ok") throw new Error("reply");
    expect(await deliverPostNotifications(db, reply.value.postId)).toBe(2);

    const notice = async (memberId: number) => {
      const thread = await db.messageThread.findFirstOrThrow({ where: { memberId }, include: { messages: true } });
      const mail = await db.emailOutbox.findFirstOrThrow({
        where: { idempotencyKey: { startsWith: `forum/m${memberId}/` } },
      });
      return { subject: thread.subject, body: thread.messages[0]?.body ?? "", mail };
    };
    const en = await notice(english.memberId);
    expect(en.subject).toBe("Training classroom notices");
    expect(en.body).toContain("replied in");
    expect(en.mail.locale ?? "en").toBe("en");
    expect(en.mail.subject).toMatch(/[a-z]{3}/);
    const zh = await notice(chinese.memberId);
    expect(zh.subject).not.toBe("Training classroom notices");
    expect(zh.body).not.toContain("replied in");
    expect(zh.mail.subject).not.toBe(en.mail.subject);
  });
});
