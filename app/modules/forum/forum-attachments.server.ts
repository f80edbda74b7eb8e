import type { Attachment } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { invalid, type ServiceResult } from "#app/lib/service-result.ts";
import {
  attachStored,
  discardStored,
  filesFromFormData,
  INLINE_TYPES,
  storeUploads,
  validateUploads,
} from "#app/modules/files/attachments.server.ts";
import { postWhere, type ForumViewer } from "./forum-access.ts";
import type { PostAttachmentView } from "./forum-attachments.ts";
import { findVisibleThread } from "./forum-thread-page.server.ts";

// Files on forum posts (issue #17 item 3, decision 043): images shown inline, other files listed.
// Through the attachment service (extension allow-list, leading-byte check, 10 MB, 5 files), and
// readable exactly where the post is: the file route finds the post through the reader's visibility.

export const FORUM_POST_OWNER = "forum_post" as const;

/**
 * Runs a service that writes a post (new question, reply) with the form's files: they are checked
 * before anything is written, stored on disk, and attached to the post once it exists. A refusal of
 * the post leaves no file behind. The rows are written right after the post's own transaction (the
 * post services stay file-agnostic); a crash in between leaves a post without its files, never files
 * without a post.
 */
export async function withPostFiles<T>(
  db: Db,
  viewer: ForumViewer,
  formData: FormData,
  create: () => Promise<ServiceResult<T>>,
  postIdOf: (value: T) => Promise<number | null> | number | null,
): Promise<ServiceResult<T>> {
  const files = filesFromFormData(formData);
  if (files.length === 0 || viewer.kind === "visitor") return create();
  if ((await validateUploads(files)).length > 0) return invalid({ attachments: ["forumSearch.error.attachments"] });
  const stored = await storeUploads(files);
  try {
    const result = await create();
    const postId = result.status === "ok" ? await postIdOf(result.value) : null;
    if (postId === null) {
      await discardStored(stored);
      return result;
    }
    const uploader = viewer.kind === "member" ? { memberId: viewer.memberId } : { staffId: viewer.staffId };
    await attachStored(db, stored, { type: FORUM_POST_OWNER, id: postId }, uploader);
    return result;
  } catch (error) {
    await discardStored(stored);
    throw error;
  }
}

/** The opening post of a thread just created (for `withPostFiles`). */
export async function openingPostId(db: DbOrTx, threadId: number): Promise<number | null> {
  const post = await db.forumPost.findFirst({ where: { threadId, isOpening: true }, select: { id: true } });
  return post?.id ?? null;
}

/** The files of posts the caller already read under the viewer's visibility, by post id. */
export async function attachmentsOfPosts(
  db: DbOrTx,
  postIds: readonly number[],
): Promise<Record<number, PostAttachmentView[]>> {
  if (postIds.length === 0) return {};
  const rows = await db.attachment.findMany({
    where: { ownerType: FORUM_POST_OWNER, ownerId: { in: [...postIds] } },
    select: { id: true, ownerId: true, fileName: true, mimeType: true, size: true },
    orderBy: { id: "asc" },
  });
  const byPost: Record<number, PostAttachmentView[]> = {};
  for (const row of rows) {
    (byPost[row.ownerId] ??= []).push({
      id: row.id,
      fileName: row.fileName,
      size: row.size,
      image: INLINE_TYPES.has(row.mimeType),
    });
  }
  return byPost;
}

/** A post's file, if the viewer may read the post (hidden: author and moderators; else 404). */
export async function findPostAttachment(
  db: DbOrTx,
  viewer: ForumViewer,
  attachmentId: number,
): Promise<Attachment | null> {
  const attachment = await db.attachment.findFirst({ where: { id: attachmentId, ownerType: FORUM_POST_OWNER } });
  if (!attachment) return null;
  const post = await db.forumPost.findFirst({
    where: { id: attachment.ownerId, deletedAt: null },
    select: { threadId: true },
  });
  if (!post) return null;
  const found = await findVisibleThread(db, viewer, post.threadId);
  if (!found) return null;
  const visible = await db.forumPost.count({
    where: { id: attachment.ownerId, ...postWhere(viewer, found.moderator) },
  });
  return visible > 0 ? attachment : null;
}
