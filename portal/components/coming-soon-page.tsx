import { ArrowLeft, Check, Hourglass, type LucideIcon } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { IconChip } from "#portal/components/icon-chip.tsx";
import { GlowCard } from "./glow.tsx";
import { PageHero } from "./page-hero.tsx";

/** The areas still to come; each words its page under `portal.<area>.*`. */
type SoonArea = "forum";

const POINTS = ["point1", "point2", "point3"] as const;

/**
 * The finished-looking shell every portal area shows until its feature ships: what the area is for,
 * what it will let you do, and an honest "coming soon" with a way onwards (`secondaryTo`, labelled
 * `portal.<area>.secondary`). No forms that do nothing.
 */
export function ComingSoonPage({ icon, area, secondaryTo }: { icon: LucideIcon; area: SoonArea; secondaryTo: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHero
        icon={icon}
        eyebrow={t(`portal.${area}.eyebrow`)}
        badge={
          <Badge tone="amber" className="ml-1">
            {t("portal.soon.badge")}
          </Badge>
        }
        title={t(`portal.${area}.title`)}
        lead={t(`portal.${area}.lead`)}
        width="max-w-5xl"
      />

      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-10 sm:px-6 sm:py-14 lg:grid-cols-5 lg:px-8">
        <Card className="p-6 sm:p-8 lg:col-span-3">
          <h2 className="text-sm font-semibold tracking-wide text-slate-500">{t("portal.soon.plannedTitle")}</h2>
          <ul className="mt-5 space-y-5">
            {POINTS.map((point) => (
              <li key={point} className="flex gap-3.5">
                <span className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-blue-50 text-blue-600 ring-1 ring-blue-100">
                  <Check aria-hidden className="size-3.5" strokeWidth={3} />
                </span>
                <span className="text-[15px] leading-7 text-slate-700">{t(`portal.${area}.${point}`)}</span>
              </li>
            ))}
          </ul>
        </Card>

        <div className="flex flex-col gap-6 lg:col-span-2">
          <GlowCard className="p-6 sm:p-8" glow="-top-16 -right-16 size-40 bg-amber-100/70">
            <IconChip
              icon={Hourglass}
              className="size-10 rounded-full bg-amber-50 text-amber-600 ring-1 ring-amber-200"
            />
            <h2 className="mt-4 text-lg font-semibold text-slate-900">{t("portal.soon.title")}</h2>
            <p className="mt-2 text-sm leading-6 text-slate-600">{t("portal.soon.body")}</p>
            <div className="mt-6 flex flex-wrap gap-2">
              <ButtonLink to="/" variant="secondary" size="sm" icon={ArrowLeft}>
                {t("portal.soon.backHome")}
              </ButtonLink>
              <ButtonLink to={secondaryTo} variant="subtle" size="sm">
                {t(`portal.${area}.secondary`)}
              </ButtonLink>
            </div>
          </GlowCard>
        </div>
      </div>
    </>
  );
}
