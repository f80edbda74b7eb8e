import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { AssetInputSchema, assetParentOptions, createAsset, listAssets } from "#app/modules/service/assets.server.ts";
import { assetList } from "#app/modules/service/service-list-queries.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { servedCompanyOptions } from "#app/modules/zones/service-scope.server.ts";
import { listFilters } from "#app/ui/list/list-query.ts";
import { FailureNotice } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import { createRecordFromForm } from "#backoffice/components/service/create-record-action.server.ts";
import { NewAssetCard } from "#backoffice/components/service/new-record-cards.tsx";
import { assetsScreen } from "#backoffice/components/service/service-screens.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 客户资产 (back office): assets of the customers this CSR serves; search by name, number, S/N, model
// or company; record a new asset (optionally under a parent, for system → unit → part).

const PATH = assetsScreen.path;
/** `?parentId=` (from an asset's "add a sub-asset") only prefills the form. */
const ParentId = listFilters.id();

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "browse" });
  const url = new URL(request.url);
  const query = assetList.parse(url.searchParams);
  const [list, views, companies, parents] = await Promise.all([
    listAssets(db, actor, query),
    loadListViews(db, actor, assetList, query, PATH),
    servedCompanyOptions(db, actor, "add"),
    query.companyId ? assetParentOptions(db, actor, query.companyId) : Promise.resolve([]),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  const parentId = ParentId.parse(url.searchParams.get("parentId") ?? undefined) ?? null;
  return { ...list, query, views, companies, parents, parentId, canAdd: can(actor, "service", "add") };
}

export async function action({ request }: ActionFunctionArgs) {
  return createRecordFromForm(request, {
    schema: AssetInputSchema,
    create: (input, by) => createAsset(db, input, by),
    messages: { forbidden: "zones.bo.asset.error.company", fields: { parentId: "zones.bo.asset.error.parent" } },
    listPath: PATH,
  });
}

export const meta = titleMeta(assetsScreen.title);

export default function AssetsList() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <ScreenListPage screen={assetsScreen} list={d} belowHeading={<FailureNotice result={answer} />}>
      {d.canAdd ? (
        <NewAssetCard
          answer={answer}
          companyId={d.query.companyId ?? null}
          parentId={d.parentId}
          companies={d.companies}
          parents={d.parents}
        />
      ) : null}
    </ScreenListPage>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
