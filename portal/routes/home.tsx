import {
  ArrowRight,
  BookOpen,
  Building2,
  CheckCircle2,
  GraduationCap,
  IdCard,
  Send,
  ShoppingCart,
  Shuffle,
  UserPlus,
  UserRoundCheck,
  type LucideIcon,
} from "lucide-react";
import { Link, useRouteLoaderData } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { cn } from "#app/ui/cn.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { KnowledgeSearchForm } from "#portal/components/knowledge-search-form.tsx";
import { Glow } from "#portal/components/glow.tsx";
import { HeroBackdrop } from "#portal/components/page-hero.tsx";

export const meta = titleMeta("portal.home.title");

interface Feature {
  to: string;
  icon: LucideIcon;
  title: MessageKey;
  body: MessageKey;
  /** Icon chip colours; each area gets its own so the grid scans quickly. */
  tint: string;
  /** Not shipped yet: the card says so instead of promising it. */
  soon?: boolean;
}

const FEATURES: readonly Feature[] = [
  {
    to: "/knowledge",
    icon: BookOpen,
    title: "portal.home.features.knowledge.title",
    body: "portal.home.features.knowledge.body",
    tint: "bg-blue-50 text-blue-600 ring-blue-100",
  },
  {
    to: "/forum",
    icon: GraduationCap,
    title: "portal.home.features.forum.title",
    body: "portal.home.features.forum.body",
    tint: "bg-violet-50 text-violet-600 ring-violet-100",
    soon: true,
  },
  {
    to: "/requirements",
    icon: Send,
    title: "portal.home.features.requirements.title",
    body: "portal.home.features.requirements.body",
    tint: "bg-sky-50 text-sky-600 ring-sky-100",
  },
  {
    to: "/order",
    icon: ShoppingCart,
    title: "portal.home.features.order.title",
    body: "portal.home.features.order.body",
    tint: "bg-emerald-50 text-emerald-600 ring-emerald-100",
  },
  {
    to: "/zone",
    icon: Building2,
    title: "portal.home.features.zone.title",
    body: "portal.home.features.zone.body",
    tint: "bg-amber-50 text-amber-600 ring-amber-100",
  },
  {
    to: "/register",
    icon: UserPlus,
    title: "portal.home.features.register.title",
    body: "portal.home.features.register.body",
    tint: "bg-rose-50 text-rose-600 ring-rose-100",
  },
];

const STEPS: ReadonlyArray<{ icon: LucideIcon; title: MessageKey; body: MessageKey }> = [
  { icon: Send, title: "portal.home.how.step1.title", body: "portal.home.how.step1.body" },
  { icon: Shuffle, title: "portal.home.how.step2.title", body: "portal.home.how.step2.body" },
  { icon: UserRoundCheck, title: "portal.home.how.step3.title", body: "portal.home.how.step3.body" },
];

const TOPICS: readonly MessageKey[] = [
  "portal.home.kb.topic1",
  "portal.home.kb.topic2",
  "portal.home.kb.topic3",
  "portal.home.kb.topic4",
];

export default function PortalHome() {
  return (
    <>
      <Hero />
      <Features />
      <HowItWorks />
      <KnowledgeSearch />
      <GuestBand />
      <JoinBand />
    </>
  );
}

function Hero() {
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
            {(["portal.home.hero.point1", "portal.home.hero.point2", "portal.home.hero.point3"] as const).map((key) => (
              <li key={key} className="flex items-center gap-2">
                <CheckCircle2 aria-hidden className="size-4 text-emerald-500" />
                {t(key)}
              </li>
            ))}
          </ul>
        </div>
        <div className="lg:col-span-5">
          <FlowCard />
        </div>
      </div>
    </section>
  );
}

