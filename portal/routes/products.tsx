import { PackageSearch, SearchX, ShoppingCart } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listPortalCatalog, parseCatalogQuery } from "#app/modules/catalog/portal-catalog.server.ts";
import { getOptionalMember } from "#app/modules/members/member-guard.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { PageNumbers } from "#app/ui/list/pager.tsx";
import { CategoryNav, searchHref } from "#portal/components/category-nav.tsx";
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
  return searchHref("/products", params);
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
          <CategoryNav
            label={t("portalCatalog.categories")}
            links={[{ id: null, name: t("portalCatalog.allCategories") }, ...categories].map((c) => ({
              key: String(c.id ?? ""),
              to: href({ q: query.q, category: c.id }),
              active: query.category === c.id,
              label: c.name,
            }))}
          />
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
              <PageNumbers page={page} pageCount={pages} hrefFor={(p) => href({ ...query, page: p })} />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
