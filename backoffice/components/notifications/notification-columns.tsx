import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { NotificationRow } from "#app/modules/notifications/notification-list.server.ts";
import { cn } from "#app/ui/cn.ts";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RelativeTime } from "#app/ui/relative-time.tsx";

// The notifications page's columns. Opening one is a POST (it marks the notification read), so the
// row's title is a submit button rather than a link; the action redirects to where it points.

function OpenButton({ row }: { row: NotificationRow }) {
  const { t } = useI18n();
  const unread = row.readAt === null;
  return (
    <Form method="post">
      <input type="hidden" name="id" value={row.id} />
      <button
        type="submit"
        name="intent"
        value="open"
        className="group/open flex w-full items-start gap-3 text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
      >
        <span
          aria-hidden
          className={cn("mt-1.5 size-2 shrink-0 rounded-full", unread ? "bg-blue-600" : "bg-transparent")}
        />
        <span className="min-w-0 flex-1">
          <span
            className={cn(
              "block text-sm group-hover/open:text-blue-700 group-hover/open:underline",
              unread ? "font-semibold text-slate-900" : "font-medium text-slate-700",
            )}
          >
            {unread ? <span className="sr-only">{t("leadInbox.notifications.unread")} </span> : null}
            {row.title}
          </span>
          {row.body ? <span className="mt-0.5 block text-sm text-slate-500">{row.body}</span> : null}
        </span>
      </button>
    </Form>
  );
}

/** `now` (from the loader) keeps "3 hours ago" the same on the server and in the browser. */
export function notificationColumns(now: number): Array<Column<NotificationRow>> {
  return [
    {
      id: "notification",
      header: "leadInbox.notifications.col.notification",
      cell: (row) => <OpenButton row={row} />,
      hideable: false,
      mobile: "title",
    },
    {
      id: "time",
      header: "leadInbox.notifications.col.time",
      cell: (row) => <RelativeTime value={row.createdAt} now={now} className="whitespace-nowrap text-slate-500" />,
      sortKey: "time",
      mobile: "meta",
      className: "w-40",
    },
  ];
}
