import { FileSignature } from "lucide-react";
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
import {
  ContractInputSchema,
  createContract,
  listContracts,
  listServiceStaff,
} from "#app/modules/service/service-contracts.server.ts";
import { CONTRACT_STATUSES } from "#app/modules/service/service-enums.ts";
import { contractList } from "#app/modules/service/service-list-queries.ts";
import { checkRecordForm, recordResult } from "#app/modules/service/service-results.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { servedCompanyOptions } from "#app/modules/zones/service-scope.server.ts";
import { FailureNotice, fieldErrors, submittedValues } from "#app/ui/form/index.ts";
import { FilterBar, FilterSelect, SearchField } from "#app/ui/list/filter-bar.tsx";
import { ListPage } from "#app/ui/list/list-page.tsx";
import { PageNumbers } from "#app/ui/list/pager.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { contractStatusKey } from "#app/ui/service/labels.tsx";
import { NewContractCard } from "#backoffice/components/service/new-record-cards.tsx";
import { contractColumns } from "#backoffice/components/service/record-columns.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 服务合约 (back office): contracts of the customers this CSR serves, soonest end first, with the
// expiry badge (30 days) and a filter for those about to end; draft a new contract.

const PATH = "/crm/service-contracts";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "browse" });
  const query = contractList.parse(new URL(request.url).searchParams);
  const canAdd = can(actor, "service", "add");
  const [list, views, companies, owners] = await Promise.all([
    listContracts(db, actor, query),
    loadListViews(db, actor, contractList, query, PATH),
    servedCompanyOptions(db, actor, "add"),
    canAdd ? listServiceStaff(db) : Promise.resolve([]),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, query, views, companies, owners, canAdd };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "add" });
  const values = Object.fromEntries(
    [...(await request.formData()).entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const checked = checkRecordForm(ContractInputSchema, values);
  const result =
    checked.status === "ok"
      ? await recordResult(
          createContract(db, checked.value, actor),
          { forbidden: "zones.bo.asset.error.company" },
          values,
        )
      : checked;
  return respond(result, { successTo: ({ id }) => `${PATH}/${id}`, flash: "flash.created" });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "zones.bo.contracts.title");

export default function ServiceContractsList() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  const { query } = d;
  const href = (overrides: Parameters<typeof contractList.hrefFor>[2]) => contractList.hrefFor(PATH, query, overrides);
  return (
    <ListPage
      header={
        <>
          <PageHeader
            eyebrow={t("zones.bo.eyebrow")}
            title={t("zones.bo.contracts.title")}
            description={t("zones.bo.contracts.description")}
            icon={<FileSignature aria-hidden className="size-6" />}
          />
          <FailureNotice result={answer} />
        </>
      }
      views={d.views}
      total={d.total}
      filters={
        <FilterBar
          carry={contractList.carry(query)}
          clearHref={contractList.isFiltered(query) ? href(contractList.cleared()) : null}
        >
          <SearchField defaultValue={query.q} placeholder={t("zones.bo.contracts.search")} />
          <FilterSelect
            name="status"
            label={t("zones.bo.contract.status")}
            value={query.status}
            anyLabel={t("zones.bo.assets.anyStatus")}
            options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(contractStatusKey(s)) }))}
          />
          <label className="flex h-9 items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="expiring"
              value="30"
              defaultChecked={query.expiring === "30"}
              className="size-4 rounded border-slate-300"
            />
            {t("zones.bo.contracts.expiring")}
          </label>
        </FilterBar>
      }
      table={{
        columns: contractColumns,
        rows: d.rows,
        rowKey: (r) => r.id,
        label: t("list.table.label", { title: t("zones.bo.contracts.title") }),
        sort: {
          key: query.sort,
          dir: query.dir,
          hrefFor: (key) => href(contractList.isSortKey(key) ? contractList.sortToggle(query, key) : {}),
        },
      }}
      empty={{
        filtered: contractList.isFiltered(query),
        clearHref: href(contractList.cleared()),
        icon: <FileSignature aria-hidden className="size-5" />,
        title: t("zones.bo.contracts.noneYet"),
        description: t("zones.bo.contracts.emptyHint"),
      }}
      pager={<PageNumbers page={d.page} pageCount={d.pageCount} hrefFor={(p) => href({ page: p })} />}
    >
      {d.canAdd ? (
        <NewContractCard
          companyId={query.companyId ?? null}
          sent={submittedValues(answer)}
          errors={fieldErrors(answer)}
          companies={d.companies}
          owners={d.owners}
        />
      ) : null}
    </ListPage>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
