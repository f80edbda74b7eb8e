import { AlarmClock, CheckCircle2, Clock, Paperclip } from "lucide-react";
import type { ServicePriority, ServiceRequestStatus } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { slaStatus } from "#app/modules/service/service-sla.ts";
import { Badge, type BadgeTone } from "./badge.tsx";
import { cn } from "./cn.ts";

// Small pieces shared by the portal and back-office service pages (and the knowledge base's
// attachments): status/priority/SLA badges, attachment lists and the attachment file input.

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

export interface AttachmentItem {
  id: number;
  fileName: string;
  size: number;
}

function formatSize(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** Download links; `hrefPrefix` is "/zone/files/" in the portal and "/crm/files/" in the back office. */
export function AttachmentList({ items, hrefPrefix }: { items: AttachmentItem[]; hrefPrefix: string }) {
  if (items.length === 0) return null;
  return (
    <ul className="mt-3 flex flex-wrap gap-2">
      {items.map((a) => (
        <li key={a.id}>
          <a
            href={`${hrefPrefix}${a.id}`}
            className="inline-flex max-w-72 items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2.5 py-1 text-xs text-slate-700 hover:border-blue-300 hover:text-blue-700"
          >
            <Paperclip aria-hidden className="size-3.5 shrink-0 text-slate-400" />
            <span className="truncate">{a.fileName}</span>
            <span className="shrink-0 text-slate-400">{formatSize(a.size)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export type UploadErrorView =
  | { code: "too-large"; name: string }
  | { code: "bad-type"; name: string }
  | { code: "empty"; name: string }
  | { code: "too-many" };

export const ATTACHMENT_LIMITS = { count: 5, sizeMb: 10 };

/** A multiple file input with the limits spelled out and upload errors listed under it. */
export function AttachmentInput({
  name = "attachments",
  id,
  accept,
  errors = [],
}: {
  name?: string;
  id: string;
  accept: string;
  errors?: UploadErrorView[];
}) {
  const { t } = useI18n();
  const messages = errors.map((e) =>
    e.code === "too-many"
      ? t("service.attachments.tooMany", { count: ATTACHMENT_LIMITS.count })
      : e.code === "too-large"
        ? t("service.attachments.tooLarge", { name: e.name, size: ATTACHMENT_LIMITS.sizeMb })
        : e.code === "empty"
          ? t("service.attachments.empty", { name: e.name })
          : t("service.attachments.badType", { name: e.name }),
  );
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {t("service.attachments.label")}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        multiple
        accept={accept}
        aria-describedby={`${id}-hint`}
        className="mt-1.5 block w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-200"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {t("service.attachments.hint", { count: ATTACHMENT_LIMITS.count, size: ATTACHMENT_LIMITS.sizeMb })}
      </p>
      {messages.map((m) => (
        <p key={m} className="mt-1 text-xs text-red-600">
          {m}
        </p>
      ))}
    </div>
  );
}
