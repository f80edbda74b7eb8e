import { Headset, MessagesSquare, PenLine } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { formatListTime } from "#app/modules/messages/message-time.ts";
import { listThreadsForMember } from "#app/modules/messages/site-messages.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Pager } from "#app/ui/list/pager.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";

// 站内消息: the member's conversations with customer service, newest activity first.

const PATH = "/account/messages";
const QuerySchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  const locale = await getLocale(request);
  const query = QuerySchema.parse({ page: new URL(request.url).searchParams.get("page") ?? 1 });
  const list = await listThreadsForMember(db, principal.member.id, { page: query.page });
  const now = new Date();
  return {
    ...list,
    items: list.items.map((item) => ({ ...item, when: formatListTime(item.lastMessageAt, locale, now) })),
  };
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "messages.portal.list.title");

export default function AccountMessages() {
  const page = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const pageHref = (n: number) => (n > 1 ? `${PATH}?page=${n}` : PATH);

  return (
    <div className="space-y-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("messages.portal.list.title")}</h1>
          <p className="mt-1.5 max-w-2xl text-[15px] leading-6 text-slate-500">
            {t("messages.portal.list.description")}
          </p>
        </div>
        <ButtonLink to={`${PATH}/new`} className="self-start sm:self-auto">
          <PenLine aria-hidden className="size-4" />
          {t("messages.portal.new.button")}
        </ButtonLink>
      </header>

      <Card>
        {page.items.length === 0 ? (
          <EmptyState
            icon={<MessagesSquare className="size-5" aria-hidden />}
            title={t("messages.portal.list.empty.title")}
            description={t("messages.portal.list.empty.body")}
          >
            <ButtonLink to={`${PATH}/new`}>
              <PenLine aria-hidden className="size-4" />
              {t("messages.portal.new.button")}
            </ButtonLink>
          </EmptyState>
        ) : (
          <>
            <ul className="divide-y divide-slate-100">
              {page.items.map((item) => (
                <li key={item.id}>
                  <Link
                    to={`${PATH}/${item.id}`}
                    className="group flex gap-4 px-5 py-4 transition-colors hover:bg-slate-50/80 focus-visible:bg-slate-50 focus-visible:outline-none"
                  >
                    <span
                      aria-hidden
                      className={cn(
                        "mt-1.5 size-2 shrink-0 rounded-full",
                        item.unread > 0 ? "bg-blue-600" : "bg-transparent",
                      )}
                    />
                    <span className="min-w-0 flex-1">
                      <span className="flex items-start gap-3">
                        <span
                          className={cn(
                            "min-w-0 flex-1 truncate text-[15px] group-hover:text-blue-700",
                            item.unread > 0 ? "font-semibold text-slate-900" : "font-medium text-slate-800",
                          )}
                        >
                          {item.subject}
                        </span>
                        <span className="shrink-0 text-xs text-slate-500 tabular-nums">{item.when}</span>
                      </span>
                      <span className="mt-1 block truncate text-sm text-slate-500">
                        <span className="text-slate-400">
                          {item.lastFromStaff ? t("messages.portal.list.fromStaff") : t("messages.portal.list.fromMe")}
                        </span>
                        {item.lastExcerpt}
                      </span>
                      <span className="mt-2 flex flex-wrap items-center gap-2">
                        {item.unread > 0 ? (
                          <Badge tone="blue">{t("messages.unreadCount", { count: item.unread })}</Badge>
                        ) : null}
                        {item.lastFromStaff ? (
                          <Badge tone="green">{t("messages.portal.status.replied")}</Badge>
                        ) : (
                          <Badge tone="amber">{t("messages.portal.status.waiting")}</Badge>
                        )}
                        <span className="inline-flex items-center gap-1 text-xs text-slate-500">
                          <Headset aria-hidden className="size-3.5 text-slate-400" />
                          {item.assigneeName
                            ? t("messages.portal.handledBy", { name: item.assigneeName })
                            : t("messages.portal.notYetHandled")}
                        </span>
                        <span className="text-xs text-slate-400">
                          {t("messages.messageCount", { count: item.messageCount })}
                        </span>
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            {page.pageCount > 1 ? (
              <Pager
                label={t("messages.pager.label")}
                summary={t("messages.pager.summary", { page: page.page, pageCount: page.pageCount })}
                prevLabel={t("messages.pager.prev")}
                nextLabel={t("messages.pager.next")}
                prevTo={page.page > 1 ? pageHref(page.page - 1) : null}
                nextTo={page.page < page.pageCount ? pageHref(page.page + 1) : null}
              />
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}
