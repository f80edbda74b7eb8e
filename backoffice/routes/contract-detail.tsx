import { CircleAlert, FileDown, FileSignature, UserRound } from "lucide-react";
import { Outlet, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { ContractStatusBadge, Fen } from "#app/ui/contracts/contract-ui.tsx";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { TabNav } from "#app/ui/tab-nav.tsx";
import { contractPath } from "#backoffice/components/contracts/contract-paths.ts";
import { loadContractTab } from "#backoffice/components/contracts/contract-route.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One 合同 (/crm/contracts/:id): number, status, amount and received money, and a tab per part
// (overview, products, payment plan, document), each a child route with its own loader and actions.
// Outside the actor's scope → 404.

export async function loader(args: LoaderFunctionArgs) {
  return loadContractTab(args);
}

export const meta = recordMeta<typeof loader>("contracts.title", (d) => [
  "contracts.metaTitle",
  { name: d.contract.name },
]);

export default function ContractLayout() {
  const { contract: c, canModify } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const base = contractPath(c.id);
  const tabs = [
    { to: base, label: t("contracts.tabs.overview"), end: true },
    { to: `${base}/lines`, label: t("contracts.tabs.lines"), count: c.lines.length },
    { to: `${base}/plan`, label: t("contracts.tabs.plan"), count: c.instalments.length },
    { to: `${base}/document`, label: t("contracts.tabs.document") },
  ];
  return (
    <div className="space-y-6">
      <BackLink to="/crm/contracts">{t("contracts.back")}</BackLink>
      <PageHeader
        eyebrow={<span className="font-mono">{c.number}</span>}
        title={c.name}
        icon={<FileSignature className="size-6" aria-hidden />}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <ContractStatusBadge status={c.status} />
            <span className="font-medium text-slate-900 tabular-nums">
              <Fen value={c.amountFen} />
            </span>
            <span>
              {t("contracts.field.received")} <Fen value={c.receivedFen} />
            </span>
            <span className="inline-flex items-center gap-1">
              <UserRound className="size-4 text-slate-400" aria-hidden />
              {c.owner.name}
            </span>
          </span>
        }
        actions={
          <ButtonLink to={`${base}/pdf`} variant="secondary" icon={FileDown} reloadDocument>
            {t("contracts.pdf")}
          </ButtonLink>
        }
      />
      {!canModify ? (
        <div className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
          <CircleAlert className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden />
          <p>{t("contracts.readOnly")}</p>
        </div>
      ) : null}
      <TabNav label={t("contracts.tabs.label")} tabs={tabs} />
      <div className="min-w-0 space-y-6">
        <Outlet />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/contracts" backLabel="contracts.back" />;
}
