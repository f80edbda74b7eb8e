import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { isRichTextEmpty, normaliseRichTextInput, richTextToPlain } from "#app/lib/rich-text.server.ts";
import { invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { threadWhere, type ForumViewer } from "./forum-access.ts";
import { authorColumns, authorOf, authorSelect } from "./forum-authors.ts";
import { classroomForViewer } from "./forum-classrooms.server.ts";
import {
  decodeCursor,
  encodeCursor,
  parseTags,
  ThreadInputSchema,
  type ThreadInput,
  type ThreadSort,
} from "./forum-input.ts";
import { heldColumns, screenPost } from "./forum-gate.server.ts";
import { notifyClassroomWatchers, notifyMentions } from "./forum-notify.server.ts";
import { syncThreadSearch } from "./forum-search.server.ts";
import type { ThreadListItem } from "./forum-views.ts";

// Threads: the classroom list in four orders with keyset paging, asking a question. Similar questions
// come from the search index (forum-search.server.ts).

export const THREAD_PAGE_SIZE = 20;

const listSelect = {
  id: true,
  classroomId: true,
  title: true,
  tags: true,
  pinned: true,
  essence: true,
  locked: true,
  hiddenAt: true,
  heldAt: true,
  acceptedPostId: true,
  replyCount: true,
  viewCount: true,
  likeCount: true,
  lastActivityAt: true,
  createdAt: true,
  ...authorSelect,
} as const;

type ListRow = Prisma.ForumThreadGetPayload<{ select: typeof listSelect }>;

function toListItem(row: ListRow): ThreadListItem {
  const { authorMember: _m, authorStaff: _s, authorMemberId: _mi, authorStaffId: _si, heldAt, ...rest } = row;
  return {
    ...rest,
    hidden: row.hiddenAt !== null,
    held: heldAt !== null,
    solved: row.acceptedPostId !== null,
    author: authorOf(row),
  };
}

/** Each order is one (classroomId, [filter,] key, id) index range: the sort key of a row and its filter. */
function orderFor(sort: ThreadSort) {
  const key = sort === "newest" || sort === "unanswered" ? ("createdAt" as const) : ("lastActivityAt" as const);
  const filter: Prisma.ForumThreadWhereInput =
    sort === "unanswered" ? { replyCount: 0 } : sort === "essence" ? { essence: true } : {};
  return { key, filter };
}

export interface ThreadListOptions {
  sort: ThreadSort;
  cursor?: string | null;
  tag?: string | null;
}

export async function listThreads(db: DbOrTx, viewer: ForumViewer, classroomId: number, options: ThreadListOptions) {
  const classroom = await classroomForViewer(db, viewer, classroomId);
  if (!classroom) return null;
  const { key, filter } = orderFor(options.sort);
  const after = decodeCursor(options.cursor);
  const firstPage = after === null;
  // Pinned threads lead the first page of the default order and are left out of its pages.
  const showPinned = options.sort === "activity";
  const where: Prisma.ForumThreadWhereInput = {
    classroomId,
    ...threadWhere(viewer, classroom.moderator),
    ...filter,
    ...(showPinned ? { pinned: false } : {}),
    ...(options.tag ? { threadTags: { some: { tag: options.tag } } } : {}),
    ...(after ? { AND: [{ OR: [{ [key]: { lt: after.at } }, { [key]: after.at, id: { lt: after.id } }] }] } : {}),
  };
  const [rows, pinned] = await Promise.all([
    db.forumThread.findMany({
      where,
      orderBy: [{ [key]: "desc" }, { id: "desc" }],
      take: THREAD_PAGE_SIZE + 1,
      select: listSelect,
    }),
    showPinned && firstPage && !options.tag
      ? db.forumThread.findMany({
          where: { classroomId, pinned: true, ...threadWhere(viewer, classroom.moderator) },
          orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
          take: 10,
          select: listSelect,
        })
      : Promise.resolve([]),
  ]);
  const page = rows.slice(0, THREAD_PAGE_SIZE);
  const last = page.at(-1);
  return {
    classroom,
    pinned: pinned.map(toListItem),
    threads: page.map(toListItem),
    nextCursor: rows.length > THREAD_PAGE_SIZE && last ? encodeCursor(last[key], last.id) : null,
  };
}

/** Asks a question in a classroom the viewer may open. The body is sanitised before it is stored. */
export async function createThread(
  db: Db,
  viewer: ForumViewer,
  classroomId: number,
  input: ThreadInput,
): Promise<ServiceResult<{ threadId: number; held: boolean }>> {
  if (viewer.kind === "visitor") return notFound("forum.error.signIn");
  const parsed = ThreadInputSchema.safeParse(input);
  if (!parsed.success) return invalid({ title: ["forum.error.title"] });
  const bodyHtml = normaliseRichTextInput(parsed.data.body);
  if (isRichTextEmpty(bodyHtml)) return invalid({ body: ["forum.error.body"] });
  const classroom = await classroomForViewer(db, viewer, classroomId);
  if (!classroom || classroom.archivedAt) return notFound("forum.error.notFound");
  // Rate limits, links, held for review and sensitive words (decision 041).
  const screened = await screenPost(db, viewer, {
    kind: "thread",
    moderator: classroom.moderator,
    title: parsed.data.title,
    bodyHtml,
  });
  if (screened.status !== "ok") return screened;
  const { held } = screened.value;
  const title = screened.value.title ?? parsed.data.title;
  const tags = parseTags(parsed.data.tags);
  const bodyText = richTextToPlain(screened.value.bodyHtml);
  const threadId = await db.$transaction(async (tx) => {
    const now = new Date();
    const thread = await tx.forumThread.create({
      data: {
        classroomId,
        title,
        tags: tags.length > 0 ? tags.join(",") : null,
        lastActivityAt: now,
        createdAt: now,
        ...heldColumns(held, now),
        ...authorColumns(viewer),
        threadTags: { create: tags.map((tag) => ({ tag })) },
        posts: {
          create: {
            isOpening: true,
            bodyHtml: screened.value.bodyHtml,
            bodyText,
            createdAt: now,
            ...heldColumns(held, now),
            ...authorColumns(viewer),
          },
        },
        ...(viewer.kind === "member" ? { watches: { create: { memberId: viewer.memberId } } } : {}),
      },
      select: { id: true },
    });
    // A held question stays out of the counters and the bell until a moderator approves it.
    if (!held) {
      await tx.classroom.update({
        where: { id: classroomId },
        data: { threadCount: { increment: 1 }, lastActivityAt: now },
      });
      await notifyMentions(tx, viewer, { threadId: thread.id, postId: null, title, text: bodyText });
      await notifyClassroomWatchers(tx, viewer, { threadId: thread.id, postId: null, title });
    }
    await syncThreadSearch(tx, thread.id);
    return thread.id;
  });
  return ok({ threadId, held });
}
