import { ShoppingCart } from "lucide-react";
import type { MetaArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { ComingSoonPage } from "#portal/components/coming-soon-page.tsx";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "portal.order.title");

export default function OrderPage() {
  const { t } = useI18n();
  return (
    <ComingSoonPage
      icon={ShoppingCart}
      eyebrow={t("portal.order.eyebrow")}
      title={t("portal.order.title")}
      lead={t("portal.order.lead")}
      points={[t("portal.order.point1"), t("portal.order.point2"), t("portal.order.point3")]}
      secondary={{ to: "/requirements", label: t("portal.order.secondary") }}
    />
  );
}
