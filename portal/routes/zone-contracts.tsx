import { FileSignature } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listZoneContracts } from "#app/modules/service/service-contracts.server.ts";
import { daysUntil, isoDay } from "#app/modules/service/service-dates.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { contractTypeKey } from "#app/ui/service/labels.tsx";
import { ContractStanding, useContractLevel } from "#app/ui/service/status-tags.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";

// 服务合约: the company's service contracts that are (or were) in force.

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  const now = new Date();
  const rows = await listZoneContracts(db, context.zone.companyId);
  return {
    zone: { name: context.zone.name },
    rows: rows.map((c) => ({
      id: c.id,
      number: c.number,
      name: c.name,
      type: c.type,
      status: c.status,
      responseMode: c.responseMode,
      responseTime: c.responseTime,
      startDate: isoDay(c.startDate),
      endDate: isoDay(c.endDate),
      assets: c._count.assets,
      daysLeft: c.status === "in_force" ? daysUntil(c.endDate, now) : null,
    })),
  };
}

export const meta = titleMeta("zones.contracts.title");

export default function ZoneContracts() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const contractLevel = useContractLevel();
  return (
    <ZoneShell zoneName={d.zone.name}>
      <AccountPageHeader title={t("zones.contracts.title")} description={t("zones.contracts.hint")} />
      {d.rows.length === 0 ? (
        <EmptyCard
          icon={FileSignature}
          title={t("zones.contracts.empty")}
          description={t("zones.contracts.emptyHint")}
        />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {d.rows.map((c) => (
            <li key={c.id}>
              <Link
                to={`/zone/contracts/${c.id}`}
                className="block h-full rounded-xl border border-slate-200/80 bg-white p-5 shadow-sm transition-colors hover:border-blue-200"
              >
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="text-xs text-slate-500">
                      {c.number} · {t(contractTypeKey(c.type))}
                    </p>
                    <h2 className="mt-1 font-semibold text-slate-900">{c.name}</h2>
                  </div>
                  <ContractStanding status={c.status} daysLeft={c.daysLeft} />
                </div>
                <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
                  <div>
                    <dt className="text-xs text-slate-500">{t("zones.contract.level")}</dt>
                    <dd className="mt-0.5 text-slate-800">{contractLevel(c)}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">{t("zones.contract.period")}</dt>
                    <dd className="mt-0.5 text-slate-800">
                      {c.startDate} — {c.endDate}
                    </dd>
                  </div>
                </dl>
                <p className="mt-3 text-xs text-slate-500">{t("zones.contract.assetCount", { count: c.assets })}</p>
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
