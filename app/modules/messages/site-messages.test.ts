import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { actorOf, loadStaffPrincipal } from "#app/modules/auth/staff-principal.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { countUnreadForMember, countUnreadForStaff } from "./message-counts.server.ts";
import {
  assignThreadToMe,
  listThreadsForMember,
  MEMBER_MESSAGE_LIMIT,
  memberUnreadBadge,
  NewThreadSchema,
  openThreadForMember,
  openedThreadId,
  openThreadForStaff,
  PAGE_SIZE,
  replyAsMember,
  replyAsStaff,
  ReplySchema,
  staffUnreadBadge,
  startThread,
} from "./site-messages.server.ts";

/** The actor a session would give this staff member: roles and grants loaded from the database. */
async function staffWith(options: Parameters<typeof createTestStaff>[1]): Promise<StaffActor> {
  const { staff } = await createTestStaff(db, options);
  const principal = await loadStaffPrincipal(db, staff.id, "test-session");
  if (!principal) throw new Error("staff principal did not load");
  return actorOf(principal);
}

const modifyGrants = [
  { module: "members", action: "browse", scope: "all" },
  { module: "members", action: "modify", scope: "all" },
] as const;

async function thread(
  memberId: number,
  subject = "发票抬头怎么改",
  body = "我们公司名称变更了，请问如何修改发票抬头？",
) {
  const result = await startThread(db, memberId, { subject, body });
  if (result.kind !== "ok") throw new Error(`startThread: ${result.kind}`);
  return result.threadId;
}

async function threadRow(id: number) {
  return db.messageThread.findUniqueOrThrow({ where: { id } });
}

