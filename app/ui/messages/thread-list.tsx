import { Headset } from "lucide-react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "../badge.tsx";
import { cn } from "../cn.ts";

/**
 * ThreadList — a reader's conversations, newest activity first: unread dot and count, subject, who
 * wrote last with an excerpt, replied/waiting, the handler and the message count. Each row links to
 * `${linkBase}/${id}` ("/account/messages" in the portal).
 *
 * Props: `items` (`ThreadListItem[]`, `when` formatted by the loader with `formatListTime`).
 */

export interface ThreadListItem {
  id: number;
  subject: string;
  when: string;
  unread: number;
  lastFromStaff: boolean;
  lastExcerpt: string;
  assigneeName: string | null;
  messageCount: number;
}

export function ThreadList({ items, linkBase }: { items: readonly ThreadListItem[]; linkBase: string }) {
  const { t } = useI18n();
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((item) => (
        <li key={item.id}>
          <Link
            to={`${linkBase}/${item.id}`}
            className="group flex gap-4 px-5 py-4 transition-colors hover:bg-slate-50/80 focus-visible:bg-slate-50 focus-visible:outline-none"
          >
            <span
              aria-hidden
              className={cn("mt-1.5 size-2 shrink-0 rounded-full", item.unread > 0 ? "bg-blue-600" : "bg-transparent")}
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
                {item.unread > 0 ? <Badge tone="blue">{t("common.unread", { count: item.unread })}</Badge> : null}
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
  );
}
