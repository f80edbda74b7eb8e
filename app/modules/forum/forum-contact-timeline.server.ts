import type { DbOrTx } from "#app/lib/db.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import type { ForumActivityItem } from "./forum-activity.ts";

// A member's forum activity on the linked contact's 360° timeline (issue #17 item 5, decision 043):
// questions asked, replies written and answers accepted, newest first, linking to the back office's
// thread page. Staff who may browse the forum see it all (hidden posts marked), as on that page.

export const FORUM_TIMELINE_LIMIT = 30;

export async function forumActivityOfContact(
  db: DbOrTx,
  actor: StaffActor,
  contactId: number,
  limit = FORUM_TIMELINE_LIMIT,
): Promise<ForumActivityItem[]> {
  if (!can(actor, "forum", "browse")) return [];
  const member = await db.member.findUnique({ where: { contactId }, select: { id: true, nickname: true } });
  if (!member) return [];
  const thread = { select: { id: true, title: true, classroom: { select: { name: true } } } } as const;
  const [threads, replies] = await Promise.all([
    db.forumThread.findMany({
      where: { authorMemberId: member.id, deletedAt: null },
      orderBy: { id: "desc" },
      take: limit,
      select: { id: true, title: true, createdAt: true, hiddenAt: true, classroom: { select: { name: true } } },
    }),
    db.forumPost.findMany({
      where: { authorMemberId: member.id, isOpening: false, deletedAt: null, thread: { deletedAt: null } },
      orderBy: { id: "desc" },
      take: limit,
      select: { id: true, createdAt: true, hiddenAt: true, thread },
    }),
  ]);
  const accepted = await db.forumThread.findMany({
    where: { acceptedPostId: { in: replies.map((r) => r.id) }, deletedAt: null },
    select: { acceptedPostId: true, updatedAt: true },
  });
  const acceptedAt = new Map(accepted.map((t) => [t.acceptedPostId, t.updatedAt]));
  const items: ForumActivityItem[] = [
    ...threads.map((t) => ({
      key: `forum-thread-${t.id}`,
      kind: "thread" as const,
      at: t.createdAt,
      nickname: member.nickname,
      title: t.title,
      classroom: t.classroom.name,
      href: `/crm/forum/threads/${t.id}`,
      hidden: t.hiddenAt !== null,
    })),
    ...replies.flatMap((r) => {
      const reply = {
        key: `forum-reply-${r.id}`,
        kind: "reply" as const,
        at: r.createdAt,
        nickname: member.nickname,
        title: r.thread.title,
        classroom: r.thread.classroom.name,
        href: `/crm/forum/threads/${r.thread.id}#post-${r.id}`,
        hidden: r.hiddenAt !== null,
      };
      const when = acceptedAt.get(r.id);
      // The thread's updatedAt is the best time we have for the 采纳 (no separate timestamp).
      return when ? [reply, { ...reply, key: `forum-accepted-${r.id}`, kind: "accepted" as const, at: when }] : [reply];
    }),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
