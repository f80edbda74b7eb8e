import { CheckCircle2, Pencil, Quote, Bell, BellOff } from "lucide-react";
import { useState } from "react";
import {
  data,
  Link,
  useActionData,
  useLoaderData,
  useSearchParams,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam, runIntent } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { authorName } from "#app/modules/forum/forum-authors.ts";
import { attachmentsOfPosts } from "#app/modules/forum/forum-attachments.server.ts";
import { THREAD_INTENTS } from "#app/modules/forum/forum-intents.server.ts";
import { openThread } from "#app/modules/forum/forum-thread-page.server.ts";
import { recordView } from "#app/modules/forum/forum-view-counter.server.ts";
import { portalForumViewer } from "#app/modules/forum/forum-viewer.server.ts";
import { readUploadForm } from "#app/modules/files/attachments.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { Button } from "#app/ui/button.tsx";
import { FailureNotice, fieldErrors } from "#app/ui/form/index.ts";
import { IntentButton } from "#app/ui/forum/intent-button.tsx";
import { LikeButton, LikeForm } from "#app/ui/forum/like-button.tsx";
import { PostModeration, ThreadModerationBar } from "#app/ui/forum/moderation.tsx";
import { PostAttachments } from "#app/ui/forum/post-attachments.tsx";
import { PostCard, type ForumPostView } from "#app/ui/forum/post-card.tsx";
import { ReportDialog, ReportForm, ReportLink } from "#app/ui/forum/report-form.tsx";
import { ThreadBadges } from "#app/ui/forum/thread-badges.tsx";
import { KeysetPager } from "#app/ui/list/pager.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { EditPostForm, ReplyForm } from "#portal/components/forum/reply-form.tsx";
import { SignInPrompt } from "#portal/components/forum/sign-in-prompt.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";

// A question and its answers. Hidden posts reach only their author (marked 仅你和管理员可见) and the
// classroom's moderators; for everyone else the thread or post does not exist (404 / absent).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const threadId = requireIdParam(params.threadId);
  const url = new URL(request.url);
  const viewer = await portalForumViewer(request);
  const page = await openThread(db, viewer, threadId, { cursor: url.searchParams.get("cursor") });
  if (!page) throw data(null, { status: 404 });
  // Counted in memory, written every few seconds (decision 065): no row write per page view.
  const viewCount = recordView(db, threadId, page.thread.viewCount);
  const attachments = await attachmentsOfPosts(db, [page.opening.id, ...page.replies.map((p) => p.id)]);
  const editParam = Number(url.searchParams.get("edit"));
  return {
    ...page,
    thread: { ...page.thread, viewCount },
    attachments,
    signedIn: viewer.kind === "member",
    editing: Number.isSafeInteger(editParam) ? editParam : 0,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireMember(request);
  const threadId = requireIdParam(params.threadId);
  const viewer = await portalForumViewer(request);
  const formData = await readUploadForm(request);
  const result = await runIntent(formData, THREAD_INTENTS, { db, viewer, threadId, formData });
  return respond(result, {
    successTo: (v) => ("gone" in v && v.gone ? "/forum" : `/forum/t/${threadId}`),
    flash: formData.get("intent") === "report" ? "flash.forumMod.reported" : null,
  });
}

export const meta = ({ data: loaded }: MetaArgs<typeof loader>) => [{ title: loaded?.thread.title ?? "" }];