/** An illustration of a request's journey (labels only, no invented data). */
function FlowCard() {
  const { t } = useI18n();
  const steps: ReadonlyArray<{ icon: LucideIcon; title: MessageKey; body: MessageKey; done: boolean }> = [
    { icon: Send, title: "portal.home.hero.card.step1", body: "portal.home.hero.card.step1Body", done: true },
    { icon: Shuffle, title: "portal.home.hero.card.step2", body: "portal.home.hero.card.step2Body", done: true },
    {
      icon: UserRoundCheck,
      title: "portal.home.hero.card.step3",
      body: "portal.home.hero.card.step3Body",
      done: false,
    },
  ];
  return (
    <div className="relative mx-auto max-w-md lg:max-w-none">
      <Glow className="-inset-4 rounded-[28px] bg-gradient-to-br from-blue-200/60 via-indigo-100/40 to-transparent blur-2xl" />
      <div className="relative rounded-2xl border border-slate-200/80 bg-white/90 p-6 shadow-xl shadow-slate-900/[0.07] backdrop-blur">
        <div className="flex items-center justify-between">
          <p className="text-sm font-semibold text-slate-900">{t("portal.home.hero.card.title")}</p>
          <span className="inline-flex items-center gap-1.5 rounded-full bg-emerald-50 px-2.5 py-1 text-xs font-medium text-emerald-700 ring-1 ring-emerald-600/15">
            <span className="relative flex size-1.5">
              <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-75 motion-reduce:hidden" />
              <span className="relative inline-flex size-1.5 rounded-full bg-emerald-500" />
            </span>
            {t("portal.home.hero.card.live")}
          </span>
        </div>
        <ol className="mt-6">
          {steps.map((step, index) => (
            <li key={step.title} className="relative flex gap-4 pb-7 last:pb-0">
              {index < steps.length - 1 ? (
                <span
                  aria-hidden
                  className={cn(
                    "absolute top-10 bottom-1 left-[19px] w-0.5 rounded-full",
                    step.done ? "bg-blue-200" : "bg-slate-200",
                  )}
                />
              ) : null}
              <span
                className={cn(
                  "relative flex size-10 shrink-0 items-center justify-center rounded-full ring-4 ring-white",
                  step.done
                    ? "bg-blue-600 text-white shadow-md shadow-blue-600/30"
                    : "border-2 border-dashed border-blue-300 bg-blue-50 text-blue-600",
                )}
              >
                <step.icon aria-hidden className="size-[18px]" />
              </span>
              <div className="pt-1">
                <p className="text-[15px] font-semibold text-slate-900">{t(step.title)}</p>
                <p className="mt-0.5 text-sm text-slate-500">{t(step.body)}</p>
              </div>
            </li>
          ))}
        </ol>
        <div className="mt-6 flex items-center gap-2 rounded-xl bg-slate-50 px-4 py-3 text-sm text-slate-600 ring-1 ring-slate-100">
          <CheckCircle2 aria-hidden className="size-4 text-blue-600" />
          {t("portal.home.hero.card.footer")}
        </div>
      </div>
    </div>
  );
}

function SectionHeading({ eyebrow, title, body }: { eyebrow: string; title: string; body?: string }) {
  return (
    <div className="mx-auto max-w-2xl text-center">
      <p className="text-sm font-semibold tracking-wide text-blue-600">{eyebrow}</p>
      <h2 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-[34px]">{title}</h2>
      {body ? <p className="mt-4 text-base leading-7 text-slate-600">{body}</p> : null}
    </div>
  );
}

