import { Package } from "lucide-react";
import {
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { AssetInputSchema, assetParentOptions, createAsset, listAssets } from "#app/modules/service/assets.server.ts";
import { ASSET_STATUSES } from "#app/modules/service/service-enums.ts";
import { assetList } from "#app/modules/service/service-list-queries.ts";
import { checkRecordForm, recordResult } from "#app/modules/service/service-results.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { servedCompanyOptions } from "#app/modules/zones/service-scope.server.ts";
import { FailureNotice, fieldErrors, submittedValues } from "#app/ui/form/index.ts";
import { FilterBar, FilterSelect, SearchField } from "#app/ui/list/filter-bar.tsx";
import { ListPage } from "#app/ui/list/list-page.tsx";
import { listFilters } from "#app/ui/list/list-query.ts";
import { PageNumbers } from "#app/ui/list/pager.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { assetStatusKey } from "#app/ui/service/labels.tsx";
import { NewAssetCard } from "#backoffice/components/service/new-record-cards.tsx";
import { assetColumns } from "#backoffice/components/service/record-columns.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 客户资产 (back office): assets of the customers this CSR serves; search by name, number, S/N, model
// or company; record a new asset (optionally under a parent, for system → unit → part).

const PATH = "/crm/assets";
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
  const actor = await requireStaffActor(request, { module: "service", action: "add" });
  const values = Object.fromEntries(
    [...(await request.formData()).entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const checked = checkRecordForm(AssetInputSchema, values);
  const result =
    checked.status === "ok"
      ? await recordResult(
          createAsset(db, checked.value, actor),
          { forbidden: "zones.bo.asset.error.company", fields: { parentId: "zones.bo.asset.error.parent" } },
          values,
        )
      : checked;
  return respond(result, { successTo: ({ id }) => `${PATH}/${id}`, flash: "flash.created" });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "zones.bo.assets.title");

export default function AssetsList() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  const { query } = d;
  const href = (overrides: Parameters<typeof assetList.hrefFor>[2]) => assetList.hrefFor(PATH, query, overrides);
  return (
    <ListPage
      header={
        <>
          <PageHeader
            eyebrow={t("zones.bo.eyebrow")}
            title={t("zones.bo.assets.title")}
            description={t("zones.bo.assets.description")}
            icon={<Package aria-hidden className="size-6" />}
          />
          <FailureNotice result={answer} />
        </>
      }
      views={d.views}
      total={d.total}
      filters={
        <FilterBar
          carry={assetList.carry(query)}
          clearHref={assetList.isFiltered(query) ? href(assetList.cleared()) : null}
        >
          <SearchField defaultValue={query.q} placeholder={t("zones.bo.assets.search")} />
          <FilterSelect
            name="status"
            label={t("zones.asset.statusLabel")}
            value={query.status}
            anyLabel={t("zones.bo.assets.anyStatus")}
            options={ASSET_STATUSES.map((s) => ({ value: s, label: t(assetStatusKey(s)) }))}
          />
        </FilterBar>
      }
      table={{
        columns: assetColumns,
        rows: d.rows,
        rowKey: (r) => r.id,
        label: t("list.table.label", { title: t("zones.bo.assets.title") }),
        sort: {
          key: query.sort,
          dir: query.dir,
          hrefFor: (key) => href(assetList.isSortKey(key) ? assetList.sortToggle(query, key) : {}),
        },
      }}
      empty={{
        filtered: assetList.isFiltered(query),
        clearHref: href(assetList.cleared()),
        icon: <Package aria-hidden className="size-5" />,
        title: t("zones.bo.assets.noneYet"),
        description: t("zones.bo.assets.emptyHint"),
      }}
      pager={<PageNumbers page={d.page} pageCount={d.pageCount} hrefFor={(p) => href({ page: p })} />}
    >
      {d.canAdd ? (
        <NewAssetCard
          companyId={query.companyId ?? null}
          parentId={d.parentId}
          sent={submittedValues(answer)}
          errors={fieldErrors(answer)}
          companies={d.companies}
          parents={d.parents}
        />
      ) : null}
    </ListPage>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
