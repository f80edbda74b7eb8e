import { History } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { eventLines } from "#app/modules/leads/record/lead-event-text.ts";
import type { LeadEventView } from "#app/modules/leads/record/lead-queries.server.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { Timeline } from "#app/ui/records/timeline.tsx";

// 分配与处理记录: routing, distribution, claim, edits and status changes, oldest first, each as a
// sentence with its detail lines (app/modules/leads/record/lead-event-text.ts) on the shared timeline.

type EventView = Omit<LeadEventView, "createdAt"> & { createdAt: Date | string };

export function LeadHistoryCard({ events, now }: { events: EventView[]; now: number }) {
  const { t } = useI18n();
  const items = events.map((event) => {
    const { title, lines, kind } = eventLines({ ...event, createdAt: new Date(event.createdAt) }, t);
    return {
      id: event.id,
      title,
      lines,
      at: event.createdAt,
      tone: kind === "status" ? ("amber" as const) : undefined,
    };
  });
  return (
    <Card aria-label={t("leadInbox.detail.history.title")}>
      <CardHeader title={t("leadInbox.detail.history.title")} icon={<History className="size-4" aria-hidden />} />
      <Timeline items={items} now={now} empty="leadInbox.detail.history.none" />
    </Card>
  );
}
