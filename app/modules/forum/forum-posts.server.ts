import type { Db } from "#app/lib/db.server.ts";
import { isRichTextEmpty, normaliseRichTextInput, richTextToPlain } from "#app/lib/rich-text.server.ts";
import { conflict, forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { postWhere, withinEditWindow, type ForumViewer } from "./forum-access.ts";
import { authorColumns, isAuthor } from "./forum-authors.ts";
import { BODY_MAX, ReplyInputSchema, TITLE_MAX, type ReplyInput } from "./forum-input.ts";
import { heldColumns, holdEditedPost, screenPost } from "./forum-gate.server.ts";
import { notifyAccepted, notifyMentions, notifyWatchers } from "./forum-notify.server.ts";
import { syncPostSearch } from "./forum-search.server.ts";
import { findVisibleThread } from "./forum-thread-page.server.ts";

// Replies, edits with history, likes, accepted answers and watching. Every write first finds the
// thread/post through the viewer's visibility, so a hidden or foreign id is simply "not found".

export async function replyToThread(
  db: Db,
  viewer: ForumViewer,
  threadId: number,
  input: ReplyInput,
): Promise<ServiceResult<{ postId: number; held: boolean }>> {
  if (viewer.kind === "visitor") return notFound("forum.error.signIn");
  const parsed = ReplyInputSchema.safeParse(input);
  if (!parsed.success) return invalid({ body: ["forum.error.tooLong"] });
  const bodyHtml = normaliseRichTextInput(parsed.data.body);
  if (isRichTextEmpty(bodyHtml)) return invalid({ body: ["forum.error.body"] });
  const found = await findVisibleThread(db, viewer, threadId);
  if (!found) return notFound("forum.error.notFound");
  const { thread, moderator } = found;
  if ((thread.locked && !moderator) || thread.classroom.archivedAt) return conflict("forum.error.locked");
  const quotePostId = parsed.data.quotePostId ?? null;
  if (quotePostId) {
    const quoted = await db.forumPost.count({ where: { id: quotePostId, threadId, ...postWhere(viewer, moderator) } });
    if (quoted === 0) return invalid({ body: ["forum.error.quote"] });
  }
  // Rate limits, links, held for review and sensitive words (decision 041).
  const screened = await screenPost(db, viewer, { kind: "reply", moderator, bodyHtml });
  if (screened.status !== "ok") return screened;
  const { held } = screened.value;
  const bodyText = richTextToPlain(screened.value.bodyHtml);
  const postId = await db.$transaction(async (tx) => {
    const now = new Date();
    // Counters first (decision 053): the thread row's write lock before the insert, whose foreign key
    // check would otherwise take a shared lock that two concurrent replies both hold and both try to
    // upgrade (a deadlock). GREATEST keeps the last activity from moving back when an older transaction
    // commits after a newer one. A held reply counts only once a moderator approves it.
    if (!held) {
      await tx.$executeRaw`UPDATE \`ForumThread\` SET \`replyCount\` = \`replyCount\` + 1,
        \`lastActivityAt\` = GREATEST(\`lastActivityAt\`, ${now}), \`updatedAt\` = ${now} WHERE \`id\` = ${threadId}`;
    }
    const post = await tx.forumPost.create({
      data: {
        threadId,
        bodyHtml: screened.value.bodyHtml,
        bodyText,
        quotePostId,
        createdAt: now,
        ...heldColumns(held, now),
        ...authorColumns(viewer),
      },
      select: { id: true },
    });
    // A held reply surfaces and notifies only once a moderator approves it.
    if (held) {
      await syncPostSearch(tx, post.id);
      return post.id;
    }
    // A hidden thread's activity must not surface on the classroom list.
    if (!thread.hiddenAt) {
      await tx.$executeRaw`UPDATE \`Classroom\` SET \`lastActivityAt\` = GREATEST(COALESCE(\`lastActivityAt\`, ${now}), ${now}), \`updatedAt\` = ${now}
        WHERE \`id\` = ${thread.classroomId}`;
    }
    if (viewer.kind === "member") {
      await tx.forumWatch.upsert({
        where: { threadId_memberId: { threadId, memberId: viewer.memberId } },
        create: { threadId, memberId: viewer.memberId },
        update: {},
      });
    }
    const event = { threadId, postId: post.id, title: thread.title };
    await notifyWatchers(tx, viewer, event);
    await notifyMentions(tx, viewer, { ...event, text: bodyText });
    await syncPostSearch(tx, post.id);
    return post.id;
  });
  return ok({ postId, held });
}

/**
 * Edits a post (and, for the opening post, the thread title). Authors may edit within the edit
 * window, moderators always; the previous text is kept as a revision.
 */
export async function editPost(
  db: Db,
  viewer: ForumViewer,
  postId: number,
  input: { body: string; title?: string },
): Promise<ServiceResult<{ threadId: number }>> {
  if (viewer.kind === "visitor") return notFound("forum.error.signIn");
  const post = await db.forumPost.findFirst({
    where: { id: postId, deletedAt: null },
    select: {
      id: true,
      threadId: true,
      isOpening: true,
      bodyHtml: true,
      createdAt: true,
      authorMemberId: true,
      authorStaffId: true,
    },
  });
  if (!post) return notFound("forum.error.notFound");
  const found = await findVisibleThread(db, viewer, post.threadId);
  if (!found) return notFound("forum.error.notFound");
  const visible = await db.forumPost.count({ where: { id: postId, ...postWhere(viewer, found.moderator) } });
  if (visible === 0) return notFound("forum.error.notFound");
  if (!found.moderator) {
    if (!isAuthor(viewer, post)) return forbidden("form.forbidden");
    if (!withinEditWindow(post.createdAt)) return conflict("forum.error.editWindow");
  }
  if (input.body.length > BODY_MAX) return invalid({ body: ["forum.error.tooLong"] });
  const typedBodyHtml = normaliseRichTextInput(input.body);
  if (isRichTextEmpty(typedBodyHtml)) return invalid({ body: ["forum.error.body"] });
  const typedTitle = post.isOpening && input.title !== undefined ? input.title.trim() : undefined;
  if (typedTitle !== undefined && (typedTitle.length < 4 || typedTitle.length > TITLE_MAX)) {
    return invalid({ title: ["forum.error.title"] });
  }
  // Links and sensitive words on edits too (decision 041); a "hold" word sends the post back to review.
  const screened = await screenPost(db, viewer, {
    kind: "edit",
    moderator: found.moderator,
    title: typedTitle,
    bodyHtml: typedBodyHtml,
  });
  if (screened.status !== "ok") return screened;
  const { title, bodyHtml } = screened.value;
  await db.$transaction(async (tx) => {
    await tx.forumPostRevision.create({
      data: {
        postId,
        title: post.isOpening ? found.thread.title : null,
        bodyHtml: post.bodyHtml,
        editedByMemberId: viewer.kind === "member" ? viewer.memberId : null,
        editedByStaffId: viewer.kind === "staff" ? viewer.staffId : null,
      },
    });
    await tx.forumPost.update({
      where: { id: postId },
      data: { bodyHtml, bodyText: richTextToPlain(bodyHtml), editedAt: new Date() },
    });
    if (title !== undefined) await tx.forumThread.update({ where: { id: post.threadId }, data: { title } });
    if (screened.value.held) await holdEditedPost(tx, post);
    await syncPostSearch(tx, postId);
  });
  return ok({ threadId: post.threadId });
}

/** The edit history of a post the viewer may see, newest first. */
export async function postRevisions(db: Db, viewer: ForumViewer, postId: number) {
  const post = await db.forumPost.findFirst({ where: { id: postId }, select: { threadId: true } });
  if (!post) return null;
  const found = await findVisibleThread(db, viewer, post.threadId);
  if (!found) return null;
  const visible = await db.forumPost.count({ where: { id: postId, ...postWhere(viewer, found.moderator) } });
  if (visible === 0) return null;
  return db.forumPost.findUnique({ where: { id: postId } }).revisions({
    orderBy: { id: "desc" },
    select: { id: true, title: true, bodyHtml: true, createdAt: true },
  });
}

/** Likes or unlikes a visible post (members only; one like per member). */
export async function toggleLike(
  db: Db,
  viewer: ForumViewer,
  postId: number,
): Promise<ServiceResult<{ liked: boolean; threadId: number }>> {
  if (viewer.kind !== "member") return notFound("forum.error.signIn");
  const post = await visiblePost(db, viewer, postId);
  if (!post) return notFound("forum.error.notFound");
  const key = { postId_memberId: { postId, memberId: viewer.memberId } };
  const liked = await db.$transaction(async (tx) => {
    const removed = await tx.forumLike.deleteMany({ where: { postId, memberId: viewer.memberId } });
    if (removed.count > 0) {
      await tx.forumPost.update({ where: { id: postId }, data: { likeCount: { decrement: 1 } } });
      if (post.isOpening)
        await tx.forumThread.update({ where: { id: post.threadId }, data: { likeCount: { decrement: 1 } } });
      return false;
    }
    await tx.forumLike.upsert({ where: key, create: { postId, memberId: viewer.memberId }, update: {} });
    await tx.forumPost.update({ where: { id: postId }, data: { likeCount: { increment: 1 } } });
    if (post.isOpening)
      await tx.forumThread.update({ where: { id: post.threadId }, data: { likeCount: { increment: 1 } } });
    return true;
  });
  return ok({ liked, threadId: post.threadId });
}

/** 采纳: the asker or a moderator accepts a visible reply; its author hears about it in the bell. */
export async function acceptAnswer(
  db: Db,
  viewer: ForumViewer,
  postId: number,
): Promise<ServiceResult<{ threadId: number }>> {
  if (viewer.kind === "visitor") return notFound("forum.error.signIn");
  const post = await visiblePost(db, viewer, postId);
  if (!post || post.isOpening) return notFound("forum.error.notFound");
  const { thread, moderator } = post.found;
  if (!moderator && !isAuthor(viewer, thread)) return forbidden("forum.error.notAuthor");
  await db.$transaction(async (tx) => {
    await tx.forumThread.update({ where: { id: post.threadId }, data: { acceptedPostId: postId } });
    if (post.authorMemberId && !(viewer.kind === "member" && viewer.memberId === post.authorMemberId)) {
      await notifyAccepted(tx, post.authorMemberId, { threadId: post.threadId, postId, title: thread.title });
    }
  });
  return ok({ threadId: post.threadId });
}

/** Starts or stops watching a visible thread (members). */
export async function toggleWatch(
  db: Db,
  viewer: ForumViewer,
  threadId: number,
): Promise<ServiceResult<{ watching: boolean }>> {
  if (viewer.kind !== "member") return notFound("forum.error.signIn");
  const found = await findVisibleThread(db, viewer, threadId);
  if (!found) return notFound("forum.error.notFound");
  const removed = await db.forumWatch.deleteMany({ where: { threadId, memberId: viewer.memberId } });
  if (removed.count > 0) return ok({ watching: false });
  await db.forumWatch.create({ data: { threadId, memberId: viewer.memberId } });
  return ok({ watching: true });
}

async function visiblePost(db: Db, viewer: ForumViewer, postId: number) {
  const post = await db.forumPost.findFirst({
    where: { id: postId, deletedAt: null },
    select: { id: true, threadId: true, isOpening: true, authorMemberId: true },
  });
  if (!post) return null;
  const found = await findVisibleThread(db, viewer, post.threadId);
  if (!found) return null;
  const visible = await db.forumPost.count({ where: { id: postId, ...postWhere(viewer, found.moderator) } });
  return visible > 0 ? { ...post, found } : null;
}
