import { BookOpen, ChevronRight, FolderOpen, LogIn, SearchX } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { portalKnowledgeReader } from "#app/modules/knowledge/knowledge-reader.server.ts";
import { knowledgeCategories, searchKnowledge } from "#app/modules/knowledge/knowledge-search.server.ts";
import { hotKnowledgeSearches, logKnowledgeSearch } from "#app/modules/knowledge/knowledge-search-quality.server.ts";
import { HotSearches } from "#portal/components/hot-searches.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { KnowledgeStatusBadge, VisibilityBadge } from "#app/ui/knowledge-badges.tsx";
import { KnowledgeSummary } from "#app/ui/knowledge-summary.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { helpAudience, KnowledgeHelpLinks } from "#portal/components/knowledge-help-links.tsx";
import { KnowledgeSearchForm } from "#portal/components/knowledge-search-form.tsx";
import { PageHero } from "#portal/components/page-hero.tsx";
import { ResultsHeader } from "#portal/components/results-header.tsx";
import { PageNumbers } from "#app/ui/list/pager.tsx";
import { CategoryNav, searchHref } from "#portal/components/category-nav.tsx";

// 知识库: search and browse the solutions the reader may see (decision 020). A plain GET form, so the
// query lives in the URL and the page works without JavaScript.

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const category = (url.searchParams.get("category") ?? "").trim().slice(0, 60) || null;
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const reader = await portalKnowledgeReader(db, request);
  const [result, categories] = await Promise.all([
    searchKnowledge(db, reader, { q, category, page }),
    knowledgeCategories(db, reader),
  ]);
  const anyArticles =
    categories.length > 0 || result.total > 0 || (await searchKnowledge(db, reader, { pageSize: 1 })).total > 0;
  // Counted for 热门搜索 (counts only, no member id); a page turn is not a new search.
  if (q && page === 1 && !category) await logKnowledgeSearch(db, q, result.total);
  return {
    hot: q ? [] : await hotKnowledgeSearches(db, reader),
    q,
    category,
    result,
    categories,
    anyArticles,
    readerKind: reader.kind,
    isCustomer: reader.kind === "member" ? reader.customer : reader.kind === "staff",
    helpAudience: helpAudience(reader),
  };
}

export const meta = titleMeta("common.knowledgeBase");

function href(params: { q?: string; category?: string | null; page?: number }): string {
  return searchHref("/knowledge", params);
}

export default function KnowledgePage() {
  const data = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const { q, category, result } = data;
  const filtered = Boolean(q || category);

  let heading: string;
  if (q) heading = t("knowledge.portal.resultsFor", { q, total: result.total });
  else if (category) heading = t("knowledge.portal.resultsInCategory", { category, total: result.total });
  else heading = t("knowledge.portal.latest", { total: result.total });

  return (
    <>
      <PageHero
        icon={BookOpen}
        eyebrow={t("knowledge.portal.eyebrow")}
        title={t("common.knowledgeBase")}
        lead={t("knowledge.portal.lead")}
      >
        <KnowledgeSearchForm
          id="kb-q"
          label={t("knowledge.portal.searchLabel")}
          placeholder={t("knowledge.portal.searchPlaceholder")}
          submitLabel={t("common.search")}
          defaultValue={q}
          category={category}
          className="mt-7 max-w-2xl"
        />
        <HotSearches queries={data.hot} className="mt-4 max-w-2xl justify-start" />
      </PageHero>

      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 lg:grid-cols-[15rem_1fr] lg:px-8 lg:py-10">
        <aside className="space-y-4">
          {data.categories.length > 0 ? (
            <CategoryNav
              label={t("knowledge.portal.categories")}
              links={[
                { key: "", to: href({ q }), active: !category, label: t("knowledge.portal.allCategories") },
                ...data.categories.map((c) => ({
                  key: c.category,
                  to: href({ q, category: c.category }),
                  active: category === c.category,
                  label: c.category,
                  count: c.count,
                })),
              ]}
            />
          ) : null}
          {data.readerKind === "visitor" ? (
            <Card className="p-4">
              <p className="text-sm leading-6 text-slate-600">{t("knowledge.portal.visitorHint")}</p>
              <ButtonLink
                to="/login?redirectTo=%2Fknowledge"
                variant="secondary"
                size="sm"
                className="mt-3"
                icon={LogIn}
              >
                {t("common.signIn")}
              </ButtonLink>
            </Card>
          ) : data.readerKind === "member" && !data.isCustomer ? (
            <Card className="p-4">
              <p className="text-sm leading-6 text-slate-600">{t("knowledge.portal.memberHint")}</p>
            </Card>
          ) : null}
        </aside>

        <Card>
          <ResultsHeader
            heading={heading}
            clear={filtered ? { to: "/knowledge", label: t("knowledge.portal.clear") } : null}
          />

          {result.items.length === 0 ? (
            data.anyArticles ? (
              <EmptyState
                icon={<SearchX className="size-5" aria-hidden />}
                title={t("knowledge.portal.noResults.title")}
                description={t("knowledge.portal.noResults.body")}
              >
                <ButtonLink to="/knowledge" variant="secondary">
                  {t("knowledge.portal.clear")}
                </ButtonLink>
                <KnowledgeHelpLinks audience={data.helpAudience} />
              </EmptyState>
            ) : (
              <EmptyState
                icon={<FolderOpen className="size-5" aria-hidden />}
                title={t("knowledge.portal.empty.title")}
                description={t("knowledge.portal.empty.body")}
              >
                <KnowledgeHelpLinks audience={data.helpAudience} />
              </EmptyState>
            )
          ) : (
            <>
              <ul className="divide-y divide-slate-100">
                {result.items.map((item) => (
                  <li key={item.id} className="group relative px-5 py-4 hover:bg-slate-50/70">
                    <div className="flex items-start justify-between gap-3">
                      <h3 className="min-w-0 text-[15px] leading-6 font-semibold text-slate-900">
                        <Link
                          to={`/knowledge/${item.id}`}
                          className="group-hover:text-blue-700 after:absolute after:inset-0 [&_mark]:rounded-sm [&_mark]:bg-amber-100 [&_mark]:px-0.5 [&_mark]:text-inherit"
                        >
                          <KnowledgeSummary article={item} />
                        </Link>
                      </h3>
                      <ChevronRight
                        aria-hidden
                        className="mt-1 size-4 shrink-0 text-slate-300 group-hover:text-blue-500"
                      />
                    </div>
                    {item.snippet ? (
                      <p className="mt-1 line-clamp-2 text-sm leading-6 text-slate-600">{item.snippet}</p>
                    ) : null}
                    <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                      {item.category ? <Badge tone="slate">{item.category}</Badge> : null}
                      {item.visibility !== "public" ? <VisibilityBadge visibility={item.visibility} /> : null}
                      {item.status !== "published" ? <KnowledgeStatusBadge status={item.status} /> : null}
                      <span className="tabular-nums">{item.number}</span>
                      <span aria-hidden>·</span>
                      <span>
                        {item.publishedAt
                          ? t("common.publishedDate", { date: formatCompactDate(item.publishedAt, locale) })
                          : t("knowledge.portal.updated", { date: formatCompactDate(item.updatedAt, locale) })}
                      </span>
                    </div>
                  </li>
                ))}
              </ul>
              <PageNumbers
                page={result.page}
                pageCount={result.pageCount}
                hrefFor={(page) => href({ q, category, page })}
              />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
