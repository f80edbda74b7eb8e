import { ArrowLeft, Check, Hourglass, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";

/**
 * The finished-looking shell every portal area shows until its feature ships: what the area is for,
 * what it will let you do, and an honest "coming soon" with a way onwards. No forms that do nothing.
 */
export function ComingSoonPage({
  icon: Icon,
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
      <section className="relative overflow-hidden border-b border-slate-200/70 bg-white">
        <div
          aria-hidden
          className="pointer-events-none absolute inset-0 bg-[radial-gradient(60rem_20rem_at_100%_0%,rgb(219_234_254/0.7),transparent_70%)]"
        />
        <div
          aria-hidden
          className="pointer-events-none absolute inset-0 bg-[linear-gradient(to_right,rgb(148_163_184/0.12)_1px,transparent_1px),linear-gradient(to_bottom,rgb(148_163_184/0.12)_1px,transparent_1px)] [mask-image:linear-gradient(to_bottom,black,transparent)] bg-[size:32px_32px]"
        />
        <div className="relative mx-auto max-w-5xl px-4 py-12 sm:px-6 sm:py-16 lg:px-8">
          <div className="flex items-center gap-3">
            <span className="flex size-11 items-center justify-center rounded-xl bg-gradient-to-br from-blue-500 to-blue-700 text-white shadow-lg shadow-blue-600/25">
              <Icon aria-hidden className="size-5" />
            </span>
            <span className="text-sm font-medium text-blue-700">{eyebrow}</span>
            <Badge tone="amber" className="ml-1">
              {t("portal.soon.badge")}
            </Badge>
          </div>
          <h1 className="mt-5 text-3xl font-semibold tracking-tight text-slate-900 sm:text-4xl">{title}</h1>
          <p className="mt-4 max-w-3xl text-base leading-7 text-slate-600 sm:text-lg sm:leading-8">{lead}</p>
          {heroExtra ? <div className="mt-8">{heroExtra}</div> : null}
        </div>
      </section>

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
