import { Link } from "react-router";
import type { DateValue } from "#app/lib/format/dates.ts";
import type { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { ForumActivityItem } from "#app/modules/forum/forum-activity.ts";
import type { TimelineItem } from "../records/timeline.tsx";

// A member's forum activity as Timeline items (decision 043), to merge into a record's timeline.

type Translate = ReturnType<typeof useI18n>["t"];

export function forumTimelineItems(items: readonly ForumActivityItem[], t: Translate): TimelineItem[] {
  return items.map((item) => {
    const values = { nickname: item.nickname, title: item.title, classroom: item.classroom };
    const text =
      item.kind === "thread"
        ? t("forumSearch.timeline.thread", values)
        : item.kind === "reply"
          ? t("forumSearch.timeline.reply", values)
          : t("forumSearch.timeline.accepted", values);
    return {
      id: item.key,
      at: item.at,
      tone: item.kind === "accepted" ? "green" : item.hidden ? "slate" : "blue",
      title: (
        <Link to={item.href} className="text-blue-700 hover:underline" data-testid="timeline-forum">
          {text}
        </Link>
      ),
      lines: item.hidden ? [t("forumSearch.timeline.hidden")] : undefined,
    };
  });
}

const time = (at: DateValue | undefined) => (at === undefined ? 0 : new Date(at).getTime());

/** Items from several sources, newest first. */
export function newestFirst(items: readonly TimelineItem[]): TimelineItem[] {
  return [...items].sort((a, b) => time(b.at) - time(a.at));
}
