import {
  ArrowLeft,
  BookOpen,
  CheckCircle2,
  Clock3,
  LogIn,
  Send,
  Shuffle,
  UserPlus,
  UserRoundCheck,
  type LucideIcon,
} from "lucide-react";
import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { IconChip } from "#portal/components/icon-chip.tsx";
import { IconHeading } from "#portal/components/icon-heading.tsx";
import { Glow, GlowCard } from "#portal/components/glow.tsx";

// The frame of the portal's intake pages around the form: two-column body, who is submitting, what
// happens next, and the success and "not available" panels (the hero is <PageHero>).

/**
 * Form column plus an aside. `intro` (who is submitting) sits above the form on small screens, where
 * the aside only comes after the long form, and at the top of the aside on wide ones.
 */
export function IntakeBody({ children, intro, aside }: { children: ReactNode; intro: ReactNode; aside: ReactNode }) {
  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-12 lg:grid-cols-12 lg:gap-8 lg:px-8">
      <div className="min-w-0 lg:col-span-8">
        <div className="mb-6 lg:hidden">{intro}</div>
        {children}
      </div>
      <aside className="flex flex-col gap-6 lg:col-span-4">
        <div className="hidden lg:block">{intro}</div>
        {aside}
      </aside>
    </div>
  );
}

/** Who is submitting: a member (details prefilled, lead linked) or a visitor (invited to sign in). */
export function SubmitterCard({ member, redirectTo }: { member: { nickname: string } | null; redirectTo: string }) {
  const { t } = useI18n();
  if (member) {
    return (
      <GlowCard className="p-5 sm:p-6" glow="-top-14 -right-14 size-36 bg-emerald-100/70">
        <div className="flex items-start gap-3">
          <IconChip
            icon={CheckCircle2}
            className="size-10 rounded-full bg-emerald-50 text-emerald-600 ring-1 ring-emerald-200"
          />
          <div>
            <h2 className="text-[15px] font-semibold text-slate-900">{t("intake.form.memberTitle")}</h2>
            <p className="mt-1 text-sm leading-6 text-slate-600">
              {t("intake.form.memberBody", { nickname: member.nickname })}
            </p>
          </div>
        </div>
      </GlowCard>
    );
  }
  return (
    <GlowCard className="p-5 sm:p-6" glow="-top-14 -right-14 size-36 bg-blue-100/70">
      <h2 className="text-[15px] font-semibold text-slate-900">{t("intake.form.visitorTitle")}</h2>
      <p className="mt-1 text-sm leading-6 text-slate-600">{t("intake.form.visitorBody")}</p>
      <div className="mt-4 flex flex-wrap gap-2">
        <ButtonLink to={`/login?redirectTo=${encodeURIComponent(redirectTo)}`} size="sm" icon={LogIn}>
          {t("common.signIn")}
        </ButtonLink>
        <ButtonLink to="/register" size="sm" variant="secondary" icon={UserPlus}>
          {t("intake.form.register")}
        </ButtonLink>
      </div>
    </GlowCard>
  );
}

/** What happens after submitting: the intake pipeline in three plain steps. */
export function NextStepsCard() {
  const { t } = useI18n();
  const steps: ReadonlyArray<{ icon: LucideIcon; text: MessageKey }> = [
    { icon: Send, text: "intake.next.step1" },
    { icon: Shuffle, text: "intake.next.step2" },
    { icon: UserRoundCheck, text: "intake.next.step3" },
  ];
  return (
    <Card className="p-6">
      <IconHeading icon={Clock3} className="text-[15px] text-slate-900" iconClassName="text-blue-600">
        {t("intake.next.title")}
      </IconHeading>
      <ol className="mt-5">
        {steps.map((step, index) => (
          <li key={step.text} className="relative flex gap-3.5 pb-5 last:pb-0">
            {index < steps.length - 1 ? (
              <span aria-hidden className="absolute top-9 bottom-0.5 left-[15px] w-px bg-blue-100" />
            ) : null}
            <span className="relative flex size-8 shrink-0 items-center justify-center rounded-full bg-blue-50 text-blue-600 ring-1 ring-blue-100">
              <step.icon aria-hidden className="size-4" />
            </span>
            <p className="pt-1 text-sm leading-6 text-slate-600">{t(step.text)}</p>
          </li>
        ))}
      </ol>
    </Card>
  );
}

export function SuccessPanel({ number, ownerName, againTo }: { number: string; ownerName: string; againTo: string }) {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6 sm:py-16">
      <Card className="relative overflow-hidden px-6 py-10 text-center sm:px-12">
        <Glow className="inset-x-0 top-0 h-40 bg-[radial-gradient(30rem_10rem_at_50%_0%,rgb(209_250_229/0.9),transparent_70%)]" />
        <div className="relative">
          <IconChip
            icon={CheckCircle2}
            className="mx-auto size-16 rounded-full bg-emerald-500 text-white shadow-lg ring-8 shadow-emerald-500/30 ring-emerald-50"
            iconClassName="size-8"
          />
          <div role="status" className="mt-6">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
              {t("intake.success.title")}
            </h1>
          </div>
          <p className="mt-2 text-[15px] text-slate-600">{t("intake.success.body")}</p>

          <dl className="mx-auto mt-8 max-w-sm rounded-xl bg-slate-50 px-5 py-4 ring-1 ring-slate-200">
            <dt className="text-xs font-medium tracking-wide text-slate-500">{t("intake.success.number")}</dt>
            <dd
              className="mt-1 text-2xl font-semibold tracking-wide break-all text-slate-900 tabular-nums"
              data-testid="lead-number"
            >
              {number}
            </dd>
          </dl>

          <p className="mt-6 inline-flex max-w-full items-start gap-2 rounded-2xl bg-blue-50 px-4 py-2 text-left text-[15px] font-medium text-blue-800 ring-1 ring-blue-100">
            <UserRoundCheck aria-hidden className="mt-0.5 size-[18px] shrink-0" />
            {t("intake.success.owner", { name: ownerName })}
          </p>
          <p className="mt-4 text-sm text-slate-500">{t("intake.success.keep")}</p>

          <div className="mt-8 flex flex-wrap justify-center gap-3">
            <ButtonLink to="/" variant="secondary" icon={ArrowLeft}>
              {t("intake.success.home")}
            </ButtonLink>
            {/* reloadDocument: a fresh form (new submission id), not the cached result. */}
            <ButtonLink to={againTo} variant="subtle" reloadDocument>
              {t("intake.success.again")}
            </ButtonLink>
          </div>
        </div>
      </Card>
    </div>
  );
}

export function UnavailablePanel() {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6 sm:py-16">
      <EmptyCard
        icon={Clock3}
        title={t("intake.unavailable.title")}
        titleAs="h2"
        description={t("intake.unavailable.body")}
        className="py-14"
      >
        <ButtonLink to="/" variant="secondary" icon={ArrowLeft}>
          {t("intake.unavailable.home")}
        </ButtonLink>
        <ButtonLink to="/knowledge" variant="subtle" icon={BookOpen}>
          {t("intake.unavailable.knowledge")}
        </ButtonLink>
      </EmptyCard>
    </div>
  );
}
