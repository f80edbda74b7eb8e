import type { ReactNode } from "react";

/**
 * One notice (公告) in a list: title and date, then the body with its line breaks kept; `action`
 * (e.g. delete, for staff) sits at the row's end.
 */
export function AnnouncementRow({
  announcement,
  action,
}: {
  announcement: { title: string; body: string; createdAt: string };
  action?: ReactNode;
}) {
  return (
    <li className="flex gap-3 px-5 py-3.5">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="font-medium text-slate-900">{announcement.title}</h3>
          <time className="text-xs text-slate-500">{announcement.createdAt}</time>
        </div>
        <p className="mt-1 text-sm leading-6 whitespace-pre-line text-slate-600">{announcement.body}</p>
      </div>
      {action}
    </li>
  );
}
