import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { conflict, forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { createArticle } from "#app/modules/knowledge/knowledge-articles.server.ts";
import { entryOwners } from "#app/modules/leads/intake/lead-entry.server.ts";
import { submitLead } from "#app/modules/leads/intake/lead-intake.server.ts";
import { authorName, authorOf, authorSelect } from "./forum-authors.ts";
import { memberLocale } from "./notify/forum-mail.server.ts";

// The forum's ties to the CRM (seed §1.2): 转交销售 hands a member (from one of their posts or from
// their page) to sales as a lead through the intake service, routed by a registration category's
// token rules or to a chosen salesperson, and tells the member by site message; 整理为知识 turns a
// question and chosen answers into a draft knowledge article that links back to the thread.

export interface HandToSalesInput {
  postId?: number | null;
  memberId?: number | null;
  categoryId?: number | null;
  ownerStaffId?: number | null;
  note?: string;
}

const NOTE_MAX = 1000;

/** Where staff open a post in the back office (the lead's link back). */
export function staffPostLink(threadId: number, postId: number | null): string {
  return `/crm/forum/threads/${threadId}${postId ? `#post-${postId}` : ""}`;
}

export async function handToSales(
  db: Db,
  actor: StaffActor,
  input: HandToSalesInput,
): Promise<ServiceResult<{ leadId: number; memberId: number }>> {
  if (!can(actor, "forum", "modify") || !can(actor, "leads", "add")) return forbidden("form.forbidden");
  const post = input.postId
    ? await db.forumPost.findFirst({
        where: { id: input.postId, deletedAt: null },
        select: { id: true, threadId: true, authorMemberId: true, thread: { select: { title: true } } },
      })
    : null;
  if (input.postId && !post) return notFound("forum.error.notFound");
  const memberId = post ? post.authorMemberId : (input.memberId ?? null);
  if (!memberId) return invalid({ postId: ["forum.error.noMember"] });
  const member = await db.member.findFirst({
    where: { id: memberId, deregisteredAt: null },
    select: { id: true, email: true, nickname: true, realName: true, phone: true, companyName: true, locale: true },
  });
  if (!member) return notFound("forum.error.noMember");
  const categoryId = input.categoryId ?? null;
  const ownerStaffId = categoryId ? null : (input.ownerStaffId ?? null);
  if (!categoryId && !ownerStaffId) return invalid({ categoryId: ["forum.error.route"] });
  if (ownerStaffId && !(await entryOwners(db, actor)).some((o) => o.id === ownerStaffId)) {
    return invalid({ ownerStaffId: ["leads.error.ownerNotFound"] });
  }
  const t = createTranslator(DEFAULT_LOCALE);
  const link = post ? staffPostLink(post.threadId, post.id) : `/crm/members/${member.id}/forum`;
  const requirement = t("forum.crm.leadRequirement", {
    title: post?.thread.title ?? member.nickname,
    link,
    note: (input.note ?? "").trim().slice(0, NOTE_MAX),
  }).trim();
  const result = await submitLead(
    db,
    {
      contact: { name: member.realName ?? member.nickname, email: member.email, phone: member.phone ?? undefined },
      company: member.companyName ? { name: member.companyName } : undefined,
      requirement,
    },
    {
      categoryId,
      source: "forum",
      memberId: member.id,
      actorStaffId: actor.staffId,
      ownerStaffId,
      // A double click hands over once; handing the same post again later is a new decision.
      idempotencyKey: `forum:${post ? `post-${post.id}` : `member-${member.id}`}:${actor.staffId}:${Math.floor(Date.now() / 60_000)}`,
    },
  );
  if (result.status === "invalid") return invalid({ categoryId: ["forum.error.route"] });
  if (result.status === "keyReused") return conflict("form.conflict");
  const leadId = result.lead.id;
  await db.$transaction(async (tx) => {
    // The routed owner may read the thread they were handed (decision 053): the link is the scope.
    if (post) {
      await tx.forumLeadLink.upsert({
        where: { leadId },
        create: { leadId, threadId: post.threadId, postId: post.id },
        update: {},
      });
    }
    await sendSiteMessage(tx, actor, member, post?.thread.title ?? "");
    await recordStaffAudit(tx, actor, {
      action: "forum.handToSales",
      entityType: post ? "ForumPost" : "Member",
      entityId: post ? post.id : member.id,
      after: { leadId, memberId: member.id, categoryId, ownerStaffId },
    });
  });
  return ok({ leadId, memberId: member.id });
}

/** A staff-opened site message thread to the member (shows in their 站内消息 as unread). */
async function sendSiteMessage(
  tx: DbOrTx,
  actor: StaffActor,
  member: { id: number; locale: string | null },
  title: string,
) {
  const memberId = member.id;
  const t = createTranslator(memberLocale(member.locale));
  const now = new Date();
  const thread = await tx.messageThread.create({
    data: {
      memberId,
      subject: t("forum.crm.messageSubject"),
      assignedStaffId: actor.staffId,
      memberUnreadCount: 1,
      lastMessageAt: now,
      createdAt: now,
    },
  });
  await tx.message.create({
    data: {
      threadId: thread.id,
      authorType: "staff",
      authorStaffId: actor.staffId,
      body: t("forum.crm.messageBody", { title }),
      createdAt: now,
    },
  });
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * 整理为知识: a draft knowledge article from the question (description, with a link back to the thread)
 * and the chosen answers (solution, each credited to its author's forum name). Needs knowledge:add.
 */
export async function curateToKnowledge(
  db: Db,
  actor: StaffActor,
  threadId: number,
  postIds: number[],
  locale: string = DEFAULT_LOCALE,
): Promise<ServiceResult<{ articleId: number; number: string }>> {
  if (!can(actor, "forum", "modify")) return forbidden("form.forbidden");
  const thread = await db.forumThread.findFirst({
    where: { id: threadId, deletedAt: null },
    select: { id: true, title: true, tags: true, classroom: { select: { name: true } } },
  });
  if (!thread) return notFound("forum.error.notFound");
  const posts = await db.forumPost.findMany({
    where: { threadId, deletedAt: null, OR: [{ isOpening: true }, { id: { in: postIds.slice(0, 50) } }] },
    orderBy: { id: "asc" },
    select: { id: true, isOpening: true, bodyHtml: true, ...authorSelect },
  });
  const question = posts.find((p) => p.isOpening);
  const answers = posts.filter((p) => !p.isOpening);
  if (!question) return notFound("forum.error.notFound");
  if (answers.length === 0) return invalid({ postIds: ["forum.error.answers"] });
  const t = createTranslator(isLocale(locale) ? locale : DEFAULT_LOCALE);
  const link = `/forum/t/${thread.id}`;
  const descriptionHtml = `${question.bodyHtml}<p>${escapeHtml(t("forum.crm.articleSource"))} <a href="${link}">${escapeHtml(thread.title)}</a></p>`;
  const solutionHtml = answers
    .map((a) => `<p><strong>${escapeHtml(authorName(authorOf(a)))}</strong></p>${a.bodyHtml}`)
    .join("<hr>");
  const created = await createArticle(db, actor, {
    summary: thread.title.slice(0, 300),
    descriptionHtml,
    solutionHtml,
    category: thread.classroom.name.slice(0, 60),
    keywords: thread.tags ?? undefined,
    visibility: "members",
    status: "draft",
  });
  if (!created.ok) {
    return created.reason === "forbidden" ? forbidden("form.forbidden") : invalid({ postIds: ["forum.error.answers"] });
  }
  await db.$transaction(async (tx) => {
    await tx.forumThread.update({ where: { id: threadId }, data: { knowledgeArticleId: created.id } });
    await recordStaffAudit(tx, actor, {
      action: "forum.curate",
      entityType: "ForumThread",
      entityId: threadId,
      after: { articleId: created.id, postIds: answers.map((a) => a.id) },
    });
  });
  return ok({ articleId: created.id, number: created.number });
}

/** A member's forum activity for their back-office page: latest threads and replies, hidden ones marked. */
export async function memberForumActivity(db: DbOrTx, memberId: number, take = 30) {
  const posts = await db.forumPost.findMany({
    where: { authorMemberId: memberId, deletedAt: null, thread: { deletedAt: null } },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      isOpening: true,
      bodyText: true,
      hiddenAt: true,
      createdAt: true,
      thread: { select: { id: true, title: true, classroom: { select: { name: true } } } },
    },
  });
  return posts.map((p) => ({
    id: p.id,
    isOpening: p.isOpening,
    excerpt: p.bodyText.slice(0, 140),
    hidden: p.hiddenAt !== null,
    createdAt: p.createdAt,
    threadId: p.thread.id,
    threadTitle: p.thread.title,
    classroomName: p.thread.classroom.name,
  }));
}

/** The routes a hand-over can take: active registration categories (token rules) or a salesperson. */
export async function handOverChoices(db: DbOrTx, actor: StaffActor) {
  const [categories, owners] = await Promise.all([
    db.registrationCategory.findMany({
      where: { active: true },
      orderBy: { id: "asc" },
      select: { id: true, name: true },
    }),
    entryOwners(db, actor),
  ]);
  return { categories, owners: owners.map((o) => ({ id: o.id, name: o.name })) };
}

const FormId = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number().int().positive().max(2_147_483_647).optional(),
);
const HandOverForm = z.object({
  postId: FormId,
  memberId: FormId,
  categoryId: FormId,
  ownerStaffId: FormId,
  note: z.string().max(NOTE_MAX).optional(),
});

/** The 转交销售 form (post or member page); odd values are a 400 with nothing changed. */
export function handToSalesForm(db: Db, actor: StaffActor, formData: FormData) {
  const parsed = HandOverForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return Promise.resolve(invalid({ categoryId: ["forum.error.route"] }));
  return handToSales(db, actor, parsed.data);
}

/** The 整理为知识 form: the chosen answers' ids. */
export function curateForm(db: Db, actor: StaffActor, threadId: number, formData: FormData) {
  const ids = formData
    .getAll("postIds")
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647);
  return curateToKnowledge(db, actor, threadId, ids);
}
