import { History } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { eventLines } from "#app/modules/leads/lead-event-text.ts";
import type { LeadEventView } from "#app/modules/leads/lead-queries.server.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { RelativeTime } from "#backoffice/components/lead-ui.tsx";

// 分配与处理记录: routing, distribution, claim, edits and status changes, oldest first, each as a
// sentence with its detail lines (app/modules/leads/lead-event-text.ts).

type EventView = Omit<LeadEventView, "createdAt"> & { createdAt: Date | string };

export function LeadHistoryCard({ events, now }: { events: EventView[]; now: number }) {
  const { t } = useI18n();
  return (
    <Card aria-label={t("leadInbox.detail.history.title")}>
      <CardHeader title={t("leadInbox.detail.history.title")} icon={<History className="size-4" aria-hidden />} />
      {events.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-slate-400">{t("leadInbox.detail.history.none")}</p>
      ) : (
        <ol className="px-5 py-4">
          {events.map((event, index) => {
            const { title, lines, kind } = eventLines({ ...event, createdAt: new Date(event.createdAt) }, t);
            return (
              <li key={event.id} className="relative flex gap-3 pb-5 last:pb-0">
                {index < events.length - 1 ? (
                  <span aria-hidden className="absolute top-4 left-[7px] h-full w-px bg-slate-200" />
                ) : null}
                <span
                  aria-hidden
                  className={cn(
                    "relative mt-1 size-[15px] shrink-0 rounded-full border-[3px] border-white ring-1",
                    kind === "status" ? "bg-amber-500 ring-amber-200" : "bg-blue-600 ring-blue-200",
                  )}
                />
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium text-slate-900">{title}</p>
                  {lines.length > 0 ? (
                    <ul className="mt-1.5 space-y-1 text-sm text-slate-600">
                      {lines.map((line, i) => (
                        <li key={i} className="flex gap-2">
                          <span aria-hidden className="mt-2 size-1 shrink-0 rounded-full bg-slate-400" />
                          {line}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <p className="mt-1 text-xs text-slate-400">
                    <RelativeTime value={event.createdAt} now={now} />
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