describe("site messages", () => {
  beforeEach(() => resetDatabase());

  it("validates subject and body lengths and trims them", () => {
    expect(NewThreadSchema.safeParse({ subject: "  ", body: "x" }).error?.issues[0]?.message).toBe(
      "validation.required",
    );
    expect(NewThreadSchema.safeParse({ subject: "a".repeat(201), body: "x" }).error?.issues[0]?.message).toBe(
      "messages.validation.subjectTooLong",
    );
    expect(ReplySchema.safeParse({ body: "b".repeat(5001) }).error?.issues[0]?.message).toBe(
      "messages.validation.bodyTooLong",
    );
    expect(NewThreadSchema.parse({ subject: " 两行\n主题 ", body: "  内容\n第二行  " })).toEqual({
      subject: "两行 主题",
      body: "内容\n第二行",
    });
    expect(ReplySchema.safeParse({ body: "b".repeat(5000) }).success).toBe(true);
  });

  it("counts unread on the other side and clears only the reader's counter on open", async () => {
    const { member } = await createTestMember(db);
    const csr = await staffWith({ grants: [...modifyGrants] });
    const threadId = await thread(member.id);

    expect(await threadRow(threadId)).toMatchObject({
      staffUnreadCount: 1,
      memberUnreadCount: 0,
      assignedStaffId: null,
    });
    expect(await countUnreadForStaff(db, csr.staffId)).toBe(1);
    expect(await countUnreadForMember(db, member.id)).toBe(0);

    await replyAsMember(db, member.id, threadId, { body: "补充：新名称已经工商变更。" });
    expect((await threadRow(threadId)).staffUnreadCount).toBe(2);

    const opened = await openThreadForStaff(db, csr, threadId);
    expect(opened.kind).toBe("ok");
    if (opened.kind !== "ok") return;
    expect(opened.thread.messages.map((m) => m.fromStaff)).toEqual([false, false]);
    expect((await threadRow(threadId)).staffUnreadCount).toBe(0);
    expect(await countUnreadForStaff(db, csr.staffId)).toBe(0);

    const reply = await replyAsStaff(db, csr, threadId, { body: "您好，请在账户资料中上传变更证明。" });
    expect(reply.kind).toBe("ok");
    await replyAsStaff(db, csr, threadId, { body: "上传后我们一个工作日内处理。" });
    expect(await threadRow(threadId)).toMatchObject({ memberUnreadCount: 2, staffUnreadCount: 0 });
    expect(await countUnreadForMember(db, member.id)).toBe(2);

    const seen = await openThreadForMember(db, member.id, threadId);
    expect(seen?.messages).toHaveLength(4);
    expect(seen?.messages[2]).toMatchObject({ fromStaff: true, staffName: csr.name });
    expect(await threadRow(threadId)).toMatchObject({ memberUnreadCount: 0, staffUnreadCount: 0 });
    expect(await countUnreadForMember(db, member.id)).toBe(0);
  });

  it("assigns the thread to the first staff member who replies, and keeps it there", async () => {
    const { member } = await createTestMember(db);
    const first = await staffWith({ grants: [...modifyGrants] });
    const second = await staffWith({ grants: [...modifyGrants] });
    const threadId = await thread(member.id);

    const a = await replyAsStaff(db, first, threadId, { body: "我来处理。" });
    expect(a).toMatchObject({ kind: "ok", assigned: true });
    const b = await replyAsStaff(db, second, threadId, { body: "补充一点。" });
    expect(b).toMatchObject({ kind: "ok", assigned: false });
    expect((await threadRow(threadId)).assignedStaffId).toBe(first.staffId);

    const audit = await db.auditLog.findMany({
      where: { action: "message_thread.assign", entityId: String(threadId) },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(first.staffId);

    // "分配给我" takes it over explicitly.
    expect(await assignThreadToMe(db, second, threadId)).toEqual({ kind: "ok", changed: true });
    expect((await threadRow(threadId)).assignedStaffId).toBe(second.staffId);
    expect(await assignThreadToMe(db, second, threadId)).toEqual({ kind: "ok", changed: false });
  });

  it("does not clear a colleague's unread counter when someone else reads their thread", async () => {
    const { member } = await createTestMember(db);
    const handler = await staffWith({ grants: [...modifyGrants] });
    const admin = await staffWith({ isAdmin: true });
    const threadId = await thread(member.id);
    await replyAsStaff(db, handler, threadId, { body: "收到。" });
    await replyAsMember(db, member.id, threadId, { body: "谢谢，还有一个问题。" });
    expect((await threadRow(threadId)).staffUnreadCount).toBe(1);

    await openThreadForStaff(db, admin, threadId);
    expect((await threadRow(threadId)).staffUnreadCount).toBe(1);
    // The admin's badge counts only their own and unassigned threads.
    expect(await countUnreadForStaff(db, admin.staffId)).toBe(0);
    expect(await countUnreadForStaff(db, handler.staffId)).toBe(1);

    await openThreadForStaff(db, handler, threadId);
    expect((await threadRow(threadId)).staffUnreadCount).toBe(0);
  });

  it("e-mails the member about a staff reply only when they want e-mail, with an excerpt and a link", async () => {
    const { member: wantsMail } = await createTestMember(db, { nickname: "要邮件的会员" });
    const { member: noMail } = await createTestMember(db);
    await db.member.update({ where: { id: noMail.id }, data: { notifyByEmail: false } });
    const csr = await staffWith({ grants: [...modifyGrants] });
    const longBody = `您好，${"这是一段很长的回复。".repeat(40)}结尾的秘密不应出现在邮件中`;

    const t1 = await thread(wantsMail.id, "合同续签");
    const r1 = await replyAsStaff(db, csr, t1, { body: longBody });
    expect(r1).toMatchObject({ kind: "ok", emailed: true });
    const t2 = await thread(noMail.id);
    const r2 = await replyAsStaff(db, csr, t2, { body: "好的。" });
    expect(r2).toMatchObject({ kind: "ok", emailed: false });

    const mails = await db.emailOutbox.findMany({ where: { template: "member-new-message" } });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.toAddress).toBe(wantsMail.email);
    expect(mail.subject).toContain("合同续签");
    expect(mail.text).toContain("要邮件的会员");
    expect(mail.text).toContain(`/account/messages/${t1}`);
    expect(mail.text).toContain("您好，这是一段很长的回复。");
    expect(mail.text).not.toContain("结尾的秘密");
    expect(mail.text).toContain(csr.name);
  });

  it("notifies the assignee in the bell when the member writes to an assigned thread", async () => {
    const { member } = await createTestMember(db, { nickname: "小王" });
    const csr = await staffWith({ grants: [...modifyGrants] });
    const other = await staffWith({ grants: [...modifyGrants] });
    const threadId = await thread(member.id, "安装问题");
    // Unassigned: nobody in particular is notified.
    await replyAsMember(db, member.id, threadId, { body: "还在吗？" });
    expect(await db.notification.count()).toBe(0);

    await replyAsStaff(db, csr, threadId, { body: "在的。" });
    await replyAsMember(db, member.id, threadId, { body: "服务启动时报错 1045。" });
    const notes = await db.notification.findMany();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ staffId: csr.staffId, type: "site-message", link: `/crm/messages/${threadId}` });
    expect(notes[0]!.title).toContain("小王");
    expect(notes[0]!.body).toContain("安装问题");
    expect(notes[0]!.body).toContain("1045");
    expect(await db.notification.count({ where: { staffId: other.staffId } })).toBe(0);
  });

  it("keeps members apart: no reading, replying to or listing someone else's thread", async () => {
    const { member: alice } = await createTestMember(db);
    const { member: bob } = await createTestMember(db);
    const aliceThread = await thread(alice.id, "Alice 的问题");
    await thread(bob.id, "Bob 的问题");

    expect(await openThreadForMember(db, bob.id, aliceThread)).toBeNull();
    expect(await replyAsMember(db, bob.id, aliceThread, { body: "插一句" })).toEqual({ kind: "not-found" });
    expect(await db.message.count({ where: { threadId: aliceThread } })).toBe(1);
    expect((await threadRow(aliceThread)).staffUnreadCount).toBe(1);

    const bobList = await listThreadsForMember(db, bob.id);
    expect(bobList.items.map((i) => i.subject)).toEqual(["Bob 的问题"]);
    expect(await openThreadForMember(db, alice.id, 999_999)).toBeNull();
  });

  it("lists a member's threads newest activity first, with unread counts and pages", async () => {
    const { member } = await createTestMember(db);
    const csr = await staffWith({ grants: [...modifyGrants] });
    const ids: number[] = [];
    for (let i = 0; i < PAGE_SIZE + 2; i++) {
      ids.push(await thread(member.id, `主题 ${i}`));
      await db.rateLimitBucket.deleteMany(); // more threads than one member may start in an hour
    }
    // Activity on the oldest thread moves it to the top.
    await replyAsStaff(db, csr, ids[0]!, { body: "已处理" });

    const first = await listThreadsForMember(db, member.id);
    expect(first.total).toBe(PAGE_SIZE + 2);
    expect(first.pageCount).toBe(2);
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.items[0]).toMatchObject({ id: ids[0], unread: 1, lastFromStaff: true, assigneeName: csr.name });
    const second = await listThreadsForMember(db, member.id, { page: 2 });
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(PAGE_SIZE + 2);
    // A page past the end shows the last page.
    expect((await listThreadsForMember(db, member.id, { page: 9 })).page).toBe(2);
  });

  it("checks permissions: browse to read and reply, modify to take over", async () => {
    const { member } = await createTestMember(db);
    const reader = await staffWith({ grants: [{ module: "members", action: "browse", scope: "all" }] });
    const outsider = await staffWith({ grants: [{ module: "leads", action: "browse", scope: "own" }] });
    const threadId = await thread(member.id);

    expect((await openThreadForStaff(db, outsider, threadId)).kind).toBe("forbidden");
    expect((await openThreadForStaff(db, reader, threadId)).kind).toBe("ok");
    expect(await replyAsStaff(db, outsider, threadId, { body: "试试" })).toEqual({ kind: "forbidden" });
    expect(await assignThreadToMe(db, reader, threadId)).toEqual({ kind: "forbidden" });
    expect(await db.message.count()).toBe(1);
    expect((await threadRow(threadId)).assignedStaffId).toBeNull();
    expect(await replyAsStaff(db, reader, threadId, { body: "您好" })).toMatchObject({ kind: "ok", assigned: true });
    expect((await openThreadForStaff(db, reader, 987_654)).kind).toBe("not-found");
  });

  it("rate-limits a member's messages per hour, new threads and replies together", async () => {
    const { member } = await createTestMember(db);
    const { member: other } = await createTestMember(db);
    const threadId = await thread(member.id);
    for (let i = 1; i < MEMBER_MESSAGE_LIMIT.limit; i++) {
      expect((await replyAsMember(db, member.id, threadId, { body: `第 ${i} 条` })).kind).toBe("ok");
    }
    const refused = await replyAsMember(db, member.id, threadId, { body: "一条太多" });
    expect(refused.kind).toBe("rate-limited");
    if (refused.kind === "rate-limited") expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect((await startThread(db, member.id, { subject: "新主题", body: "内容" })).kind).toBe("rate-limited");
    expect(await db.message.count({ where: { threadId } })).toBe(MEMBER_MESSAGE_LIMIT.limit);
    expect(await db.messageThread.count({ where: { memberId: member.id } })).toBe(1);
    // Another member is unaffected.
    expect((await startThread(db, other.id, { subject: "你好", body: "内容" })).kind).toBe("ok");
  });

  it("keeps a deregistered member's threads readable but anonymised, and closed to replies", async () => {
    const { member } = await createTestMember(db, { nickname: "将注销的会员" });
    const admin = await staffWith({ isAdmin: true });
    const threadId = await thread(member.id, "旧问题");
    await db.member.update({
      where: { id: member.id },
      data: { status: "deregistered", deregisteredAt: new Date(), email: `deregistered-${member.id}@invalid` },
    });

    const opened = await openThreadForStaff(db, admin, threadId);
    expect(opened.kind).toBe("ok");
    if (opened.kind !== "ok") return;
    expect(opened.thread.member).toMatchObject({ anonymised: true, nickname: null, email: null });
    expect(opened.thread.closed).toBe(true);
    expect(opened.thread.messages).toHaveLength(1);

    expect(await replyAsStaff(db, admin, threadId, { body: "还在吗" })).toEqual({ kind: "closed" });
    expect(await db.emailOutbox.count()).toBe(0);
  });

  it("counts the thread a page is opening as read in the shell badges", async () => {
    const { member } = await createTestMember(db);
    const csr = await staffWith({ grants: [...modifyGrants] });
    const a = await thread(member.id, "甲");
    const b = await thread(member.id, "乙");
    expect(await staffUnreadBadge(db, csr.staffId, null)).toBe(2);
    expect(await staffUnreadBadge(db, csr.staffId, a)).toBe(1);
    await replyAsStaff(db, csr, a, { body: "回复甲" });
    await replyAsStaff(db, csr, b, { body: "回复乙" });
    expect(await memberUnreadBadge(db, member.id, null)).toBe(2);
    expect(await memberUnreadBadge(db, member.id, b)).toBe(1);

    expect(openedThreadId(`/crm/messages/${a}`, "/crm/messages")).toBe(a);
    expect(openedThreadId(`/account/messages/${b}/`, "/account/messages")).toBe(b);
    expect(openedThreadId("/account/messages/new", "/account/messages")).toBeNull();
    expect(openedThreadId("/account/messages", "/account/messages")).toBeNull();
    expect(openedThreadId("/crm/messages/12/extra", "/crm/messages")).toBeNull();
  });
});
