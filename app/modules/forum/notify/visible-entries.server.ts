import type { DbOrTx } from "#app/lib/db.server.ts";
import { classroomWhere, type ForumViewer } from "../forum-access.ts";

// The one visibility rule for anything that repeats a forum notification (bell, digest, e-mail): the
// post and its thread are neither deleted nor hidden (held posts are hidden too) — unless the member
// wrote them — and the member may still open the classroom. Checked when shown or sent, not only when
// the entry was written, so hiding a post or narrowing a classroom later takes effect everywhere.

interface Entry {
  threadId: number;
  postId: number | null;
}

export async function memberViewerOf(db: DbOrTx, memberId: number): Promise<ForumViewer | null> {
  const member = await db.member.findUnique({ where: { id: memberId }, select: { level: true, status: true } });
  if (!member || !["active", "verified"].includes(member.status)) return null;
  return { kind: "member", memberId, audience: member.level };
}

export async function visibleEntries<E extends Entry>(db: DbOrTx, memberId: number, rows: E[]): Promise<E[]> {
  if (rows.length === 0) return [];
  const viewer = await memberViewerOf(db, memberId);
  if (!viewer) return [];
  const mineOrShown = { deletedAt: null, OR: [{ hiddenAt: null }, { authorMemberId: memberId }] };
  const [threads, posts] = await Promise.all([
    db.forumThread.findMany({
      where: {
        id: { in: [...new Set(rows.map((r) => r.threadId))] },
        ...mineOrShown,
        classroom: classroomWhere(viewer),
      },
      select: { id: true },
    }),
    db.forumPost.findMany({
      where: { id: { in: rows.flatMap((r) => (r.postId ? [r.postId] : [])) }, ...mineOrShown },
      select: { id: true },
    }),
  ]);
  const threadIds = new Set(threads.map((t) => t.id));
  const postIds = new Set(posts.map((p) => p.id));
  return rows.filter((r) => threadIds.has(r.threadId) && (r.postId === null || postIds.has(r.postId)));
}
