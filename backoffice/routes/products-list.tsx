import { Plus } from "lucide-react";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { productList } from "#app/modules/catalog/product-list-query.ts";
import { listProducts } from "#app/modules/catalog/products.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { PRODUCTS_PATH, productsScreen } from "#backoffice/components/catalog/product-screen.tsx";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 产品 (/crm/products): the catalog, searchable by name, code or pinyin, filtered by sales status and
// portal visibility; products belong to the company, so whoever may browse the catalog sees all.

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "catalog", action: "browse" });
  const query = productList.parse(new URL(request.url).searchParams);
  const [list, views] = await Promise.all([
    listProducts(db, query),
    loadListViews(db, actor, productList, query, PRODUCTS_PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, query, views, canAdd: can(actor, "catalog", "add") };
}

export const meta = titleMeta("catalog.products.title");

export default function ProductsList() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const add = d.canAdd ? (
    <ButtonLink to={`${PRODUCTS_PATH}/new`} icon={Plus}>
      {t("catalog.products.new")}
    </ButtonLink>
  ) : null;
  return <ScreenListPage screen={productsScreen} list={d} actions={add} emptyAction={add} />;
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
