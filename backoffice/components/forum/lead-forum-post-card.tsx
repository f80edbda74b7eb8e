import { ExternalLink, MessagesSquare } from "lucide-react";
import { Link } from "react-router";
import { formatMoment } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { LeadForumPost } from "#app/modules/forum/forum-handed.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { AuthorLabel } from "#app/ui/forum/forum-author.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";

type Serialized<T> = { [K in keyof T]: T[K] extends Date ? Date | string : T[K] };

/** 转交销售 on the lead page: the post the lead was handed over from, readable by the lead's owner. */
export function LeadForumPostCard({ post }: { post: Serialized<LeadForumPost> }) {
  const { t, locale } = useI18n();
  const anchor = post.postId ? `#post-${post.postId}` : "";
  return (
    <SectionCard labelled title={t("forum.handed.title")} icon={MessagesSquare}>
      <div className="space-y-2 text-sm">
        <p className="font-medium text-slate-900">{post.title}</p>
        <p className="flex flex-wrap items-center gap-2 text-slate-600">
          <AuthorLabel author={post.author} />
          <span>{formatMoment(post.createdAt, locale)}</span>
          {post.hidden ? <Badge tone="amber">{t("forum.badge.hiddenStaff")}</Badge> : null}
        </p>
        <p className="line-clamp-4 whitespace-pre-line text-slate-700">{post.excerpt}</p>
        <p className="flex flex-wrap gap-4 pt-1">
          <Link to={`/crm/forum/handed/${post.threadId}${anchor}`} className="text-blue-700 hover:underline">
            {t("forum.handed.open")}
          </Link>
          {post.publicOnPortal ? (
            <a
              href={`/forum/t/${post.threadId}${anchor}`}
              target="_blank"
              rel="noreferrer"
              className="inline-flex items-center gap-1 text-blue-700 hover:underline"
            >
              {t("forum.handed.portal")}
              <ExternalLink aria-hidden className="size-3.5" />
            </a>
          ) : null}
        </p>
      </div>
    </SectionCard>
  );
}
