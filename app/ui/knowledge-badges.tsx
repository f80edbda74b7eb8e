import { Globe2, Lock, ShieldCheck, Users } from "lucide-react";
import type { KnowledgeStatus, KnowledgeVisibility } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { DISPLAY_TIME_ZONE } from "#app/lib/format/dates.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { Badge, type BadgeTone } from "./badge.tsx";

// Badges for solutions (知识库), shared by the portal and the back office.

const VISIBILITY: Record<KnowledgeVisibility, { tone: BadgeTone; icon: typeof Globe2 }> = {
  public: { tone: "green", icon: Globe2 },
  members: { tone: "blue", icon: Users },
  customers: { tone: "violet", icon: ShieldCheck },
  internal: { tone: "slate", icon: Lock },
};

export function VisibilityBadge({ visibility }: { visibility: KnowledgeVisibility }) {
  const { t } = useI18n();
  const { tone, icon: Icon } = VISIBILITY[visibility];
  return (
    <Badge tone={tone}>
      <Icon aria-hidden className="size-3" />
      {t(`knowledge.visibility.${visibility}`)}
    </Badge>
  );
}

export function KnowledgeStatusBadge({ status }: { status: KnowledgeStatus }) {
  const { t } = useI18n();
  return <Badge tone={status === "published" ? "green" : "amber"}>{t(`knowledge.status.${status}`)}</Badge>;
}

/** 2026/11/22 style date in the display time zone. */
export function formatDay(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    timeZone: DISPLAY_TIME_ZONE,
  }).format(new Date(value));
}
