import { ArrowLeft, Check, Hourglass, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { PageHero } from "./page-hero.tsx";

/**
 * The finished-looking shell every portal area shows until its feature ships: what the area is for,
 * what it will let you do, and an honest "coming soon" with a way onwards. No forms that do nothing.
 */
export function ComingSoonPage({
  icon,
  eyebrow,
  title,
  lead,
  points,
  secondary,
  heroExtra,
  aside,
}: {
  icon: LucideIcon;
  eyebrow: string;
  title: string;
  lead: string;
  points: readonly string[];
  secondary?: { to: string; label: string };
  /** Rendered under the lead in the page hero, e.g. a search box. */
  heroExtra?: ReactNode;
  /** Rendered under the coming-soon card, e.g. a hint for staff. */
  aside?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <PageHero
        icon={icon}
        eyebrow={eyebrow}
        badge={
          <Badge tone="amber" className="ml-1">
            {t("portal.soon.badge")}
          </Badge>
        }
        title={title}
        lead={lead}
        width="max-w-5xl"
      >
        {heroExtra ? <div className="mt-8">{heroExtra}</div> : null}
      </PageHero>

      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-10 sm:px-6 sm:py-14 lg:grid-cols-5 lg:px-8">
        <Card className="p-6 sm:p-8 lg:col-span-3">
          <h2 className="text-sm font-semibold tracking-wide text-slate-500">{t("portal.soon.plannedTitle")}</h2>
          <ul className="mt-5 space-y-5">
            {points.map((point) => (
              <li key={point} className="flex gap-3.5">
                <span className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-blue-50 text-blue-600 ring-1 ring-blue-100">
                  <Check aria-hidden className="size-3.5" strokeWidth={3} />
                </span>
                <span className="text-[15px] leading-7 text-slate-700">{point}</span>
              </li>
            ))}
          </ul>
        </Card>

        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card className="relative overflow-hidden p-6 sm:p-8">
            <div aria-hidden className="absolute -top-16 -right-16 size-40 rounded-full bg-amber-100/70 blur-2xl" />
            <div className="relative">
              <span className="flex size-10 items-center justify-center rounded-full bg-amber-50 text-amber-600 ring-1 ring-amber-200">
                <Hourglass aria-hidden className="size-5" />
              </span>
              <h2 className="mt-4 text-lg font-semibold text-slate-900">{t("portal.soon.title")}</h2>
              <p className="mt-2 text-sm leading-6 text-slate-600">{t("portal.soon.body")}</p>
              <div className="mt-6 flex flex-wrap gap-2">
                <ButtonLink to="/" variant="secondary" size="sm">
                  <ArrowLeft aria-hidden className="size-4" />
                  {t("portal.soon.backHome")}
                </ButtonLink>
                {secondary ? (
                  <ButtonLink to={secondary.to} variant="subtle" size="sm">
                    {secondary.label}
                  </ButtonLink>
                ) : null}
              </div>
            </div>
          </Card>
          {aside}
        </div>
      </div>
    </>
  );
}
