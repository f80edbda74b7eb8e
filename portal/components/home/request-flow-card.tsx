import { CheckCircle2, Send, Shuffle, UserRoundCheck, type LucideIcon } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { cn } from "#app/ui/cn.ts";
import { Glow } from "#portal/components/glow.tsx";

const STEPS: ReadonlyArray<{ icon: LucideIcon; title: MessageKey; body: MessageKey; done: boolean }> = [
  { icon: Send, title: "portal.home.hero.card.step1", body: "portal.home.hero.card.step1Body", done: true },
  { icon: Shuffle, title: "portal.home.hero.card.step2", body: "portal.home.hero.card.step2Body", done: true },
  { icon: UserRoundCheck, title: "portal.home.hero.card.step3", body: "portal.home.hero.card.step3Body", done: false },
];

/** An illustration of a request's journey (labels only, no invented data). */
export function RequestFlowCard() {
  const { t } = useI18n();
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
          {STEPS.map((step, index) => (
            <li key={step.title} className="relative flex gap-4 pb-7 last:pb-0">
              {index < STEPS.length - 1 ? (
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
