import { PackageSearch, SearchX, ShoppingCart } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listPortalCatalog, parseCatalogQuery } from "#app/modules/catalog/portal-catalog.server.ts";
import { getOptionalMember } from "#app/modules/members/member-guard.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { Pager } from "#app/ui/list/pager.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { ProductCards } from "#portal/components/catalog/catalog-ui.tsx";
import { KnowledgeSearchForm } from "#portal/components/knowledge-search-form.tsx";
import { PageHero } from "#portal/components/page-hero.tsx";
import { ResultsHeader } from "#portal/components/results-header.tsx";

// 产品目录 (/products): members browse and search (pinyin too) the products their level may see;
// visitors see what prospects see (portal-catalog.server.ts). A plain GET form: the query is the URL.

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseCatalogQuery(new URL(request.url).searchParams);
  const member = await getOptionalMember(request);
  return { query, ...(await listPortalCatalog(db, member?.member.id ?? null, query)) };
}

export const meta = titleMeta("portalCatalog.title");

function href(params: { q?: string; category?: number | null; page?: number }): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.category) search.set("category", String(params.category));
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const s = search.toString();
  return s ? `/products?${s}` : "/products";
}

export default function ProductsPage() {
  const { query, items, total, page, pages, categories } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const filtered = Boolean(query.q || query.category);
  return (
    <>
      <PageHero
        icon={PackageSearch}
        eyebrow={t("portalCatalog.eyebrow")}
        title={t("portalCatalog.title")}
        lead={t("portalCatalog.lead")}
      >
        <KnowledgeSearchForm
          id="catalog-q"
          action="/products"
          label={t("portalCatalog.searchLabel")}
          placeholder={t("portalCatalog.searchPlaceholder")}
          submitLabel={t("common.search")}
          defaultValue={query.q}
          category={query.category ? String(query.category) : null}
          className="mt-7 max-w-2xl"
        />
      </PageHero>
      <div className="mx-auto grid max-w-6xl grid-cols-[minmax(0,1fr)] gap-6 px-4 py-8 sm:px-6 lg:grid-cols-[15rem_minmax(0,1fr)] lg:px-8 lg:py-10">
        <aside className="space-y-4">
          <nav aria-label={t("portalCatalog.categories")}>
            <h2 className="px-2 text-xs font-semibold tracking-wide text-slate-500">{t("portalCatalog.categories")}</h2>
            <ul className="mt-2 flex gap-1 overflow-x-auto lg:flex-col">
              {[{ id: null, name: t("portalCatalog.allCategories") }, ...categories].map((c) => (
                <li key={c.id ?? "all"}>
                  <Link
                    to={href({ q: query.q, category: c.id })}
                    aria-current={query.category === c.id ? "page" : undefined}
                    className={cn(
                      "block rounded-lg px-3 py-2 text-sm whitespace-nowrap",
                      query.category === c.id
                        ? "bg-blue-50 font-medium text-blue-700"
                        : "text-slate-600 hover:bg-slate-100",
                    )}
                  >
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <ButtonLink to="/order" variant="secondary" icon={ShoppingCart} className="w-full">
            {t("portalCatalog.toBasket")}
          </ButtonLink>
        </aside>
        <Card>
          <ResultsHeader
            heading={
              query.q ? t("portalCatalog.resultsFor", { q: query.q, total }) : t("portalCatalog.count", { total })
            }
            clear={filtered ? { to: "/products", label: t("portalCatalog.clear") } : null}
          />
          {items.length === 0 ? (
            <EmptyState
              icon={<SearchX className="size-5" aria-hidden />}
              title={t("portalCatalog.noResults.title")}
              description={t("portalCatalog.noResults.body")}
            >
              <ButtonLink to="/requirements" variant="secondary">
                {t("intake.order.toRequirements")}
              </ButtonLink>
            </EmptyState>
          ) : (
            <>
              <ProductCards items={items} />
              {pages > 1 ? (
                <Pager
                  label={t("portalCatalog.pages")}
                  summary={t("portalCatalog.pageOf", { page, pages })}
                  prevLabel={t("portalCatalog.prev")}
                  nextLabel={t("portalCatalog.next")}
                  prevTo={page > 1 ? href({ ...query, page: page - 1 }) : null}
                  nextTo={page < pages ? href({ ...query, page: page + 1 }) : null}
                />
              ) : null}
            </>
          )}
        </Card>
      </div>
    </>
  );
}
