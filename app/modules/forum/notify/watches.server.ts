import { data } from "react-router";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { formIntent } from "#app/lib/forms.server.ts";
import { notFound, ok, respond, type ServiceResult } from "#app/lib/service-result.ts";
import { classroomWhere, threadWhere, type ForumViewer } from "../forum-access.ts";
import { classroomForViewer } from "../forum-classrooms.server.ts";

// 关注: members watch threads (replies notify them; starting or answering a thread watches it) and
// classrooms (new threads notify them). Managed on the classroom and thread pages and in 我的账户.

/** Starts or stops watching a classroom the member may open. */
export async function toggleClassroomWatch(
  db: Db,
  viewer: ForumViewer,
  classroomId: number,
): Promise<ServiceResult<{ watching: boolean }>> {
  if (viewer.kind !== "member") return notFound("forum.error.signIn");
  const classroom = await classroomForViewer(db, viewer, classroomId);
  if (!classroom) return notFound("forum.error.notFound");
  const removed = await db.forumClassroomWatch.deleteMany({ where: { classroomId, memberId: viewer.memberId } });
  if (removed.count > 0) return ok({ watching: false });
  await db.forumClassroomWatch.upsert({
    where: { classroomId_memberId: { classroomId, memberId: viewer.memberId } },
    create: { classroomId, memberId: viewer.memberId },
    update: {},
  });
  return ok({ watching: true });
}

export async function isWatchingClassroom(db: DbOrTx, viewer: ForumViewer, classroomId: number): Promise<boolean> {
  if (viewer.kind !== "member") return false;
  const count = await db.forumClassroomWatch.count({ where: { classroomId, memberId: viewer.memberId } });
  return count > 0;
}

const WATCH_LIST_MAX = 200;

/** The member's watched classrooms and threads that they can still open, newest first. */
export async function listWatches(db: DbOrTx, viewer: Extract<ForumViewer, { kind: "member" }>) {
  const [classrooms, threads] = await Promise.all([
    db.forumClassroomWatch.findMany({
      where: { memberId: viewer.memberId, classroom: classroomWhere(viewer) },
      orderBy: { createdAt: "desc" },
      take: WATCH_LIST_MAX,
      select: { classroom: { select: { id: true, name: true } } },
    }),
    db.forumWatch.findMany({
      where: {
        memberId: viewer.memberId,
        thread: { ...threadWhere(viewer, false), classroom: classroomWhere(viewer) },
      },
      orderBy: { createdAt: "desc" },
      take: WATCH_LIST_MAX,
      select: { thread: { select: { id: true, title: true, lastActivityAt: true } } },
    }),
  ]);
  return { classrooms: classrooms.map((w) => w.classroom), threads: threads.map((w) => w.thread) };
}

/** Stops watching (from 我的账户): only the member's own rows, so a foreign id changes nothing. */
export async function unwatch(
  db: DbOrTx,
  memberId: number,
  target: { kind: "thread" | "classroom"; id: number },
): Promise<ServiceResult<undefined>> {
  const removed =
    target.kind === "thread"
      ? await db.forumWatch.deleteMany({ where: { memberId, threadId: target.id } })
      : await db.forumClassroomWatch.deleteMany({ where: { memberId, classroomId: target.id } });
  return removed.count > 0 ? ok(undefined) : notFound("form.notFound");
}

/** The classroom page's "watch" form: intent `watchClassroom` toggles; anything else is a 400. */
export async function classroomWatchAction(db: Db, viewer: ForumViewer, classroomId: number, formData: FormData) {
  if (formIntent(formData) !== "watchClassroom") throw data(null, { status: 400 });
  return respond(await toggleClassroomWatch(db, viewer, classroomId), { successTo: `/forum/${classroomId}` });
}
