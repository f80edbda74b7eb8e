import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createIntakeCategory, createIntakeStaff, createTokenGroupWith } from "#tests/factories/lead-intake.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { curateToKnowledge, handToSales, memberForumActivity } from "./forum-crm.server.ts";
import { replyToThread } from "./forum-posts.server.ts";
import { createThread } from "./forum-threads.server.ts";
import { createClassroom } from "./forum.test-helpers.ts";

async function forumAdmin() {
  const { staff } = await createTestStaff(db, { isAdmin: true });
  return staffActorFor(staff, { isAdmin: true });
}

async function questionWithAnswer() {
  const room = await createClassroom(db, { name: "实施与运维" });
  const { member } = await createTestMember(db, { nickname: "采购小王", realName: "王采购", phone: "13800138000" });
  const asker = { kind: "member" as const, memberId: member.id, audience: member.level };
  const { member: helperMember } = await createTestMember(db, { nickname: "老用户" });
  const helper = { kind: "member" as const, memberId: helperMember.id, audience: helperMember.level };
  // Established members: the new-member hold of decision 041 is not what these tests are about.
  await db.member.updateMany({
    where: { id: { in: [member.id, helperMember.id] } },
    data: { forumTrustedAt: new Date() },
  });
  const thread = await createThread(db, asker, room.id, {
    title: "我们要上 200 个站点，怎么报价？",
    body: "<p>请联系我</p>",
    tags: "报价",
  });
  if (thread.status !== "ok") throw new Error("thread");
  const answer = await replyToThread(db, helper, thread.value.threadId, {
    body: "<p>按站点数阶梯价<script>x</script></p>",
  });
  if (answer.status !== "ok") throw new Error("answer");
  const opening = await db.forumPost.findFirstOrThrow({ where: { threadId: thread.value.threadId, isOpening: true } });
  return { member, threadId: thread.value.threadId, openingId: opening.id, answerId: answer.value.postId };
}

describe("forum CRM ties", () => {
  beforeEach(() => resetDatabase());

  it("hands a post's author to sales by the category's token rules, with a link back and a site message", async () => {
    const admin = await forumAdmin();
    const { member, threadId, openingId } = await questionWithAnswer();
    const seller = await createIntakeStaff(db);
    const group = await createTokenGroupWith(db, [{ staffId: seller.id }]);
    const category = await createIntakeCategory(db, { designatedStaffId: admin.staffId, tokenGroupId: group.id });
    const result = await handToSales(db, admin, { postId: openingId, categoryId: category.id, note: "急" });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    const lead = await db.lead.findUniqueOrThrow({ where: { id: result.value.leadId } });
    expect(lead).toMatchObject({ source: "forum", memberId: member.id, ownerId: seller.id, categoryId: category.id });
    expect(lead.requirement).toContain(`/crm/forum/threads/${threadId}#post-${openingId}`);
    expect(lead.contactName).toBe("王采购");
    const message = await db.messageThread.findFirstOrThrow({
      where: { memberId: member.id },
      include: { messages: true },
    });
    expect(message.memberUnreadCount).toBe(1);
    expect(message.messages[0]?.body).toContain("200 个站点");
    expect(await db.auditLog.count({ where: { action: "forum.handToSales" } })).toBe(1);
  });

  it("hands a member to a chosen salesperson, and refuses staff posts, no route or missing rights", async () => {
    const admin = await forumAdmin();
    const { member, answerId } = await questionWithAnswer();
    const seller = await createIntakeStaff(db);
    const chosen = await handToSales(db, admin, { memberId: member.id, ownerStaffId: seller.id });
    expect(chosen.status).toBe("ok");
    if (chosen.status === "ok") {
      expect((await db.lead.findUniqueOrThrow({ where: { id: chosen.value.leadId } })).ownerId).toBe(seller.id);
    }
    expect((await handToSales(db, admin, { postId: answerId })).status).toBe("invalid");
    expect((await handToSales(db, admin, { postId: 999_999, ownerStaffId: seller.id })).status).toBe("not-found");
    const { staff } = await createTestStaff(db, { grants: [{ module: "forum", action: "modify", scope: "all" }] });
    const noLeads = staffActorFor(staff, { grants: { forum: { modify: "all" } } });
    expect((await handToSales(db, noLeads, { memberId: member.id, ownerStaffId: seller.id })).status).toBe("forbidden");
    expect(await db.lead.count()).toBe(1);
  });

  it("curates a question and chosen answers into a draft knowledge article that links back", async () => {
    const admin = await forumAdmin();
    const { threadId, answerId } = await questionWithAnswer();
    expect((await curateToKnowledge(db, admin, threadId, [])).status).toBe("invalid");
    const result = await curateToKnowledge(db, admin, threadId, [answerId]);
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    const article = await db.knowledgeArticle.findUniqueOrThrow({ where: { id: result.value.articleId } });
    expect(article).toMatchObject({
      status: "draft",
      summary: "我们要上 200 个站点，怎么报价？",
      category: "实施与运维",
    });
    expect(article.descriptionHtml).toContain(`href="/forum/t/${threadId}"`);
    expect(article.solutionHtml).toContain("老用户");
    expect(article.solutionHtml).not.toContain("script");
    expect((await db.forumThread.findUniqueOrThrow({ where: { id: threadId } })).knowledgeArticleId).toBe(article.id);
  });

  it("lists a member's forum activity, hidden posts marked", async () => {
    const { member, openingId } = await questionWithAnswer();
    await db.forumPost.update({ where: { id: openingId }, data: { hiddenAt: new Date() } });
    const activity = await memberForumActivity(db, member.id);
    expect(activity).toEqual([expect.objectContaining({ id: openingId, hidden: true, isOpening: true })]);
  });
});
