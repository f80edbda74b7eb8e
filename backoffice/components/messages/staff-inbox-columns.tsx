import { UserRound } from "lucide-react";
import { Link } from "react-router";
import { formatListTime } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { StaffFilter } from "#app/modules/messages/message-input.ts";
import type { StaffInboxItem } from "#app/modules/messages/staff-inbox.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { cn } from "#app/ui/cn.ts";
import type { Column } from "#app/ui/list/data-table.tsx";

// The staff inbox's columns (/crm/messages) and its tabs by handler.

const PATH = "/crm/messages";

function MemberCell({ item }: { item: StaffInboxItem }) {
  const { t } = useI18n();
  if (item.member.anonymised) return <p className="text-slate-500 italic">{t("messages.member.anonymised")}</p>;
  return (
    <div className="max-w-60 min-w-0">
      <p className="truncate font-medium text-slate-900">{item.member.nickname}</p>
      <p className="truncate text-xs text-slate-500" title={item.member.email ?? undefined}>
        {item.member.email}
      </p>
    </div>
  );
}

function SubjectCell({ item }: { item: StaffInboxItem }) {
  const { t } = useI18n();
  return (
    <div className="min-w-56">
      <Link
        to={`${PATH}/${item.id}`}
        className={cn(
          "hover:text-blue-700 hover:underline",
          item.unread > 0 ? "font-semibold text-slate-900" : "font-medium text-slate-800",
        )}
      >
        {item.subject}
      </Link>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        {item.awaitingReply ? (
          <Badge tone="amber">{t("messages.crm.awaitingReply")}</Badge>
        ) : (
          <Badge tone="green">{t("messages.crm.replied")}</Badge>
        )}
        <span>{t("messages.messageCount", { count: item.messageCount })}</span>
      </p>
    </div>
  );
}

function UnreadCell({ item }: { item: StaffInboxItem }) {
  const { t } = useI18n();
  return item.unread > 0 ? (
    <span
      className="inline-flex min-w-6 items-center justify-center rounded-full bg-blue-600 px-1.5 text-xs leading-5 font-semibold text-white tabular-nums"
      aria-label={t("common.unread", { count: item.unread })}
    >
      {item.unread}
    </span>
  ) : (
    <span className="text-slate-300" aria-label={t("messages.crm.noUnread")}>
      –
    </span>
  );
}

function AssigneeCell({ item, myId }: { item: StaffInboxItem; myId: number }) {
  const { t } = useI18n();
  if (!item.assignee) return <Badge tone="slate">{t("common.unassigned")}</Badge>;
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap text-slate-700">
      <UserRound aria-hidden className="size-3.5 text-slate-400" />
      {item.assignee.id === myId ? t("common.me") : item.assignee.name}
    </span>
  );
}

function ActivityCell({ item, now }: { item: StaffInboxItem; now: number }) {
  const { locale } = useI18n();
  return (
    <span className="whitespace-nowrap text-slate-500 tabular-nums">
      {formatListTime(item.lastMessageAt, locale, now)}
    </span>
  );
}

/** The columns; `now` (from the loader) keeps "today" the same on the server and in the browser. */
export function staffInboxColumns(myId: number, now: number): Array<Column<StaffInboxItem>> {
  return [
    { id: "member", header: "messages.crm.col.member", cell: (r) => <MemberCell item={r} />, mobile: "meta" },
    {
      id: "subject",
      header: "common.subject",
      cell: (r) => <SubjectCell item={r} />,
      sortKey: "subject",
      hideable: false,
      mobile: "title",
    },
    {
      id: "activity",
      header: "messages.crm.col.lastActivity",
      cell: (r) => <ActivityCell item={r} now={now} />,
      sortKey: "activity",
      mobile: "meta",
    },
    {
      id: "unread",
      header: "messages.crm.col.unread",
      cell: (r) => <UnreadCell item={r} />,
      sortKey: "unread",
      mobile: "hidden",
      className: "text-center",
    },
    {
      id: "assignee",
      header: "messages.crm.col.assignee",
      cell: (r) => <AssigneeCell item={r} myId={myId} />,
      mobile: "meta",
    },
  ];
}

const TAB_LABELS: Record<StaffFilter, MessageKey> = {
  all: "messages.crm.filter.all",
  unassigned: "common.unassigned",
  mine: "messages.crm.filter.mine",
};

/** The tabs by handler, each with its count; `hrefFor` keeps the rest of the list state. */
export function StaffInboxTabs({
  current,
  counts,
  hrefFor,
}: {
  current: StaffFilter;
  counts: Record<StaffFilter, number>;
  hrefFor: (filter: StaffFilter) => string;
}) {
  const { t } = useI18n();
  return (
    <nav
      aria-label={t("messages.crm.filter.label")}
      className="flex flex-wrap gap-1 border-b border-slate-100 px-4 py-2"
    >
      {(Object.keys(TAB_LABELS) as StaffFilter[]).map((filter) => {
        const active = filter === current;
        return (
          <Link
            key={filter}
            to={hrefFor(filter)}
            aria-current={active ? "page" : undefined}
            className={cn(
              "inline-flex h-8 items-center gap-2 rounded-md px-3 text-sm font-medium transition-colors",
              active ? "bg-blue-50 text-blue-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            {t(TAB_LABELS[filter])}
            <span
              className={cn(
                "rounded-full px-1.5 text-xs tabular-nums",
                active ? "bg-blue-100 text-blue-700" : "bg-slate-100 text-slate-500",
              )}
            >
              {counts[filter]}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
