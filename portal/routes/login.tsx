import { ArrowRight, Briefcase, LogIn } from "lucide-react";
import { Link, type MetaArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { ComingSoonPage } from "#portal/components/coming-soon-page.tsx";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "portal.login.title");

export default function LoginPage() {
  const { t } = useI18n();
  return (
    <ComingSoonPage
      icon={LogIn}
      eyebrow={t("portal.login.eyebrow")}
      title={t("portal.login.title")}
      lead={t("portal.login.lead")}
      points={[t("portal.login.point1"), t("portal.login.point2"), t("portal.login.point3")]}
      secondary={{ to: "/register", label: t("portal.login.secondary") }}
      aside={
        // Staff sign in on the back office; point them there rather than at a member form.
        <Card className="flex items-center gap-4 p-5">
          <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-600">
            <Briefcase aria-hidden className="size-5" />
          </span>
          <div className="min-w-0 flex-1 text-sm">
            <p className="text-slate-500">{t("portal.login.staff")}</p>
            <Link
              to="/crm/login"
              className="group mt-0.5 inline-flex items-center gap-1 font-medium text-blue-700 hover:text-blue-800"
            >
              {t("portal.login.staffLink")}
              <ArrowRight aria-hidden className="size-4 transition-transform group-hover:translate-x-0.5" />
            </Link>
          </div>
        </Card>
      }
    />
  );
}
