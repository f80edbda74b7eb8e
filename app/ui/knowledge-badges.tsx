import { Globe2, Lock, ShieldCheck, Users } from "lucide-react";
import type { KnowledgeStatus, KnowledgeVisibility } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
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