function Features() {
  const { t } = useI18n();
  return (
    <section className="mx-auto max-w-7xl px-4 py-20 sm:px-6 sm:py-24 lg:px-8">
      <SectionHeading
        eyebrow={t("portal.home.features.eyebrow")}
        title={t("portal.home.features.title")}
        body={t("portal.home.features.body")}
      />
      <ul className="mt-14 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        {FEATURES.map((feature) => (
          <li key={feature.to}>
            <Link
              to={feature.to}
              className="group flex h-full flex-col rounded-2xl border border-slate-200/80 bg-white p-6 shadow-sm transition hover:-translate-y-0.5 hover:border-blue-200 hover:shadow-lg hover:shadow-blue-900/5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
            >
              <span className={cn("flex size-11 items-center justify-center rounded-xl ring-1", feature.tint)}>
                <feature.icon aria-hidden className="size-5" />
              </span>
              <h3 className="mt-5 flex items-center gap-2 text-lg font-semibold text-slate-900">
                {t(feature.title)}
                {feature.soon ? <Badge tone="amber">{t("portal.soon.badge")}</Badge> : null}
              </h3>
              <p className="mt-2 flex-1 text-[15px] leading-7 text-slate-600">{t(feature.body)}</p>
              <span className="mt-5 inline-flex items-center gap-1 text-sm font-medium text-blue-700">
                {t("portal.home.features.learnMore")}
                <ArrowRight aria-hidden className="size-4 transition-transform group-hover:translate-x-1" />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function HowItWorks() {
  const { t } = useI18n();
  return (
    <section className="border-y border-slate-200/70 bg-white">
      <div className="mx-auto max-w-7xl px-4 py-20 sm:px-6 sm:py-24 lg:px-8">
        <SectionHeading eyebrow={t("portal.home.how.eyebrow")} title={t("portal.home.how.title")} />
        <ol className="relative mt-14 grid gap-10 md:grid-cols-3 md:gap-8">
          <span
            aria-hidden
            className="absolute top-7 right-[16.5%] left-[16.5%] hidden h-px bg-gradient-to-r from-blue-200 via-blue-300 to-blue-200 md:block"
          />
          {STEPS.map((step, index) => (
            <li key={step.title} className="relative flex flex-col items-center text-center">
              <span className="relative flex size-14 items-center justify-center rounded-2xl bg-white text-blue-600 shadow-md ring-1 ring-slate-200">
                <step.icon aria-hidden className="size-6" />
                <span className="absolute -top-2 -right-2 flex size-6 items-center justify-center rounded-full bg-blue-600 text-xs font-semibold text-white ring-2 ring-white">
                  {index + 1}
                </span>
              </span>
              <h3 className="mt-6 text-lg font-semibold text-slate-900">{t(step.title)}</h3>
              <p className="mt-2 max-w-xs text-[15px] leading-7 text-slate-600">{t(step.body)}</p>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

function KnowledgeSearch() {
  const { t } = useI18n();
  return (
    <section className="mx-auto max-w-7xl px-4 py-20 sm:px-6 sm:py-24 lg:px-8">
      <div className="relative overflow-hidden rounded-3xl bg-gradient-to-br from-blue-600 via-blue-700 to-indigo-700 px-4 py-12 shadow-xl shadow-blue-900/20 sm:px-12 sm:py-16">
        <Glow className="-top-24 -right-24 size-80 rounded-full bg-white/10 blur-2xl" />
        <Glow className="-bottom-32 -left-20 size-80 rounded-full bg-indigo-400/30 blur-3xl" />
        <div className="relative mx-auto max-w-2xl text-center">
          <span className="mx-auto flex size-12 items-center justify-center rounded-2xl bg-white/15 text-white ring-1 ring-white/25">
            <BookOpen aria-hidden className="size-6" />
          </span>
          <h2 className="mt-5 text-3xl font-bold tracking-tight text-white">{t("portal.home.kb.title")}</h2>
          <p className="mt-3 text-base leading-7 text-blue-100">{t("portal.home.kb.body")}</p>
          <KnowledgeSearchForm
            id="home-kb-q"
            label={t("portal.home.kb.label")}
            placeholder={t("portal.home.kb.placeholder")}
            submitLabel={t("portal.home.kb.submit")}
            size="lg"
            className="mt-8"
          />
          <div className="mt-5 flex flex-wrap items-center justify-center gap-2 text-sm">
            <span className="text-blue-200">{t("portal.home.kb.popular")}</span>
            {TOPICS.map((topic) => (
              <Link
                key={topic}
                to={`/knowledge?q=${encodeURIComponent(t(topic))}`}
                className="rounded-full bg-white/10 px-3 py-1 text-white ring-1 ring-white/20 transition-colors hover:bg-white/20"
              >
                {t(topic)}
              </Link>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}

/** 来宾登记 for visitors at a fair or on a visit: no account, a named person calls back. */
function GuestBand() {
  const { t } = useI18n();
  const portal = useRouteLoaderData<{ member: unknown }>("portal");
  if (portal?.member) return null;
  return (
    <section className="mx-auto max-w-7xl px-4 pb-8 sm:px-6 lg:px-8">
      <div className="flex flex-col items-start gap-6 rounded-2xl border border-slate-200/80 bg-white p-8 shadow-sm sm:p-10 lg:flex-row lg:items-center lg:justify-between">
        <div className="flex items-start gap-4">
          <span className="hidden size-12 shrink-0 items-center justify-center rounded-xl bg-sky-50 text-sky-600 ring-1 ring-sky-100 sm:flex">
            <IdCard aria-hidden className="size-6" />
          </span>
          <div>
            <h2 className="text-xl font-semibold text-slate-900">{t("portal.home.guest.title")}</h2>
            <p className="mt-2 max-w-2xl text-[15px] leading-7 text-slate-600">{t("portal.home.guest.body")}</p>
          </div>
        </div>
        <ButtonLink to="/guest-registration" variant="secondary" size="lg" className="shrink-0">
          {t("portal.home.guest.cta")}
        </ButtonLink>
      </div>
    </section>
  );
}

function JoinBand() {
  const { t } = useI18n();
  // Members are already in: the band only invites visitors.
  const portal = useRouteLoaderData<{ member: unknown }>("portal");
  if (portal?.member) return null;
  return (
    <section className="mx-auto max-w-7xl px-4 pb-20 sm:px-6 sm:pb-24 lg:px-8">
      <div className="flex flex-col items-start gap-6 rounded-2xl border border-slate-200/80 bg-white p-8 shadow-sm sm:p-10 lg:flex-row lg:items-center lg:justify-between">
        <div className="flex items-start gap-4">
          <span className="hidden size-12 shrink-0 items-center justify-center rounded-xl bg-rose-50 text-rose-600 ring-1 ring-rose-100 sm:flex">
            <UserPlus aria-hidden className="size-6" />
          </span>
          <div>
            <h2 className="text-xl font-semibold text-slate-900">{t("portal.home.cta.title")}</h2>
            <p className="mt-2 max-w-2xl text-[15px] leading-7 text-slate-600">{t("portal.home.cta.body")}</p>
          </div>
        </div>
        <div className="flex shrink-0 flex-wrap gap-3">
          <ButtonLink to="/register" size="lg">
            {t("portal.home.cta.register")}
          </ButtonLink>
          <ButtonLink to="/login" size="lg" variant="ghost">
            {t("portal.home.cta.login")}
          </ButtonLink>
        </div>
      </div>
    </section>
  );
}
