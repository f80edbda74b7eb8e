import { CheckCircle2, Clock, Flag, XCircle } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { REPORT_REASONS, type QueuePost, type ReportReason } from "#app/modules/forum/forum-review.ts";
import { Badge } from "../badge.tsx";
import { Card } from "../card.tsx";
import { EmptyCard } from "../empty-card.tsx";
import { AuthorLabel } from "./forum-author.tsx";
import { IntentButton } from "./intent-button.tsx";
import { HeldPostActions, ReasonForm } from "./moderation.tsx";

export interface ReportedEntry {
  post: QueuePost;
  total: number;
  reasons: Partial<Record<ReportReason, number>>;
}

/**
 * The moderation queue (decision 041), shared by the back office and the member moderators' portal
 * page: reports grouped per post with counts, then posts held for review. `threadHref` opens a post
 * on the surface's own thread page. The forms post to the page itself (QUEUE_INTENTS).
 */
export function ModerationQueue({
  reported,
  held,
  threadHref,
}: {
  reported: ReportedEntry[];
  held: QueuePost[];
  threadHref: (post: QueuePost) => string;
}) {
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <Section title={t("forumMod.queue.reported")} empty={t("forumMod.queue.noReports")} emptyIcon={Flag}>
        {reported.map((entry) => (
          <QueueRow
            key={entry.post.id}
            post={entry.post}
            href={threadHref(entry.post)}
            badges={
              <>
                <Badge tone="red">{t("forumMod.queue.reports", { count: entry.total })}</Badge>
                {REPORT_REASONS.filter((r) => entry.reasons[r]).map((reason) => (
                  <Badge key={reason} tone="slate">
                    {t(`forumMod.report.reason.${reason}`)} × {entry.reasons[reason]}
                  </Badge>
                ))}
              </>
            }
            actions={
              <>
                <IntentButton intent="dismiss" postId={entry.post.id} icon={XCircle}>
                  {t("forumMod.queue.dismiss")}
                </IntentButton>
                {entry.post.hidden ? null : (
                  <ReasonForm intent="hide" postId={entry.post.id} label={t("forumMod.queue.hide")} icon="hide" />
                )}
                <ReasonForm
                  intent="delete"
                  postId={entry.post.id}
                  label={t("forumMod.queue.delete")}
                  icon="delete"
                  required
                />
              </>
            }
          />
        ))}
      </Section>
      <Section title={t("forumMod.queue.held")} empty={t("forumMod.queue.noHeld")} emptyIcon={CheckCircle2}>
        {held.map((post) => (
          <QueueRow
            key={post.id}
            post={post}
            href={threadHref(post)}
            badges={
              <Badge tone="amber">
                <Clock aria-hidden className="size-3" />
                {t("forumMod.held")}
              </Badge>
            }
            actions={<HeldPostActions postId={post.id} />}
          />
        ))}
      </Section>
    </div>
  );
}

function Section({
  title,
  empty,
  emptyIcon,
  children,
}: {
  title: string;
  empty: string;
  emptyIcon: typeof Flag;
  children: ReactNode[];
}) {
  return (
    <section className="space-y-3">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children.length === 0 ? (
        <EmptyCard icon={emptyIcon} title={empty} />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100">{children}</ul>
        </Card>
      )}
    </section>
  );
}

function QueueRow({
  post,
  href,
  badges,
  actions,
}: {
  post: QueuePost;
  href: string;
  badges: ReactNode;
  actions: ReactNode;
}) {
  const { t, locale } = useI18n();
  return (
    <li className="space-y-2 px-5 py-4 text-sm" data-queue-post={post.id}>
      <div className="flex flex-wrap items-center gap-2">
        <Link to={href} className="font-medium text-blue-700 hover:underline">
          {post.title}
        </Link>
        <span className="text-xs text-slate-500">
          {post.classroom.name} · {t(post.isOpening ? "forumMod.queue.question" : "forumMod.queue.reply")}
        </span>
        {badges}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <AuthorLabel author={post.author} />
        <time dateTime={new Date(post.createdAt).toISOString()}>{formatDateTime(post.createdAt, locale)}</time>
      </div>
      <p className="line-clamp-3 whitespace-pre-line text-slate-700">{post.excerpt}</p>
      <div className="flex flex-wrap items-center gap-2">{actions}</div>
    </li>
  );
}
