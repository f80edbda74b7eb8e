import type { DbOrTx } from "#app/lib/db.server.ts";
import { levelsFor, type ForumViewer } from "./forum-access.ts";
import { mentionedNicknames } from "./forum-input.ts";

// The member's forum bell: new replies in watched threads, @mentions, accepted answers. Entries are
// listed only while their thread (and post) is still visible to the member, so hiding a post later
// also removes it from the bell.

export type ForumNotificationKind = "reply" | "mention" | "accepted";

interface Event {
  threadId: number;
  postId: number | null;
  title: string;
}

/** Bell entries for every member watching the thread, except the author of the new post. */
export async function notifyWatchers(tx: DbOrTx, author: ForumViewer, event: Event): Promise<void> {
  const watchers = await tx.forumWatch.findMany({
    where: { threadId: event.threadId, ...(author.kind === "member" ? { memberId: { not: author.memberId } } : {}) },
    select: { memberId: true },
  });
  if (watchers.length === 0) return;
  await tx.forumNotification.createMany({
    data: watchers.map((w) => ({ memberId: w.memberId, kind: "reply", ...event })),
  });
}

/** Bell entries for members @mentioned by nickname who may open the classroom. */
export async function notifyMentions(tx: DbOrTx, author: ForumViewer, event: Event & { text: string }) {
  const nicknames = mentionedNicknames(event.text);
  if (nicknames.length === 0) return;
  const thread = await tx.forumThread.findUniqueOrThrow({
    where: { id: event.threadId },
    select: { classroom: { select: { id: true, visibility: true } } },
  });
  const members = await tx.member.findMany({
    where: {
      nickname: { in: nicknames },
      status: { in: ["active", "verified"] },
      ...(author.kind === "member" ? { id: { not: author.memberId } } : {}),
    },
    select: { id: true, level: true, classroomsModerated: { where: { classroomId: thread.classroom.id } } },
  });
  const reachable = members.filter(
    (m) =>
      m.classroomsModerated.length > 0 ||
      levelsFor({ kind: "member", memberId: m.id, audience: m.level }).includes(thread.classroom.visibility),
  );
  if (reachable.length === 0) return;
  await tx.forumNotification.createMany({
    data: reachable.map((m) => ({
      memberId: m.id,
      kind: "mention",
      threadId: event.threadId,
      postId: event.postId,
      title: event.title,
    })),
  });
}

export async function notifyAccepted(tx: DbOrTx, memberId: number, event: Event): Promise<void> {
  await tx.forumNotification.create({ data: { memberId, kind: "accepted", ...event } });
}

/** The member's unread bell entries whose thread and post they can still see. */
export async function listMemberNotifications(db: DbOrTx, memberId: number, take = 20) {
  const rows = await db.forumNotification.findMany({
    where: { memberId, readAt: null },
    orderBy: { id: "desc" },
    take: take * 2,
    select: { id: true, kind: true, threadId: true, postId: true, title: true, createdAt: true },
  });
  if (rows.length === 0) return [];
  const visibleToMember = { deletedAt: null, OR: [{ hiddenAt: null }, { authorMemberId: memberId }] };
  const [threads, posts] = await Promise.all([
    db.forumThread.findMany({
      where: { id: { in: rows.map((r) => r.threadId) }, ...visibleToMember },
      select: { id: true },
    }),
    db.forumPost.findMany({
      where: { id: { in: rows.flatMap((r) => (r.postId ? [r.postId] : [])) }, ...visibleToMember },
      select: { id: true },
    }),
  ]);
  const threadIds = new Set(threads.map((t) => t.id));
  const postIds = new Set(posts.map((p) => p.id));
  return rows
    .filter((r) => threadIds.has(r.threadId) && (r.postId === null || postIds.has(r.postId)))
    .slice(0, take)
    .map((r) => ({ ...r, kind: r.kind as ForumNotificationKind }));
}

export async function markMemberNotificationsRead(db: DbOrTx, memberId: number): Promise<void> {
  await db.forumNotification.updateMany({ where: { memberId, readAt: null }, data: { readAt: new Date() } });
}
