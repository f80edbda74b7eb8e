import { GraduationCap } from "lucide-react";
import type { MetaArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { ComingSoonPage } from "#portal/components/coming-soon-page.tsx";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "portal.forum.title");

export default function ForumPage() {
  const { t } = useI18n();
  return (
    <ComingSoonPage
      icon={GraduationCap}
      eyebrow={t("portal.forum.eyebrow")}
      title={t("portal.forum.title")}
      lead={t("portal.forum.lead")}
      points={[t("portal.forum.point1"), t("portal.forum.point2"), t("portal.forum.point3")]}
      secondary={{ to: "/knowledge", label: t("portal.forum.secondary") }}
    />
  );
}
