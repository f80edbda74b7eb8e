import { FileSignature, Plus } from "lucide-react";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { contractList } from "#app/modules/contracts/contract-list-query.ts";
import { listContracts } from "#app/modules/contracts/contract-queries.server.ts";
import { lookupLabels } from "#app/modules/settings/lookup-values.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Fen } from "#app/ui/contracts/contract-ui.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { CONTRACTS_PATH as PATH, contractsScreen } from "#backoffice/components/contracts/contract-columns.tsx";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";

// 合同 list: the actor's scope (opportunities grants), filters by status and overdue instalments,
// sortable columns, and the contract amount and received sums over the whole result.

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "opportunities", action: "browse" });
  const query = contractList.parse(new URL(request.url).searchParams);
  const [list, types, views] = await Promise.all([
    listContracts(db, actor, { filters: query, sort: { key: query.sort, dir: query.dir }, page: query.page }),
    lookupLabels(db, "contract_type", await getLocale(request)),
    loadListViews(db, actor, contractList, query, PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  const rows = list.rows.map((r) => ({ ...r, typeLabel: types[r.typeCode] ?? r.typeCode }));
  return { ...list, rows, query, views, canAdd: can(actor, "opportunities", "add") };
}

export const meta = titleMeta(contractsScreen.title);

export default function ContractsListPage() {
  const { rows, total, page, pageCount, sums, query, views, canAdd } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <ScreenListPage
      screen={contractsScreen}
      list={{ rows, total, page, pageCount, query, views }}
      actions={
        canAdd ? (
          <ButtonLink to={`${PATH}/new`} icon={Plus}>
            {t("contracts.new")}
          </ButtonLink>
        ) : null
      }
      belowHeading={
        <p className="flex items-center gap-2 text-sm text-slate-600" data-testid="contract-sums">
          <FileSignature className="size-4 text-slate-400" aria-hidden />
          <span>
            {t("contracts.col.amount")} <Fen value={sums.amountFen} />
          </span>
          <span>
            · {t("contracts.col.received")} <Fen value={sums.receivedFen} />
          </span>
        </p>
      }
    />
  );
}
