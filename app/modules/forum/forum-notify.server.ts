import type { DbOrTx } from "#app/lib/db.server.ts";
import { enqueueJob } from "#app/modules/jobs/job-queue.server.ts";
import { levelsFor, type ForumViewer } from "./forum-access.ts";
import { mentionedNicknames } from "./forum-input.ts";
import { visibleEntries } from "./notify/visible-entries.server.ts";

// The member's forum bell: new replies in watched threads, new threads in watched classrooms,
// @mentions, accepted answers (decision 042). Writing an entry happens in the post's transaction and
// queues the delivery job (站内消息 + e-mail per preference, notify/delivery.server.ts). A post that is
// hidden or held for review notifies nobody; entries are listed only while their post, thread and
// classroom are still visible to the member, so hiding a post later also removes it from the bell.

export type ForumNotificationKind = "reply" | "thread" | "mention" | "accepted";

export const FORUM_DELIVER_JOB = "forum.notify.deliver";

interface Event {
  threadId: number;
  /** Null for the opening post of a new thread (it is looked up). */
  postId: number | null;
  title: string;
}

/** The post's id if it is visible to everyone who may open its classroom (not hidden, held or deleted). */
async function publicPostId(tx: DbOrTx, event: Event): Promise<number | null> {
  const post = await tx.forumPost.findFirst({
    where: {
      ...(event.postId ? { id: event.postId } : { isOpening: true }),
      threadId: event.threadId,
      deletedAt: null,
      hiddenAt: null,
      thread: { deletedAt: null, hiddenAt: null },
    },
    select: { id: true },
  });
  return post?.id ?? null;
}

async function addEntries(
  tx: DbOrTx,
  kind: ForumNotificationKind,
  memberIds: number[],
  event: Event & { postId: number },
): Promise<void> {
  if (memberIds.length === 0) return;
  // skipDuplicates: one entry per member, post and kind, however often a producer repeats itself.
  await tx.forumNotification.createMany({
    data: memberIds.map((memberId) => ({
      memberId,
      kind,
      threadId: event.threadId,
      postId: event.postId,
      title: event.title,
    })),
    skipDuplicates: true,
  });
  await enqueueJob(tx, { type: FORUM_DELIVER_JOB, payload: { postId: event.postId } });
}

function notAuthor(author: ForumViewer) {
  return author.kind === "member" ? { memberId: { not: author.memberId } } : {};
}

/** Entries of one kind for the watchers found (the author is left out by the query). */
async function notifyFollowers(
  tx: DbOrTx,
  kind: "reply" | "thread",
  event: Event,
  watchers: () => Promise<Array<{ memberId: number }>>,
): Promise<void> {
  const postId = await publicPostId(tx, event);
  if (postId === null) return;
  const ids = (await watchers()).map((w) => w.memberId);
  await addEntries(tx, kind, ids, { ...event, postId });
}

/** Bell entries for every member watching the thread, except the author of the new reply. */
export async function notifyWatchers(tx: DbOrTx, author: ForumViewer, event: Event): Promise<void> {
  await notifyFollowers(tx, "reply", event, () =>
    tx.forumWatch.findMany({ where: { threadId: event.threadId, ...notAuthor(author) }, select: { memberId: true } }),
  );
}

/** Bell entries for every member watching the classroom of a new thread, except its author. */
export async function notifyClassroomWatchers(tx: DbOrTx, author: ForumViewer, event: Event): Promise<void> {
  await notifyFollowers(tx, "thread", event, async () => {
    const thread = await tx.forumThread.findUniqueOrThrow({
      where: { id: event.threadId },
      select: { classroomId: true },
    });
    return tx.forumClassroomWatch.findMany({
      where: { classroomId: thread.classroomId, ...notAuthor(author) },
      select: { memberId: true },
    });
  });
}

/** Bell entries for members @mentioned by nickname who may open the classroom. */
export async function notifyMentions(tx: DbOrTx, author: ForumViewer, event: Event & { text: string }) {
  const nicknames = mentionedNicknames(event.text);
  if (nicknames.length === 0) return;
  const postId = await publicPostId(tx, event);
  if (postId === null) return;
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
  await addEntries(
    tx,
    "mention",
    reachable.map((m) => m.id),
    { ...event, postId },
  );
}

export async function notifyAccepted(tx: DbOrTx, memberId: number, event: Event): Promise<void> {
  await tx.forumNotification.create({ data: { memberId, kind: "accepted", ...event } });
}

/** The member's unread bell entries whose post, thread and classroom they can still see. */
export async function listMemberNotifications(db: DbOrTx, memberId: number, take = 20) {
  const rows = await db.forumNotification.findMany({
    where: { memberId, readAt: null },
    orderBy: { id: "desc" },
    take: take * 2,
    select: { id: true, kind: true, threadId: true, postId: true, title: true, createdAt: true },
  });
  const visible = await visibleEntries(db, memberId, rows);
  return visible.slice(0, take).map((r) => ({ ...r, kind: r.kind as ForumNotificationKind }));
}

export async function markMemberNotificationsRead(db: DbOrTx, memberId: number): Promise<void> {
  await db.forumNotification.updateMany({ where: { memberId, readAt: null }, data: { readAt: new Date() } });
}
