import { formatMoment } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { ServiceRequestWorkspace } from "#app/modules/service/service-workspace.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { PriorityLabel, ResolutionBadge, ServiceStatusBadge, SlaBadge } from "#app/ui/service/request-badges.tsx";
import { useLookupLabel } from "#app/ui/lookup-labels.ts";

type Item = ServiceRequestWorkspace["item"];

/** Number, kind, status, priority, response and resolution SLA and publication; the subject; channel, time and zone. */
export function RequestHeader({
  item,
  now,
}: {
  item: Pick<
    Item,
    | "number"
    | "kind"
    | "status"
    | "priority"
    | "dueAt"
    | "firstResponseAt"
    | "resolutionDueAt"
    | "pausedAt"
    | "pausedMinutes"
    | "resolvedAt"
    | "publishedAt"
    | "subject"
    | "channel"
    | "createdAt"
    | "zone"
  >;
  now: string;
}) {
  const { t, locale } = useI18n();
  const kindLabel = useLookupLabel("service_request_kind", "service.kind.");
  return (
    <header className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-xs text-slate-500">{item.number}</span>
        <Badge tone="slate">{kindLabel(item.kind)}</Badge>
        <ServiceStatusBadge status={item.status} />
        <PriorityLabel priority={item.priority} />
        <SlaBadge dueAt={item.dueAt} firstResponseAt={item.firstResponseAt} status={item.status} now={now} />
        <ResolutionBadge
          resolutionDueAt={item.resolutionDueAt}
          pausedAt={item.pausedAt}
          pausedMinutes={item.pausedMinutes}
          resolvedAt={item.resolvedAt}
          status={item.status}
          now={now}
        />
        {item.publishedAt ? <Badge tone="green">{t("service.portal.published")}</Badge> : null}
      </div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{item.subject}</h1>
      <p className="text-sm text-slate-500">
        {t(`service.channel.${item.channel}` as MessageKey)} · {formatMoment(item.createdAt, locale)}
        {item.zone ? ` · ${t("service.staff.zone")} ${item.zone.name}` : ""}
      </p>
    </header>
  );
}
