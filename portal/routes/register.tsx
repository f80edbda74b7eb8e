import { UserPlus } from "lucide-react";
import type { MetaArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { ComingSoonPage } from "#portal/components/coming-soon-page.tsx";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "portal.register.title");

export default function RegisterPage() {
  const { t } = useI18n();
  return (
    <ComingSoonPage
      icon={UserPlus}
      eyebrow={t("portal.register.eyebrow")}
      title={t("portal.register.title")}
      lead={t("portal.register.lead")}
      points={[t("portal.register.point1"), t("portal.register.point2"), t("portal.register.point3")]}
      secondary={{ to: "/login", label: t("portal.register.secondary") }}
    />
  );
}
