import { FileSignature } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listZoneSalesContracts } from "#app/modules/contracts/contract-queries.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { ContractStatusBadge, Fen } from "#app/ui/contracts/contract-ui.tsx";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";

// 销售合同 in the customer's zone: the sales contracts published to the member's company (read-only).

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  return { zone: { name: context.zone.name }, rows: await listZoneSalesContracts(db, context.zone.companyId) };
}

export const meta = titleMeta("zoneContracts.title");

export default function ZoneSalesContracts() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <ZoneShell zoneName={d.zone.name}>
      <AccountPageHeader title={t("zoneContracts.title")} description={t("zoneContracts.description")} />
      {d.rows.length === 0 ? (
        <EmptyCard icon={FileSignature} title={t("zoneContracts.empty")} />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {d.rows.map((c) => (
            <li key={c.id}>
              <Link
                to={`/zone/sales-contracts/${c.id}`}
                className="block h-full rounded-xl border border-slate-200/80 bg-white p-5 shadow-sm transition-colors hover:border-blue-200"
              >
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-mono text-xs text-slate-500">{c.number}</p>
                    <h2 className="mt-1 font-semibold text-slate-900">{c.name}</h2>
                  </div>
                  <ContractStatusBadge status={c.status} />
                </div>
                <dl className="mt-4 grid grid-cols-3 gap-3 text-sm">
                  <div>
                    <dt className="text-xs text-slate-500">{t("contracts.field.amount")}</dt>
                    <dd className="mt-0.5 text-slate-800 tabular-nums">
                      <Fen value={c.amountFen} />
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">{t("contracts.field.received")}</dt>
                    <dd className="mt-0.5 text-slate-800 tabular-nums">
                      <Fen value={c.receivedFen} />
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">{t("contracts.field.signedOn")}</dt>
                    <dd className="mt-0.5 text-slate-800 tabular-nums">{c.signedOn ?? t("common.emptyValue")}</dd>
                  </div>
                </dl>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </ZoneShell>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
