import { AlarmClock, CheckCircle2, Clock, PauseCircle } from "lucide-react";
import type { ServicePriority, ServiceRequestStatus } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { resolutionStatus, slaStatus, type SlaStatus } from "#app/modules/service/service-sla.ts";
import { stateBadge } from "../badge.tsx";
import { cn } from "../cn.ts";

// Service request badges shared by the portal and back-office service pages: status, priority, the
// first-response SLA and the resolution SLA.

export const ServiceStatusBadge = stateBadge<ServiceRequestStatus>(
  {
    new: "blue",
    accepted: "violet",
    in_progress: "violet",
    waiting_customer: "amber",
    resolved: "green",
    closed: "slate",
  },
  (s) => `service.status.${s}`,
);

const PRIORITY_CLASS: Record<ServicePriority, string> = {
  low: "text-slate-500",
  normal: "text-slate-600",
  high: "text-amber-700",
  urgent: "text-red-700 font-semibold",
};

export function PriorityLabel({ priority }: { priority: ServicePriority }) {
  const { t } = useI18n();
  return (
    <span className={cn("text-xs", PRIORITY_CLASS[priority])}>{t(`service.priority.${priority}` as MessageKey)}</span>
  );
}

/** The words of one SLA's badge: response and resolution say "respond"/"resolve" differently. */
interface SlaWords {
  met: MessageKey;
  dueIn: MessageKey;
  dueInMinutes: MessageKey;
  breached: MessageKey;
  breachedMinutes: MessageKey;
}

const RESPONSE_WORDS: SlaWords = {
  met: "service.sla.met",
  dueIn: "service.sla.dueIn",
  dueInMinutes: "service.sla.dueInMinutes",
  breached: "service.sla.breached",
  breachedMinutes: "service.sla.breachedMinutes",
};

const RESOLUTION_WORDS: SlaWords = {
  met: "service.resolution.met",
  dueIn: "service.resolution.dueIn",
  dueInMinutes: "service.resolution.dueInMinutes",
  breached: "service.resolution.breached",
  breachedMinutes: "service.resolution.breachedMinutes",
};

const PILL = "inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

function SlaStateBadge({ state, words }: { state: SlaStatus; words: SlaWords }) {
  const { t } = useI18n();
  const minutes = Math.abs(state.minutesLeft ?? 0);
  const hours = Math.floor(minutes / 60);
  const amount = (whole: MessageKey, part: MessageKey) => (hours >= 1 ? t(whole, { hours }) : t(part, { minutes }));
  switch (state.state) {
    case "none":
      return <span className="text-xs text-slate-400">{t("service.sla.none")}</span>;
    case "met":
      return (
        <span className="inline-flex items-center gap-1 text-xs text-emerald-700">
          <CheckCircle2 aria-hidden className="size-3.5" />
          {t(words.met)}
        </span>
      );
    case "paused":
      return (
        <span className={cn(PILL, "bg-slate-50 text-slate-600 ring-slate-500/20")}>
          <PauseCircle aria-hidden className="size-3.5" />
          {t("service.resolution.paused")}
        </span>
      );
    case "breached":
      // Kept on record after the fact: late is late, even once answered or resolved.
      return (
        <span className={cn(PILL, "bg-white text-red-700 ring-red-600/30")}>
          <AlarmClock aria-hidden className="size-3.5" />
          {amount(words.breached, words.breachedMinutes)}
        </span>
      );
    case "overdue":
      return (
        <span className={cn(PILL, "bg-red-50 text-red-700 ring-red-600/20")}>
          <AlarmClock aria-hidden className="size-3.5" />
          {hours >= 1 ? t("service.sla.overdue", { hours }) : t("service.sla.overdueMinutes", { minutes })}
        </span>
      );
    default:
      return (
        <span
          className={cn(
            PILL,
            state.state === "due-soon"
              ? "bg-amber-50 text-amber-800 ring-amber-600/20"
              : "bg-slate-50 text-slate-700 ring-slate-500/20",
          )}
        >
          <Clock aria-hidden className="size-3.5" />
          {amount(words.dueIn, words.dueInMinutes)}
        </span>
      );
  }
}

const asDate = (value: Date | string | null) => (value ? new Date(value) : null);

/**
 * First response: "Respond within 3 h" / "Overdue by 2 h" / "Responded" / "Responded 403 h late";
 * `now` comes from the loader so SSR and hydration agree.
 */
export function SlaBadge({
  dueAt,
  firstResponseAt,
  status,
  now,
}: {
  dueAt: Date | string | null;
  firstResponseAt: Date | string | null;
  status: ServiceRequestStatus;
  now: Date | string;
}) {
  const state = slaStatus({ dueAt: asDate(dueAt), firstResponseAt: asDate(firstResponseAt), status }, new Date(now));
  return <SlaStateBadge state={state} words={RESPONSE_WORDS} />;
}

/** Resolution: due, paused while waiting for the customer, resolved in time or late. */
export function ResolutionBadge({
  resolutionDueAt,
  pausedAt,
  pausedMinutes,
  resolvedAt,
  status,
  now,
}: {
  resolutionDueAt: Date | string | null;
  pausedAt: Date | string | null;
  pausedMinutes: number;
  resolvedAt: Date | string | null;
  status: ServiceRequestStatus;
  now: Date | string;
}) {
  const state = resolutionStatus(
    {
      resolutionDueAt: asDate(resolutionDueAt),
      pausedAt: asDate(pausedAt),
      pausedMinutes,
      resolvedAt: asDate(resolvedAt),
      status,
    },
    new Date(now),
  );
  return <SlaStateBadge state={state} words={RESOLUTION_WORDS} />;
}
