import { CheckCircle2, EyeOff, Quote } from "lucide-react";
import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { formatDateTime } from "#app/lib/format/dates.ts";
import type { ForumPostView } from "#app/modules/forum/forum-views.ts";
import { cn } from "../cn.ts";
import { RichTextView } from "../rich-text-editor.tsx";
import { authorName } from "#app/modules/forum/forum-authors.ts";
import { AuthorLabel } from "./forum-author.tsx";

export type { ForumPostView };

/**
 * One post of a thread: author, time, the quoted reply (already filtered by visibility on the
 * server), the sanitised body and the actions the reader may take (`actions`).
 */
export function PostCard({
  post,
  hiddenLabel = "forum.badge.hidden",
  actions,
  attachments,
}: {
  post: ForumPostView;
  hiddenLabel?: "forum.badge.hidden" | "forum.badge.hiddenStaff";
  actions?: ReactNode;
  /** The post's files (PostAttachments), under the body. */
  attachments?: ReactNode;
}) {
  const { t, locale } = useI18n();
  return (
    <article
      id={`post-${post.id}`}
      data-post-id={post.id}
      className={cn(
        "rounded-xl border bg-white p-5 shadow-sm",
        post.accepted ? "border-emerald-300 ring-1 ring-emerald-200" : "border-slate-200",
        post.hidden && "border-dashed border-amber-300 bg-amber-50/40",
      )}
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-500">
        <AuthorLabel author={post.author} />
        <time dateTime={new Date(post.createdAt).toISOString()}>{formatDateTime(post.createdAt, locale)}</time>
        {post.edited ? <span>· {t("forum.edited")}</span> : null}
        {post.accepted ? (
          <span className="inline-flex items-center gap-1 font-medium text-emerald-700">
            <CheckCircle2 aria-hidden className="size-4" />
            {t("forum.accepted")}
          </span>
        ) : null}
        {post.hidden ? (
          <span className="inline-flex items-center gap-1 font-medium text-amber-700">
            <EyeOff aria-hidden className="size-4" />
            {/* Held for review (decision 041): the author is told why only they see it. */}
            {post.held ? t(post.mine ? "forumMod.heldNotice" : "forumMod.held") : t(hiddenLabel)}
          </span>
        ) : null}
      </header>
      {post.quote ? (
        <blockquote className="mt-3 rounded-md border-l-4 border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600">
          <p className="flex items-center gap-1 text-xs font-medium text-slate-500">
            <Quote aria-hidden className="size-3" />
            {t("forum.quoting", { name: authorName(post.quote.author) })}
          </p>
          <p className="mt-1 line-clamp-3">{post.quote.excerpt}</p>
        </blockquote>
      ) : null}
      <RichTextView html={post.bodyHtml} className="mt-3 text-[15px]" />
      {attachments}
      {actions ? (
        <footer className="mt-4 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3">{actions}</footer>
      ) : null}
    </article>
  );
}