export default function ThreadPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const [quote, setQuote] = useState<{ id: number; name: string } | null>(null);
  const [reporting, setReporting] = useState<number | null>(null);
  const [params] = useSearchParams();
  const { thread } = page;
  const self = `/forum/t/${thread.id}`;
  // Without JavaScript the report link loads this page with ?report=<postId>: the form shows in place.
  const reportParam = Number(params.get("report"));
  const withParams = (report: number | null, hash = "") => {
    const next = new URLSearchParams(params);
    next.delete("edit");
    if (report) next.set("report", String(report));
    else next.delete("report");
    const search = next.toString();
    return `${self}${search ? `?${search}` : ""}${hash}`;
  };

  function actions(post: ForumPostView) {
    if (!page.signedIn) return null;
    return (
      <>
        <LikeButton postId={post.id} liked={post.liked} count={post.likeCount} />
        {page.canReply ? (
          <Button variant="ghost" size="sm" onClick={() => setQuote({ id: post.id, name: authorName(post.author) })}>
            <Quote aria-hidden className="size-4" />
            {t("forum.quote")}
          </Button>
        ) : null}
        {post.canEdit ? (
          <Link
            to={`${self}?edit=${post.id}`}
            className="inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100"
          >
            <Pencil aria-hidden className="size-4" />
            {t("forum.edit")}
          </Link>
        ) : null}
        {!post.isOpening && page.canAccept && !post.accepted ? (
          <IntentButton intent="accept" postId={post.id} icon={CheckCircle2}>
            {t("forum.accept")}
          </IntentButton>
        ) : null}
        {page.moderator ? <PostModeration post={post} /> : null}
        {!post.mine ? (
          <ReportLink postId={post.id} to={withParams(post.id, `#post-${post.id}`)} onOpen={setReporting} />
        ) : null}
        {!post.mine && reportParam === post.id ? (
          <ReportForm postId={post.id} cancelTo={withParams(null)} className="basis-full pt-2" />
        ) : null}
      </>
    );
  }

  function render(post: ForumPostView) {
    if (page.editing === post.id && post.canEdit) {
      return <EditPostForm key={post.id} post={post} title={post.isOpening ? thread.title : null} cancelTo={self} />;
    }
    return (
      <PostCard
        key={post.id}
        post={post}
        actions={actions(post)}
        attachments={<PostAttachments files={page.attachments[post.id]} />}
      />
    );
  }

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6 lg:px-8">
      <BackLink to={`/forum/${thread.classroom.id}`}>{thread.classroom.name}</BackLink>
      <header className="mt-4 space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <ThreadBadges thread={thread} />
        </div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{thread.title}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-500">
          <span>{t("forum.views", { count: thread.viewCount })}</span>
          <span>{t("forum.replies", { count: thread.replyCount })}</span>
          {page.signedIn ? (
            <IntentButton intent="watch" icon={page.watching ? BellOff : Bell}>
              {t(page.watching ? "forum.unwatch" : "forum.watch")}
            </IntentButton>
          ) : null}
        </div>
        {page.moderator ? <ThreadModerationBar thread={thread} /> : null}
        {page.moderator ? (
          <Link to="/forum/queue" className="text-sm text-blue-700 hover:underline">
            {t("forumMod.queue.title")}
          </Link>
        ) : null}
      </header>
      <FailureNotice result={result?.status === "invalid" ? null : result} />
      <div className="mt-6 space-y-4">
        {render(page.opening)}
        {page.replies.map(render)}
      </div>
      {page.signedIn ? <LikeForm /> : null}
      {reporting !== null ? <ReportDialog postId={reporting} onClose={() => setReporting(null)} /> : null}
      <KeysetPager
        firstTo={null}
        prevTo={null}
        nextTo={page.nextCursor ? `${self}?cursor=${page.nextCursor}` : null}
        nextLabel={t("forum.more")}
      />
      <section className="mt-8">
        {!page.signedIn ? (
          <SignInPrompt message="forum.signInToRead" />
        ) : page.canReply ? (
          <ReplyForm
            quote={quote}
            onClearQuote={() => setQuote(null)}
            errors={fieldErrors(result).body}
            fileErrors={fieldErrors(result).attachments}
            resetKey={page.replies.length}
          />
        ) : (
          <p className="text-sm text-slate-500">{t("forum.lockedNotice")}</p>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/forum" backLabel="forum.allClassrooms" />;
}
