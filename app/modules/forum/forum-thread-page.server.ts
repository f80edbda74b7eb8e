import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { classroomWhere, postWhere, visibleThreadWhere, withinEditWindow, type ForumViewer } from "./forum-access.ts";
import { loadAuthors } from "./forum-author-names.server.ts";
import { isAuthor } from "./forum-authors.ts";
import { decodeCursor } from "./forum-input.ts";
import { threadColumnsSelect } from "./forum-threads.server.ts";
import type { ForumPostView } from "./forum-views.ts";

// One thread as a viewer sees it: the question, a page of replies (keyset by id), quotes resolved
// only against posts the viewer may see, and what the viewer may do.

export const REPLY_PAGE_SIZE = 30;
const QUOTE_LENGTH = 160;

const postSelect = {
  id: true,
  isOpening: true,
  bodyHtml: true,
  bodyText: true,
  quotePostId: true,
  likeCount: true,
  hiddenAt: true,
  heldAt: true,
  editedAt: true,
  createdAt: true,
  authorMemberId: true,
  authorStaffId: true,
} as const;

/**
 * The thread if the viewer may see it (classroom level, hidden/deleted rules), in two statements
 * (decision 065; it was five or six): the thread with every rule in its query, then its classroom's
 * name and whether the viewer moderates it.
 */
export async function findVisibleThread(db: DbOrTx, viewer: ForumViewer, threadId: number) {
  const row = await db.forumThread.findFirst({
    where: { id: threadId, classroom: classroomWhere(viewer), ...visibleThreadWhere(viewer) },
    select: { ...threadColumnsSelect, knowledgeArticleId: true },
  });
  if (!row) return null;
  const memberId = viewer.kind === "member" ? viewer.memberId : 0;
  const [room] = await db.$queryRaw<Array<{ name: string; archivedAt: Date | null; moderates: number | bigint }>>`
    SELECT c.name, c.archivedAt, EXISTS (
      SELECT 1 FROM \`ClassroomModerator\` m WHERE m.classroomId = c.id AND m.memberId = ${memberId}
    ) AS moderates
    FROM \`Classroom\` c WHERE c.id = ${row.classroomId}`;
  if (!room) return null;
  const moderator = viewer.kind === "staff" || (viewer.kind === "member" && Number(room.moderates) > 0);
  const classroom = { id: row.classroomId, name: room.name, archivedAt: room.archivedAt };
  return { thread: { ...row, classroom }, moderator };
}

export async function openThread(
  db: DbOrTx,
  viewer: ForumViewer,
  threadId: number,
  options: { cursor?: string | null } = {},
) {
  const found = await findVisibleThread(db, viewer, threadId);
  if (!found) return null;
  const { thread, moderator } = found;
  const after = decodeCursor(options.cursor);
  const visiblePosts = postWhere(viewer, moderator);
  const [opening, replies] = await Promise.all([
    db.forumPost.findFirst({ where: { threadId, isOpening: true }, select: postSelect }),
    db.forumPost.findMany({
      where: { threadId, isOpening: false, ...visiblePosts, ...(after ? { id: { gt: after.id } } : {}) },
      orderBy: { id: "asc" },
      take: REPLY_PAGE_SIZE + 1,
      select: postSelect,
    }),
  ]);
  if (!opening) return null;
  const page = replies.slice(0, REPLY_PAGE_SIZE);
  const shown = [opening, ...page];
  const quoteIds = [...new Set(shown.flatMap((p) => (p.quotePostId ? [p.quotePostId] : [])))];
  const [quotes, liked, watching] = await Promise.all([
    quoteIds.length > 0
      ? db.forumPost.findMany({
          where: { id: { in: quoteIds }, threadId, ...visiblePosts },
          select: { id: true, bodyText: true, authorMemberId: true, authorStaffId: true },
        })
      : Promise.resolve([]),
    viewer.kind === "member"
      ? db.forumLike.findMany({
          where: { memberId: viewer.memberId, postId: { in: shown.map((p) => p.id) } },
          select: { postId: true },
        })
      : Promise.resolve([]),
    viewer.kind === "member"
      ? db.forumWatch.count({ where: { threadId, memberId: viewer.memberId } })
      : Promise.resolve(0),
  ]);
  const authorOf = await loadAuthors(db, [thread, ...shown, ...quotes]);
  const quoteById = new Map(
    quotes.map((q) => [q.id, { id: q.id, author: authorOf(q), excerpt: q.bodyText.slice(0, QUOTE_LENGTH) }]),
  );
  const likedIds = new Set(liked.map((l) => l.postId));
  const canAct = viewer.kind !== "visitor";
  const now = new Date();
  const toPost = (p: Prisma.ForumPostGetPayload<{ select: typeof postSelect }>): ForumPostView => ({
    id: p.id,
    isOpening: p.isOpening,
    bodyHtml: p.bodyHtml,
    excerpt: p.bodyText.slice(0, QUOTE_LENGTH),
    likeCount: p.likeCount,
    hidden: p.hiddenAt !== null,
    held: p.heldAt !== null,
    edited: p.editedAt !== null,
    createdAt: p.createdAt,
    author: authorOf(p),
    mine: isAuthor(viewer, p),
    accepted: thread.acceptedPostId === p.id,
    liked: likedIds.has(p.id),
    quote: p.quotePostId ? (quoteById.get(p.quotePostId) ?? null) : null,
    canEdit: moderator || (isAuthor(viewer, p) && withinEditWindow(p.createdAt, now)),
  });
  const last = page.at(-1);
  return {
    thread: {
      id: thread.id,
      title: thread.title,
      tags: thread.tags ? thread.tags.split(",") : [],
      pinned: thread.pinned,
      essence: thread.essence,
      locked: thread.locked,
      hidden: thread.hiddenAt !== null,
      held: thread.heldAt !== null,
      solved: thread.acceptedPostId !== null,
      replyCount: thread.replyCount,
      viewCount: thread.viewCount,
      knowledgeArticleId: moderator ? thread.knowledgeArticleId : null,
      classroom: { id: thread.classroom.id, name: thread.classroom.name },
      author: authorOf(thread),
      mine: isAuthor(viewer, thread),
    },
    opening: toPost(opening),
    replies: page.map(toPost),
    nextCursor: replies.length > REPLY_PAGE_SIZE && last ? `0.${last.id}` : null,
    moderator,
    watching: watching > 0,
    canReply: canAct && (!thread.locked || moderator) && thread.classroom.archivedAt === null,
    canAccept: canAct && (moderator || isAuthor(viewer, thread)),
  };
}
export type ThreadPage = NonNullable<Awaited<ReturnType<typeof openThread>>>;
