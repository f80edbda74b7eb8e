import type { Db } from "#app/lib/db.server.ts";
import { invalid, ok, type ServiceResult } from "#app/lib/service-result.ts";
import type { ForumViewer } from "./forum-access.ts";
import { formPostId, formText as text } from "./forum-form.ts";
import type { IntentContext } from "./forum-intents.server.ts";
import { approveHeldPost, rejectHeldPost, reportPost, resolveReports } from "./forum-reports.server.ts";
import type { ReportAction } from "./forum-review.ts";

// Form intents of reporting and of the moderation queue (decision 041). The thread page gets
// report / approve / reject (spread into THREAD_INTENTS); the queue pages (back office and the
// member moderators' portal page) dispatch QUEUE_INTENTS. A bad id is a 400 with nothing changed.

export interface QueueContext {
  db: Db;
  viewer: ForumViewer;
  formData: FormData;
}
type Result = Promise<ServiceResult<{ threadId: number; gone?: boolean }>>;

/** Runs `act` with the form's post id, or answers 400 when it is missing or not an id. */
function onPost<C extends QueueContext>(act: (ctx: C, postId: number) => Result) {
  return (ctx: C): Result => {
    const postId = formPostId(ctx.formData);
    return postId === null ? Promise.resolve(invalid({ postId: ["form.notFound"] })) : act(ctx, postId);
  };
}

const approve = onPost(({ db, viewer, formData }, postId) =>
  approveHeldPost(db, viewer, postId, { trustAuthor: formData.get("trust") === "1" }),
);

const reject = onPost(async ({ db, viewer, formData }, postId) => {
  const result = await rejectHeldPost(db, viewer, postId, text(formData, "reason"));
  return result.status === "ok" ? ok({ threadId: result.value.threadId, gone: result.value.threadDeleted }) : result;
});

export const REVIEW_INTENTS = {
  report: onPost<IntentContext>(async ({ db, viewer, threadId, formData }, postId) => {
    const result = await reportPost(db, viewer, postId, {
      reason: formData.get("reason"),
      note: text(formData, "note"),
    });
    return result.status === "ok" ? ok({ threadId }) : result;
  }),
  approve,
  reject,
};

function resolve(action: ReportAction) {
  return onPost(({ db, viewer, formData }, postId) =>
    resolveReports(db, viewer, postId, action, text(formData, "reason")),
  );
}

export const QUEUE_INTENTS = {
  dismiss: resolve("dismiss"),
  hide: resolve("hide"),
  delete: resolve("delete"),
  approve,
  reject,
};
