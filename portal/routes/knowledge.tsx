import { BookOpen, Search } from "lucide-react";
import { Form, useSearchParams, type MetaArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Button } from "#app/ui/button.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { ComingSoonPage } from "#portal/components/coming-soon-page.tsx";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "portal.knowledge.title");

export default function KnowledgePage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  return (
    <ComingSoonPage
      icon={BookOpen}
      eyebrow={t("portal.knowledge.eyebrow")}
      title={t("portal.knowledge.title")}
      lead={t("portal.knowledge.lead")}
      points={[t("portal.knowledge.point1"), t("portal.knowledge.point2"), t("portal.knowledge.point3")]}
      secondary={{ to: "/requirements", label: t("portal.knowledge.secondary") }}
      heroExtra={
        <div className="max-w-2xl">
          {/* A plain GET form: the query survives in the URL and is echoed until search ships. */}
          <Form
            method="get"
            action="/knowledge"
            role="search"
            className="flex gap-2 rounded-xl bg-white p-1.5 shadow-sm ring-1 ring-slate-200 focus-within:ring-2 focus-within:ring-blue-500"
          >
            <label htmlFor="kb-q" className="sr-only">
              {t("portal.knowledge.searchLabel")}
            </label>
            <div className="relative flex-1">
              <Search
                aria-hidden
                className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-400"
              />
              <input
                id="kb-q"
                name="q"
                type="search"
                defaultValue={q}
                placeholder={t("portal.knowledge.searchPlaceholder")}
                className="h-11 w-full rounded-lg bg-transparent pr-3 pl-10 text-[15px] text-slate-900 placeholder:text-slate-400 focus:outline-none"
              />
            </div>
            <Button type="submit" className="h-11">
              {t("portal.knowledge.searchSubmit")}
            </Button>
          </Form>
          {q ? (
            <p role="status" className="mt-3 text-sm text-slate-600">
              {t("portal.knowledge.query", { q })}
            </p>
          ) : null}
        </div>
      }
    />
  );
}
