import { ArrowRight, CheckCircle2, Send } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { HeroBackdrop } from "#portal/components/page-hero.tsx";
import { RequestFlowCard } from "./request-flow-card.tsx";

const POINTS = ["portal.home.hero.point1", "portal.home.hero.point2", "portal.home.hero.point3"] as const;

/** The home page's opening band: the promise, the two main ways in, and a request's journey. */
export function HomeHero() {
  const { t } = useI18n();
  return (
    <section className="relative overflow-hidden bg-white">
      <HeroBackdrop
        glow="bg-[radial-gradient(50rem_30rem_at_85%_-10%,rgb(191_219_254/0.8),transparent_65%),radial-gradient(40rem_25rem_at_-10%_110%,rgb(224_231_255/0.7),transparent_60%)]"
        grid="bg-[linear-gradient(to_right,rgb(148_163_184/0.14)_1px,transparent_1px),linear-gradient(to_bottom,rgb(148_163_184/0.14)_1px,transparent_1px)] [mask-image:radial-gradient(ellipse_at_top,black_30%,transparent_75%)] bg-[size:40px_40px]"
      />
      <div className="relative mx-auto grid max-w-7xl items-center gap-14 px-4 py-16 sm:px-6 sm:py-20 lg:grid-cols-12 lg:px-8 lg:py-24">
        <div className="lg:col-span-7">
          <p className="inline-flex items-center gap-2 rounded-full bg-white/80 px-3 py-1 text-sm font-medium text-blue-700 shadow-sm ring-1 ring-blue-100">
            <span className="size-1.5 rounded-full bg-blue-600" />
            {t("portal.home.hero.eyebrow")}
          </p>
          <h1 className="mt-6 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl sm:leading-[1.15] lg:text-[56px]">
            {t("portal.home.hero.title")}
            <span className="mt-2 block bg-gradient-to-r from-blue-600 to-indigo-500 bg-clip-text pb-[0.08em] text-transparent">
              {t("portal.home.hero.titleAccent")}
            </span>
          </h1>
          <p className="mt-6 max-w-2xl text-lg leading-8 text-slate-600">{t("portal.home.hero.body")}</p>
          <div className="mt-9 flex flex-wrap gap-3">
            <ButtonLink to="/requirements" size="lg">
              <Send aria-hidden className="size-[18px]" />
              {t("portal.home.hero.primary")}
            </ButtonLink>
            <ButtonLink to="/zone" size="lg" variant="secondary">
              {t("portal.home.hero.secondary")}
              <ArrowRight aria-hidden className="size-[18px]" />
            </ButtonLink>
          </div>
          <ul className="mt-9 flex flex-col gap-x-6 gap-y-2.5 text-sm text-slate-600 sm:flex-row sm:flex-wrap">
            {POINTS.map((key) => (
              <li key={key} className="flex items-center gap-2">
                <CheckCircle2 aria-hidden className="size-4 text-emerald-500" />
                {t(key)}
              </li>
            ))}
          </ul>
        </div>
        <div className="lg:col-span-5">
          <RequestFlowCard />
        </div>
      </div>
    </section>
  );
}
