import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { leadScopeWhere } from "#app/modules/leads/record/lead-workspace.server.ts";
import { authorOf, authorSelect, type ForumAuthor } from "./forum-authors.ts";
import { openThread } from "./forum-thread-page.server.ts";

// 转交销售 from the lead's side (decision 053): the salesperson a forum member was handed to usually has
// no forum rights, yet must read the post they were handed. A thread is readable (read-only) by staff
// with forum:browse, or by anyone who may open a lead handed over from it — the rule is in the query.

const EXCERPT_LENGTH = 280;

/** Threads the actor may read in the back office: all with forum rights, else those of leads they may open. */
export function readableThreadWhere(actor: StaffActor): Prisma.ForumThreadWhereInput | null {
  if (can(actor, "forum", "browse")) return {};
  const leads = leadScopeWhere(actor);
  return leads ? { leadLinks: { some: { lead: leads } } } : null;
}

/** The thread as forum staff see it, if the actor may read it; null (404) otherwise. */
export async function openHandedThread(
  db: DbOrTx,
  actor: StaffActor,
  threadId: number,
  options: { cursor?: string | null } = {},
) {
  const scope = readableThreadWhere(actor);
  if (!scope) return null;
  const allowed = await db.forumThread.findFirst({
    where: { id: threadId, deletedAt: null, ...scope },
    select: { id: true },
  });
  if (!allowed) return null;
  return openThread(db, { kind: "staff", staffId: actor.staffId }, threadId, options);
}

export interface LeadForumPost {
  threadId: number;
  postId: number | null;
  title: string;
  excerpt: string;
  author: ForumAuthor;
  createdAt: Date;
  hidden: boolean;
  /** Open to visitors on the portal (public classroom, thread and post not hidden): the portal link works. */
  publicOnPortal: boolean;
}

/** The post a lead was handed over from, for the lead page; null if none or the lead is out of scope. */
export async function leadForumPost(db: DbOrTx, actor: StaffActor, leadId: number): Promise<LeadForumPost | null> {
  const leads = leadScopeWhere(actor);
  if (!leads) return null;
  const link = await db.forumLeadLink.findFirst({
    where: { leadId, lead: leads, thread: { deletedAt: null } },
    select: {
      threadId: true,
      postId: true,
      thread: {
        select: { title: true, hiddenAt: true, classroom: { select: { visibility: true, archivedAt: true } } },
      },
    },
  });
  if (!link) return null;
  const post = await db.forumPost.findFirst({
    where: link.postId
      ? { id: link.postId, threadId: link.threadId, deletedAt: null }
      : { threadId: link.threadId, isOpening: true },
    select: { id: true, bodyText: true, hiddenAt: true, createdAt: true, ...authorSelect },
  });
  if (!post) return null;
  const { classroom } = link.thread;
  return {
    threadId: link.threadId,
    postId: post.id,
    title: link.thread.title,
    excerpt: post.bodyText.slice(0, EXCERPT_LENGTH),
    author: authorOf(post),
    createdAt: post.createdAt,
    hidden: post.hiddenAt !== null,
    publicOnPortal:
      classroom.visibility === "everyone" &&
      classroom.archivedAt === null &&
      link.thread.hiddenAt === null &&
      post.hiddenAt === null,
  };
}
