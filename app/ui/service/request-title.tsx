import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { ServiceRequestStatus } from "#app/generated/prisma/enums.ts";
import { Badge } from "../badge.tsx";
import { cn } from "../cn.ts";
import { ServiceStatusBadge } from "./request-badges.tsx";
import { useLookupLabel } from "#app/ui/lookup-labels.ts";

/** What the title shows of a request. */
export interface RequestTitleItem {
  number: string;
  kind: string;
  status: ServiceRequestStatus;
  publishedAt: Date | string | null;
  subject: string;
}

/**
 * The top of a service request page on either surface: number, kind, status (then `badges`, e.g.
 * priority and SLA for staff) and whether it is published, over the subject as the page's h1;
 * `children` is the line of facts under it, which differs per surface.
 */
export function RequestTitle({
  item,
  badges,
  className,
  children,
}: {
  item: RequestTitleItem;
  badges?: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const kindLabel = useLookupLabel("service_request_kind", "service.kind.");
  return (
    <header className={cn("space-y-2", className)}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-xs text-slate-500">{item.number}</span>
        <Badge tone="slate">{kindLabel(item.kind)}</Badge>
        <ServiceStatusBadge status={item.status} />
        {badges}
        {item.publishedAt ? <Badge tone="green">{t("service.portal.published")}</Badge> : null}
      </div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{item.subject}</h1>
      {children}
    </header>
  );
}
