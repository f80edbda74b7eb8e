import type { Db } from "#app/lib/db.server.ts";
import { invalid, ok, type ServiceResult } from "#app/lib/service-result.ts";
import type { ForumViewer } from "./forum-access.ts";
import { FormId, formPostId, formText } from "./forum-form.ts";
import { deletePost, moveThread, setPostHidden, setThreadFlag, type ThreadFlag } from "./forum-moderation.server.ts";
import { withPostFiles } from "./forum-attachments.server.ts";
import { REVIEW_INTENTS } from "./forum-mod-intents.server.ts";
import { acceptAnswer, editPost, replyToThread, toggleLike, toggleWatch } from "./forum-posts.server.ts";

// The thread page's form intents, shared by the portal and the back office: each parses its own fields
// (a bad id is a 400 with nothing changed) and calls one service. All answer `{ threadId }`, plus
// `gone` when the thread itself was deleted (the page then returns to the classroom list).

export interface IntentContext {
  db: Db;
  viewer: ForumViewer;
  threadId: number;
  formData: FormData;
}
type IntentResult = Promise<ServiceResult<{ threadId: number; gone?: boolean }>>;

const Id = FormId;
const text = formText;
const postIdOf = formPostId;

const badPost = () => invalid({ postId: ["form.notFound"] });

function withPost(run: (ctx: IntentContext, postId: number) => IntentResult) {
  return (ctx: IntentContext): IntentResult => {
    const postId = postIdOf(ctx.formData);
    return postId === null ? Promise.resolve(badPost()) : run(ctx, postId);
  };
}

async function keepThread<T>(threadId: number, result: ServiceResult<T>): IntentResult {
  return result.status === "ok" ? ok({ threadId }) : result;
}

function flag(name: ThreadFlag, value: boolean) {
  return ({ db, viewer, threadId }: IntentContext) => setThreadFlag(db, viewer, threadId, name, value);
}

export const THREAD_INTENTS = {
  reply: async ({ db, viewer, threadId, formData }: IntentContext) => {
    const quote = Id.safeParse(formData.get("quotePostId") || undefined);
    const result = await withPostFiles(
      db,
      viewer,
      formData,
      () =>
        replyToThread(db, viewer, threadId, {
          body: text(formData, "body"),
          quotePostId: quote.success ? quote.data : undefined,
        }),
      (value) => value.postId,
    );
    return keepThread(threadId, result);
  },
  edit: withPost(({ db, viewer, formData }, postId) =>
    editPost(db, viewer, postId, {
      body: text(formData, "body"),
      title: formData.has("title") ? text(formData, "title") : undefined,
    }),
  ),
  like: withPost(async ({ db, viewer, threadId }, postId) =>
    keepThread(threadId, await toggleLike(db, viewer, postId)),
  ),
  accept: withPost(({ db, viewer }, postId) => acceptAnswer(db, viewer, postId)),
  watch: async ({ db, viewer, threadId }: IntentContext) =>
    keepThread(threadId, await toggleWatch(db, viewer, threadId)),
  hide: withPost(({ db, viewer, formData }, postId) =>
    setPostHidden(db, viewer, postId, true, text(formData, "reason")),
  ),
  unhide: withPost(({ db, viewer }, postId) => setPostHidden(db, viewer, postId, false)),
  delete: withPost(async ({ db, viewer, threadId, formData }, postId) => {
    const result = await deletePost(db, viewer, postId, text(formData, "reason"));
    return result.status === "ok" ? ok({ threadId, gone: result.value.threadDeleted }) : result;
  }),
  pin: flag("pinned", true),
  unpin: flag("pinned", false),
  essence: flag("essence", true),
  unessence: flag("essence", false),
  lock: flag("locked", true),
  unlock: flag("locked", false),
  move: ({ db, viewer, threadId, formData }: IntentContext) => {
    const target = Id.safeParse(formData.get("classroomId"));
    return target.success
      ? moveThread(db, viewer, threadId, target.data)
      : Promise.resolve(invalid({ classroomId: ["forum.error.target"] }));
  },
  // Report, approve and reject held posts (decision 041).
  ...REVIEW_INTENTS,
};
