import { Send, Shuffle, UserRoundCheck, type LucideIcon } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { SectionHeading } from "./section-heading.tsx";

const STEPS: ReadonlyArray<{ icon: LucideIcon; title: MessageKey; body: MessageKey }> = [
  { icon: Send, title: "portal.home.how.step1.title", body: "portal.home.how.step1.body" },
  { icon: Shuffle, title: "portal.home.how.step2.title", body: "portal.home.how.step2.body" },
  { icon: UserRoundCheck, title: "portal.home.how.step3.title", body: "portal.home.how.step3.body" },
];

/** The three numbered steps from a request to a named person answering it. */
export function HowItWorks() {
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
