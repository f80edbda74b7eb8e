import { AlarmClock, CheckCircle2, Clock } from "lucide-react";
import type { ServicePriority, ServiceRequestStatus } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { slaStatus } from "#app/modules/service/service-sla.ts";
import { Badge, type BadgeTone } from "../badge.tsx";
import { cn } from "../cn.ts";

// Service request badges shared by the portal and back-office service pages: status, priority and
// the first-response SLA.

const STATUS_TONE: Record<ServiceRequestStatus, BadgeTone> = {
  new: "blue",
  accepted: "violet",
  in_progress: "violet",
  waiting_customer: "amber",
  resolved: "green",
  closed: "slate",
};

export function ServiceStatusBadge({ status }: { status: ServiceRequestStatus }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONE[status]}>{t(`service.status.${status}` as MessageKey)}</Badge>;
}

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

/** "Respond within 3 h" / "Overdue by 2 h" / "Responded"; `now` comes from the loader so SSR and hydration agree. */
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
  const { t } = useI18n();
  const state = slaStatus(
    {
      dueAt: dueAt ? new Date(dueAt) : null,
      firstResponseAt: firstResponseAt ? new Date(firstResponseAt) : null,
      status,
    },
    new Date(now),
  );
  if (state.state === "none") return <span className="text-xs text-slate-400">{t("service.sla.none")}</span>;
  if (state.state === "met") {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-emerald-700">
        <CheckCircle2 aria-hidden className="size-3.5" />
        {t("service.sla.met")}
      </span>
    );
  }
  const minutes = Math.abs(state.minutesLeft ?? 0);
  const hours = Math.floor(minutes / 60);
  if (state.state === "overdue") {
    return (
      <span className="inline-flex items-center gap-1 rounded-md bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700 ring-1 ring-red-600/20 ring-inset">
        <AlarmClock aria-hidden className="size-3.5" />
        {hours >= 1 ? t("service.sla.overdue", { hours }) : t("service.sla.overdueMinutes", { minutes })}
      </span>
    );
  }
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        state.state === "due-soon"
          ? "bg-amber-50 text-amber-800 ring-amber-600/20"
          : "bg-slate-50 text-slate-700 ring-slate-500/20",
      )}
    >
      <Clock aria-hidden className="size-3.5" />
      {hours >= 1 ? t("service.sla.dueIn", { hours }) : t("service.sla.dueInMinutes", { minutes })}
    </span>
  );
}
