import { History } from "lucide-react";
import { formatMoment } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { SERVICE_PRIORITIES, SERVICE_STATUSES } from "#app/modules/service/service-constants.ts";
import { SectionCard } from "#app/ui/section-card.tsx";

// The history of a service request (created, replies, status and priority changes, assignment,
// publication, rating), one line each, in the reader's language.

type Translate = ReturnType<typeof useI18n>["t"];

export interface HistoryEvent {
  id: string;
  type: string;
  detail: unknown;
  createdAt: Date | string;
  actorName: string | null;
}

const PLAIN_EVENTS = new Set([
  "created",
  "reply",
  "internal-note",
  "member-reply",
  "published",
  "solution-updated",
  "unpublished",
  "reopened",
]);

function label(t: Translate, prefix: "service.status." | "service.priority.", list: readonly string[], v: unknown) {
  return typeof v === "string" && list.includes(v) ? t(`${prefix}${v}` as MessageKey) : "";
}

/** One event as a sentence; `staffName` resolves the assignee of an "assigned" event. */
export function eventText(e: Pick<HistoryEvent, "type" | "detail">, t: Translate, staffName: (id: number) => string) {
  const d = (e.detail ?? {}) as Record<string, unknown>;
  switch (e.type) {
    case "status":
      return t("service.event.status", {
        from: label(t, "service.status.", SERVICE_STATUSES, d.from),
        to: label(t, "service.status.", SERVICE_STATUSES, d.to),
      });
    case "priority":
      return t("service.event.priority", {
        from: label(t, "service.priority.", SERVICE_PRIORITIES, d.from),
        to: label(t, "service.priority.", SERVICE_PRIORITIES, d.to),
      });
    case "assigned":
      return t("service.event.assigned", { name: typeof d.to === "number" ? staffName(d.to) : "" });
    case "rated":
      return t("service.event.rated", { rating: typeof d.rating === "number" ? d.rating : "" });
    default:
      return PLAIN_EVENTS.has(e.type) ? t(`service.event.${e.type}` as MessageKey) : e.type;
  }
}

export function RequestHistory({
  events,
  staffNames,
}: {
  events: readonly HistoryEvent[];
  staffNames: Record<number, string>;
}) {
  const { t, locale } = useI18n();
  return (
    <SectionCard icon={History} title={t("service.staff.history")} flush>
      <ol className="divide-y divide-slate-100 text-sm">
        {events.map((e) => (
          <li key={e.id} className="flex flex-wrap items-baseline gap-x-3 px-5 py-2.5">
            <span className="w-36 shrink-0 text-xs text-slate-400 tabular-nums">
              {formatMoment(e.createdAt, locale)}
            </span>
            <span className="font-medium text-slate-700">{e.actorName ?? t("service.event.system")}</span>
            <span className="text-slate-600">{eventText(e, t, (id) => staffNames[id] ?? `#${id}`)}</span>
          </li>
        ))}
      </ol>
    </SectionCard>
  );
}
