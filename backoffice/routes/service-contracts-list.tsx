import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  ContractInputSchema,
  createContract,
  listContracts,
  listServiceStaff,
} from "#app/modules/service/service-contracts.server.ts";
import { contractList } from "#app/modules/service/service-list-queries.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { servedCompanyOptions } from "#app/modules/zones/service-scope.server.ts";
import { FailureNotice } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import { createRecordFromForm } from "#backoffice/components/service/create-record-action.server.ts";
import { NewContractCard } from "#backoffice/components/service/new-record-cards.tsx";
import { contractsScreen } from "#backoffice/components/service/service-screens.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 服务合约 (back office): contracts of the customers this CSR serves, soonest end first, with the
// expiry badge (30 days) and a filter for those about to end; draft a new contract.

const PATH = contractsScreen.path;

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
  return createRecordFromForm(request, {
    schema: ContractInputSchema,
    create: (input, by) => createContract(db, input, by),
    messages: { forbidden: "zones.bo.asset.error.company" },
    listPath: PATH,
  });
}

export const meta = titleMeta(contractsScreen.title);

export default function ServiceContractsList() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <ScreenListPage
      screen={contractsScreen}
      list={d}
      belowHeading={<FailureNotice result={answer} />}
      extraFilters={
        <label className="flex h-9 items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="expiring"
            value="30"
            defaultChecked={d.query.expiring === "30"}
            className="size-4 rounded border-slate-300"
          />
          {t("zones.bo.contracts.expiring")}
        </label>
      }
    >
      {d.canAdd ? (
        <NewContractCard
          answer={answer}
          companyId={d.query.companyId ?? null}
          companies={d.companies}
          owners={d.owners}
        />
      ) : null}
    </ScreenListPage>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
