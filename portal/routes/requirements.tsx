import { Send } from "lucide-react";
import type { MetaArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { ComingSoonPage } from "#portal/components/coming-soon-page.tsx";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "portal.requirements.title");

export default function RequirementsPage() {
  const { t } = useI18n();
  return (
    <ComingSoonPage
      icon={Send}
      eyebrow={t("portal.requirements.eyebrow")}
      title={t("portal.requirements.title")}
      lead={t("portal.requirements.lead")}
      points={[t("portal.requirements.point1"), t("portal.requirements.point2"), t("portal.requirements.point3")]}
      secondary={{ to: "/register", label: t("portal.requirements.secondary") }}
    />
  );
}
