import { ArrowLeft, BadgeCheck, Lock, SearchX } from "lucide-react";
import { isRouteErrorResponse } from "react-router";
import type { MemberLevel, MemberStatus } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { DISPLAY_TIME_ZONE } from "#app/lib/format/dates.ts";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";

// Shared pieces of the member pages: status and level badges (one colour language for list and
// detail) and the in-shell error view.

const STATUS_TONE: Record<MemberStatus, BadgeTone | "red"> = {
  pending: "amber",
  active: "blue",
  verified: "green",
  suspended: "red",
  terminated: "slate",
  deregistered: "slate",
};

const LEVEL_TONE: Record<MemberLevel, BadgeTone> = {
  prospect: "slate",
  customer: "violet",
  partner: "blue",
};

export function MemberStatusBadge({ status, className }: { status: MemberStatus; className?: string }) {
  const { t } = useI18n();
  const tone = STATUS_TONE[status];
  const label = t(`memberAdmin.status.${status}`);
  // The shared Badge has no red tone; suspension is the one state that needs it.
  if (tone === "red") {
    return (
      <span
        className={cn(
          "inline-flex items-center gap-1 rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-red-700 ring-1 ring-red-600/20 ring-inset",
          className,
        )}
      >
        {label}
      </span>
    );
  }
  return (
    <Badge tone={tone} className={cn(status === "terminated" && "line-through decoration-slate-400", className)}>
      {status === "verified" ? <BadgeCheck aria-hidden className="size-3.5" /> : null}
      {label}
    </Badge>
  );
}

export function MemberLevelBadge({ level, className }: { level: MemberLevel; className?: string }) {
  const { t } = useI18n();
  return (
    <Badge tone={LEVEL_TONE[level]} className={className}>
      {t(`memberAdmin.level.${level}`)}
    </Badge>
  );
}

/** 403/404 of the member pages render inside the back-office shell, so the navigation stays at hand. */
export function MemberAdminErrorBoundary({ error }: { error: unknown }) {
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("error.notFound.title"), t("error.notFound.body")]
      : status === 403
        ? [t("error.forbidden.title"), t("error.forbidden.body")]
        : [t("error.generic.title"), t("error.generic.body")];
  return (
    <Card>
      <EmptyState
        icon={status === 403 ? <Lock aria-hidden className="size-5" /> : <SearchX aria-hidden className="size-5" />}
        eyebrow={status}
        title={title}
        description={body}
        titleAs="h1"
        className="py-20"
      >
        <ButtonLink to="/crm" variant="secondary">
          <ArrowLeft aria-hidden className="size-4" />
          {t("backoffice.placeholder.back")}
        </ButtonLink>
      </EmptyState>
    </Card>
  );
}

/** "2026/11/01" in the organisation's time zone: for table cells, where the full date-time is too wide. */
export function formatCompactDate(value: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    timeZone: DISPLAY_TIME_ZONE,
  }).format(value);
}
