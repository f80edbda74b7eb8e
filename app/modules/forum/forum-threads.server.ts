import { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { isRichTextEmpty, normaliseRichTextInput, richTextToPlain } from "#app/lib/rich-text.server.ts";
import { invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { threadVisibilitySql, threadWhere, type ForumViewer } from "./forum-access.ts";
import { loadAuthors, type AuthorLookup } from "./forum-author-names.server.ts";
import { authorColumns } from "./forum-authors.ts";
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

/** What a thread shows wherever it is listed or opened: flags, counters and author (ids). */
export const threadColumnsSelect = {
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
  createdAt: true,
  authorMemberId: true,
  authorStaffId: true,
} as const;

// Authors are read for the pinned threads and the page together (loadAuthors: one statement).
const listSelect = { ...threadColumnsSelect, lastActivityAt: true } as const;

type ListRow = Prisma.ForumThreadGetPayload<{ select: typeof listSelect }>;

function toListItem(row: ListRow, authorOf: AuthorLookup): ThreadListItem {
  const { authorMemberId: _mi, authorStaffId: _si, heldAt, ...rest } = row;
  return {
    ...rest,
    hidden: row.hiddenAt !== null,
    held: heldAt !== null,
    solved: row.acceptedPostId !== null,
    author: authorOf(row),
  };
}

/**
 * Each order is one index range read in order, (classroomId, [filter,] key, id), named here because the
 * list query hints it (decision 053). MariaDB otherwise chose `ref` on classroomId alone for a keyset page
 * and read the classroom from the top (115,737 rows, ~1 s for a page 90 % down at 1M posts), or the
 * global (lastActivityAt, id) index, which scans every other classroom's threads for a small one.
 */
const ORDERS = {
  activity: {
    key: "lastActivityAt",
    index: "ForumThread_classroomId_pinned_lastActivityAt_id_idx",
    filter: Prisma.sql`t.pinned = false`,
  },
  newest: { key: "createdAt", index: "ForumThread_classroomId_createdAt_id_idx", filter: Prisma.sql`TRUE` },
  unanswered: {
    key: "createdAt",
    index: "ForumThread_classroomId_replyCount_createdAt_id_idx",
    filter: Prisma.sql`t.replyCount = 0`,
  },
  essence: {
    key: "lastActivityAt",
    index: "ForumThread_classroomId_essence_lastActivityAt_id_idx",
    filter: Prisma.sql`t.essence = true`,
  },
} as const satisfies Record<ThreadSort, { key: string; index: string; filter: Prisma.Sql }>;

export interface ThreadListOptions {
  sort: ThreadSort;
  cursor?: string | null;
  tag?: string | null;
}

/** One page of thread ids in the order's index, after the keyset cursor (`key <= at` bounds the range). */
async function pageIds(
  db: DbOrTx,
  classroomId: number,
  visibility: Prisma.Sql,
  sort: ThreadSort,
  after: { at: Date; id: number } | null,
  tag: string | null,
): Promise<number[]> {
  const { key, index, filter } = ORDERS[sort];
  const column = Prisma.raw(`t.\`${key}\``);
  const keyset = after
    ? Prisma.sql`AND ${column} <= ${after.at} AND (${column} < ${after.at} OR t.id < ${after.id})`
    : Prisma.empty;
  const tagged = tag
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM \`ForumThreadTag\` g WHERE g.threadId = t.id AND g.tag = ${tag})`
    : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ id: number | bigint }>>`
    SELECT t.id FROM \`ForumThread\` t FORCE INDEX (${Prisma.raw(index)})
    WHERE t.classroomId = ${classroomId} AND ${filter} AND ${visibility} ${keyset} ${tagged}
    ORDER BY ${column} DESC, t.id DESC
    LIMIT ${THREAD_PAGE_SIZE + 1}`;
  return rows.map((r) => Number(r.id));
}

export async function listThreads(db: DbOrTx, viewer: ForumViewer, classroomId: number, options: ThreadListOptions) {
  const classroom = await classroomForViewer(db, viewer, classroomId);
  if (!classroom) return null;
  const { key } = ORDERS[options.sort];
  const after = decodeCursor(options.cursor);
  const firstPage = after === null;
  // Pinned threads lead the first page of the default order and are left out of its pages.
  const showPinned = options.sort === "activity";
  const visibility = threadVisibilitySql(viewer, classroom.moderator);
  const [ids, pinned] = await Promise.all([
    pageIds(db, classroomId, visibility, options.sort, after, options.tag ?? null),
    showPinned && firstPage && !options.tag
      ? db.forumThread.findMany({
          where: { classroomId, pinned: true, ...threadWhere(viewer, classroom.moderator) },
          orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
          take: 10,
          select: listSelect,
        })
      : Promise.resolve([]),
  ]);
  const found = ids.length > 0 ? await db.forumThread.findMany({ where: { id: { in: ids } }, select: listSelect }) : [];
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  const page = rows.slice(0, THREAD_PAGE_SIZE);
  const last = page.at(-1);
  const authorOf = await loadAuthors(db, [...pinned, ...page]);
  return {
    classroom,
    pinned: pinned.map((row) => toListItem(row, authorOf)),
    threads: page.map((row) => toListItem(row, authorOf)),
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
    // The classroom's counter first: its write lock before the insert's foreign-key (shared) lock, so
    // two questions asked at once queue instead of deadlocking (decision 053). A held question stays
    // out of the counters and the bell until a moderator approves it.
    if (!held) {
      await tx.$executeRaw`UPDATE \`Classroom\` SET \`threadCount\` = \`threadCount\` + 1,
        \`lastActivityAt\` = GREATEST(COALESCE(\`lastActivityAt\`, ${now}), ${now}), \`updatedAt\` = ${now} WHERE \`id\` = ${classroomId}`;
    }
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
    if (!held) {
      await notifyMentions(tx, viewer, { threadId: thread.id, postId: null, title, text: bodyText });
      await notifyClassroomWatchers(tx, viewer, { threadId: thread.id, postId: null, title });
    }
    await syncThreadSearch(tx, thread.id);
    return thread.id;
  });
  return ok({ threadId, held });
}
