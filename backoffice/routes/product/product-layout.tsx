import { Package, Pencil } from "lucide-react";
import { Outlet, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { productPage } from "#app/modules/catalog/products.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { TabNav } from "#app/ui/tab-nav.tsx";
import { PRODUCTS_PATH } from "#backoffice/components/catalog/product-screen.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One product (/crm/products/:productId): header, then a tab per aspect (概况, 价格方案, 竞争产品, 图片),
// each a child route. An unknown id is a 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "catalog", action: "browse" }, params.productId, async (db, actor, id) => {
    const product = await productPage(db, id);
    return product && { product, canModify: can(actor, "catalog", "modify") };
  });
}

export const meta = recordMeta<typeof loader>("catalog.products.title", (d) => [
  "catalog.product.metaTitle",
  { name: d.product.name },
]);

export default function ProductLayout() {
  const { product, canModify } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const base = `${PRODUCTS_PATH}/${product.id}`;
  const tabs = [
    { to: base, label: t("catalog.product.tab.overview"), end: true },
    { to: `${base}/competition`, label: t("catalog.product.tab.competition") },
    { to: `${base}/images`, label: t("catalogImages.tab") },
  ];
  const eyebrow = [product.sku, product.category?.name, product.productLine].filter(Boolean).join(" · ");
  return (
    <div className="space-y-6">
      <BackLink to={PRODUCTS_PATH}>{t("catalog.products.title")}</BackLink>
      <PageHeader
        eyebrow={eyebrow}
        title={product.name}
        icon={<Package className="size-6" aria-hidden />}
        actions={
          canModify ? (
            <ButtonLink to={`${base}/edit`} variant="secondary" icon={Pencil}>
              {t("catalog.product.edit")}
            </ButtonLink>
          ) : null
        }
      />
      <TabNav label={t("catalog.products.title")} tabs={tabs} />
      <div className="min-w-0 space-y-6">
        <Outlet />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={PRODUCTS_PATH} backLabel="catalog.products.title" />;
}
