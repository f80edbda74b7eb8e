import { Eye, MessageSquare, ThumbsUp } from "lucide-react";
import { Link } from "react-router";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { ThreadListItem } from "#app/modules/forum/forum-views.ts";
import { Badge } from "../badge.tsx";
import { AuthorLabel } from "./forum-author.tsx";
import { ThreadBadges } from "./thread-badges.tsx";
import { MetaItem } from "../record-meta.tsx";

/**
 * Rows of a classroom's thread list (stacked, so it reads the same on a phone). Each surface says where
 * it serves the classroom (tag links) and the threads.
 */
export function ThreadList({
  threads,
  classroomHref,
  threadHref,
  hiddenLabel,
}: {
  threads: ThreadListItem[];
  classroomHref: string;
  threadHref: (id: number) => string;
  hiddenLabel?: "forum.badge.hidden" | "forum.badge.hiddenStaff";
}) {
  const { t, locale } = useI18n();
  return (
    <ul className="divide-y divide-slate-100">
      {threads.map((thread) => (
        <li key={thread.id} className="px-5 py-4" data-thread-id={thread.id}>
          <div className="flex flex-wrap items-center gap-2">
            <ThreadBadges thread={thread} hiddenLabel={hiddenLabel} />
            <Link to={threadHref(thread.id)} className="font-medium text-slate-900 hover:text-blue-700">
              {thread.title}
            </Link>
          </div>
          <div className="mt-1.5 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-500">
            <AuthorLabel author={thread.author} />
            <span>{formatCompactDate(thread.lastActivityAt, locale)}</span>
            <MetaItem icon={MessageSquare} compact>
              {t("forum.replies", { count: thread.replyCount })}
            </MetaItem>
            <MetaItem icon={Eye} compact>
              {t("forum.views", { count: thread.viewCount })}
            </MetaItem>
            <MetaItem icon={ThumbsUp} compact>
              {thread.likeCount}
            </MetaItem>
            {thread.tags
              ? thread.tags.split(",").map((tag) => (
                  <Link key={tag} to={`${classroomHref}?tag=${encodeURIComponent(tag)}`}>
                    <Badge tone="blue">#{tag}</Badge>
                  </Link>
                ))
              : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
