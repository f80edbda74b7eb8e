import { ArrowDownWideNarrow, Inbox, MessagesSquare, UserRound } from "lucide-react";
import { data, Link, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import { formatListTime } from "#app/modules/messages/message-time.ts";
import { STAFF_FILTERS, type StaffFilter } from "#app/modules/messages/message-input.ts";
import { listThreadsForStaff } from "#app/modules/messages/site-messages.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Pager } from "#app/ui/list/pager.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";

// 站内消息 inbox for staff: every member conversation, filterable by who handles it.

const PATH = "/crm/messages";

const QuerySchema = z.object({
  filter: z.enum(STAFF_FILTERS).catch("all"),
  sort: z.enum(["unread", "recent"]).catch("unread"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
type Query = z.infer<typeof QuerySchema>;

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePermission(request, "members", "browse");
  const params = new URL(request.url).searchParams;
  const query = QuerySchema.parse({
    filter: params.get("filter") ?? undefined,
    sort: params.get("sort") ?? undefined,
    page: params.get("page") ?? 1,
  });
  const list = await listThreadsForStaff(db, principal, {
    filter: query.filter,
    unreadFirst: query.sort === "unread",
    page: query.page,
  });
  if (list.kind !== "ok") throw data({ module: "members", action: "browse" }, { status: 403 });
  const locale = await getLocale(request);
  const now = new Date();
  return {
    ...list,
    sort: query.sort,
    myId: principal.staff.id,
    items: list.items.map((item) => ({ ...item, when: formatListTime(item.lastMessageAt, locale, now) })),
  };
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "messages.crm.inbox.title");

const FILTER_LABELS: Record<StaffFilter, MessageKey> = {
  all: "messages.crm.filter.all",
  unassigned: "messages.crm.filter.unassigned",
  mine: "messages.crm.filter.mine",
};

function href(query: Partial<Query>): string {
  const params = new URLSearchParams();
  if (query.filter && query.filter !== "all") params.set("filter", query.filter);
  if (query.sort && query.sort !== "unread") params.set("sort", query.sort);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `${PATH}?${search}` : PATH;
}

export default function MessagesInbox() {
  const page = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const current = { filter: page.filter, sort: page.sort };

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={t("backoffice.nav.group.portal")}
        title={t("messages.crm.inbox.title")}
        description={t("messages.crm.inbox.description")}
        icon={<MessagesSquare className="size-6" aria-hidden />}
      />

      <Card>
        <div className="flex flex-col gap-3 border-b border-slate-100 px-5 py-3 md:flex-row md:items-center md:justify-between">
          <nav aria-label={t("messages.crm.filter.label")} className="-mx-1 flex flex-wrap gap-1">
            {STAFF_FILTERS.map((filter) => {
              const active = filter === page.filter;
              return (
                <Link
                  key={filter}
                  to={href({ ...current, filter })}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "inline-flex h-8 items-center gap-2 rounded-md px-3 text-sm font-medium transition-colors",
                    active ? "bg-blue-50 text-blue-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                  )}
                >
                  {t(FILTER_LABELS[filter])}
                  <span
                    className={cn(
                      "rounded-full px-1.5 text-xs tabular-nums",
                      active ? "bg-blue-100 text-blue-700" : "bg-slate-100 text-slate-500",
                    )}
                  >
                    {page.counts[filter]}
                  </span>
                </Link>
              );
            })}
          </nav>
          <div className="flex items-center gap-1 text-sm">
            <ArrowDownWideNarrow aria-hidden className="size-4 text-slate-400" />
            <span className="mr-1 text-slate-500">{t("messages.crm.sort.label")}</span>
            {(["unread", "recent"] as const).map((sort) => (
              <Link
                key={sort}
                to={href({ ...current, sort })}
                aria-current={sort === page.sort ? "true" : undefined}
                className={cn(
                  "rounded-md px-2 py-1 font-medium transition-colors",
                  sort === page.sort ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100",
                )}
              >
                {t(sort === "unread" ? "messages.crm.sort.unread" : "messages.crm.sort.recent")}
              </Link>
            ))}
          </div>
        </div>

        {page.items.length === 0 ? (
          <EmptyState
            icon={<Inbox className="size-5" aria-hidden />}
            title={t(page.filter === "all" ? "messages.crm.empty.title" : "messages.crm.emptyFiltered.title")}
            description={t(page.filter === "all" ? "messages.crm.empty.body" : "messages.crm.emptyFiltered.body")}
          >
            {page.filter !== "all" ? (
              <ButtonLink to={href({ sort: page.sort })} variant="secondary">
                {t("messages.crm.filter.showAll")}
              </ButtonLink>
            ) : null}
          </EmptyState>
        ) : (
          <>
            {/* Phones: one card per thread; the table needs more width than a phone has. */}
            <ul className="divide-y divide-slate-100 md:hidden">
              {page.items.map((item) => (
                <li key={item.id} className={cn(item.unread > 0 && "bg-blue-50/30")}>
                  <Link to={`${PATH}/${item.id}`} className="block px-5 py-3.5 active:bg-slate-50">
                    <span className="flex items-start gap-3">
                      <span
                        className={cn(
                          "min-w-0 flex-1 text-[15px] leading-6 break-words",
                          item.unread > 0 ? "font-semibold text-slate-900" : "font-medium text-slate-800",
                        )}
                      >
                        {item.subject}
                      </span>
                      <span className="shrink-0 text-xs leading-6 text-slate-500 tabular-nums">{item.when}</span>
                    </span>
                    <span className="mt-0.5 block truncate text-sm text-slate-500">
                      {item.member.anonymised ? t("messages.member.anonymised") : item.member.nickname}
                      {item.member.email ? ` · ${item.member.email}` : ""}
                    </span>
                    <span className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                      {item.unread > 0 ? (
                        <Badge tone="blue">{t("messages.unreadCount", { count: item.unread })}</Badge>
                      ) : null}
                      {item.awaitingReply ? (
                        <Badge tone="amber">{t("messages.crm.awaitingReply")}</Badge>
                      ) : (
                        <Badge tone="green">{t("messages.crm.replied")}</Badge>
                      )}
                      <span className="inline-flex items-center gap-1">
                        <UserRound aria-hidden className="size-3.5 text-slate-400" />
                        {item.assignee
                          ? item.assignee.id === page.myId
                            ? t("messages.crm.assignee.me")
                            : item.assignee.name
                          : t("messages.crm.assignee.none")}
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            <div className="hidden overflow-x-auto md:block">
              <table className="min-w-full text-left text-sm">
                <thead className="border-b border-slate-100 bg-slate-50/60 text-xs font-medium tracking-wide text-slate-500 uppercase">
                  <tr>
                    <th scope="col" className="px-5 py-2.5 font-medium">
                      {t("messages.crm.col.member")}
                    </th>
                    <th scope="col" className="px-5 py-2.5 font-medium">
                      {t("messages.crm.col.subject")}
                    </th>
                    <th scope="col" className="px-5 py-2.5 font-medium whitespace-nowrap">
                      {t("messages.crm.col.lastActivity")}
                    </th>
                    <th scope="col" className="px-5 py-2.5 text-center font-medium whitespace-nowrap">
                      {t("messages.crm.col.unread")}
                    </th>
                    <th scope="col" className="px-5 py-2.5 font-medium whitespace-nowrap">
                      {t("messages.crm.col.assignee")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {page.items.map((item) => (
                    <tr key={item.id} className={cn("group hover:bg-slate-50/80", item.unread > 0 && "bg-blue-50/30")}>
                      <td className="max-w-60 px-5 py-3 align-top">
                        {item.member.anonymised ? (
                          <p className="text-slate-500 italic">{t("messages.member.anonymised")}</p>
                        ) : (
                          <>
                            <p className="truncate font-medium text-slate-900">{item.member.nickname}</p>
                            <p className="truncate text-xs text-slate-500" title={item.member.email ?? undefined}>
                              {item.member.email}
                            </p>
                          </>
                        )}
                      </td>
                      <td className="min-w-56 px-5 py-3 align-top">
                        <Link
                          to={`${PATH}/${item.id}`}
                          className={cn(
                            "group-hover:text-blue-700 hover:underline",
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
                      </td>
                      <td className="px-5 py-3 align-top whitespace-nowrap text-slate-500 tabular-nums">{item.when}</td>
                      <td className="px-5 py-3 text-center align-top">
                        {item.unread > 0 ? (
                          <span
                            className="inline-flex min-w-6 items-center justify-center rounded-full bg-blue-600 px-1.5 text-xs leading-5 font-semibold text-white tabular-nums"
                            aria-label={t("messages.unreadCount", { count: item.unread })}
                          >
                            {item.unread}
                          </span>
                        ) : (
                          <span className="text-slate-300" aria-label={t("messages.crm.noUnread")}>
                            –
                          </span>
                        )}
                      </td>
                      <td className="px-5 py-3 align-top whitespace-nowrap">
                        {item.assignee ? (
                          <span className="inline-flex items-center gap-1.5 text-slate-700">
                            <UserRound aria-hidden className="size-3.5 text-slate-400" />
                            {item.assignee.id === page.myId ? t("messages.crm.assignee.me") : item.assignee.name}
                          </span>
                        ) : (
                          <Badge tone="slate">{t("messages.crm.assignee.none")}</Badge>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>

            {page.pageCount > 1 ? (
              <Pager
                label={t("messages.pager.label")}
                summary={t("messages.pager.summary", { page: page.page, pageCount: page.pageCount })}
                prevLabel={t("messages.pager.prev")}
                nextLabel={t("messages.pager.next")}
                prevTo={page.page > 1 ? href({ ...current, page: page.page - 1 }) : null}
                nextTo={page.page < page.pageCount ? href({ ...current, page: page.page + 1 }) : null}
              />
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}
