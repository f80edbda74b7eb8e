import { BadgeCheck } from "lucide-react";
import type { MemberLevel, MemberStatus } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";
import { cn } from "#app/ui/cn.ts";

// Shared pieces of the member pages: status and level badges (one colour language for list and
// detail) and their error view.

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
