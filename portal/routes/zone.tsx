import { Building2 } from "lucide-react";
import type { MetaArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { ComingSoonPage } from "#portal/components/coming-soon-page.tsx";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "portal.zone.title");

export default function ZonePage() {
  const { t } = useI18n();
  return (
    <ComingSoonPage
      icon={Building2}
      eyebrow={t("portal.zone.eyebrow")}
      title={t("portal.zone.title")}
      lead={t("portal.zone.lead")}
      points={[t("portal.zone.point1"), t("portal.zone.point2"), t("portal.zone.point3")]}
      secondary={{ to: "/login", label: t("portal.zone.secondary") }}
    />
  );
}
