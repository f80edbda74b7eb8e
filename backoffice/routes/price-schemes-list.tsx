import { Plus } from "lucide-react";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { priceSchemeList } from "#app/modules/catalog/price-scheme-list-query.ts";
import { listPriceSchemes } from "#app/modules/catalog/price-schemes.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { SCHEMES_PATH, schemesScreen } from "#backoffice/components/catalog/scheme-screen.tsx";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 价格方案 (/crm/price-schemes): every scheme but the discarded ones unless asked for; `?product=`
// (from a product page) keeps the list to that product's schemes.

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "catalog", action: "browse" });
  const query = priceSchemeList.parse(new URL(request.url).searchParams);
  const [list, views] = await Promise.all([
    listPriceSchemes(db, query),
    loadListViews(db, actor, priceSchemeList, query, SCHEMES_PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, query, views, canAdd: can(actor, "catalog", "add") };
}

export const meta = titleMeta("catalog.schemes.title");

export default function PriceSchemesList() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const newHref = d.query.product ? `${SCHEMES_PATH}/new?product=${d.query.product}` : `${SCHEMES_PATH}/new`;
  const add = d.canAdd ? (
    <ButtonLink to={newHref} icon={Plus}>
      {t("catalog.schemes.new")}
    </ButtonLink>
  ) : null;
  return <ScreenListPage screen={schemesScreen} list={d} actions={add} emptyAction={add} />;
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
