import { BookOpen } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { HotSearches } from "#portal/components/hot-searches.tsx";
import { Glow } from "#portal/components/glow.tsx";
import { IconChip } from "#portal/components/icon-chip.tsx";
import { KnowledgeSearchForm } from "#portal/components/knowledge-search-form.tsx";

/** The blue band with the knowledge-base search box and the popular searches that find something. */
export function KnowledgeBand({ hotSearches }: { hotSearches: readonly string[] }) {
  const { t } = useI18n();
  return (
    <section className="mx-auto max-w-7xl px-4 py-20 sm:px-6 sm:py-24 lg:px-8">
      <div className="relative overflow-hidden rounded-3xl bg-gradient-to-br from-blue-600 via-blue-700 to-indigo-700 px-4 py-12 shadow-xl shadow-blue-900/20 sm:px-12 sm:py-16">
        <Glow className="-top-24 -right-24 size-80 rounded-full bg-white/10 blur-2xl" />
        <Glow className="-bottom-32 -left-20 size-80 rounded-full bg-indigo-400/30 blur-3xl" />
        <div className="relative mx-auto max-w-2xl text-center">
          <IconChip
            icon={BookOpen}
            className="mx-auto size-12 rounded-2xl bg-white/15 text-white ring-1 ring-white/25"
            iconClassName="size-6"
          />
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
          <HotSearches queries={hotSearches} tone="dark" className="mt-5" />
        </div>
      </div>
    </section>
  );
}
