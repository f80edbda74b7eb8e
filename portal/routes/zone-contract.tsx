import { ArrowLeft } from "lucide-react";
import { data, Link, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { contractTotals, getZoneContract } from "#app/modules/service/service-contracts.server.ts";
import { daysUntil, isoDay } from "#app/modules/service/service-dates.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import {
  AssetStatusBadge,
  assetStatusKey,
  ContractStatusBadge,
  contractStatusKey,
  contractTypeKey,
  ExpiryBadge,
  responseModeKey,
  responseTimeKey,
} from "#app/ui/service/labels.tsx";
import { FactGrid, ZoneErrorBoundary, ZoneShell } from "#portal/components/zone-ui.tsx";

// One service contract of the zone's company: level of service, period, terms and covered assets.

const Params = z.object({ contractId: z.coerce.number().int().positive().max(2_147_483_647) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  const parsed = Params.safeParse(params);
  const c = parsed.success ? await getZoneContract(db, context.zone.companyId, parsed.data.contractId) : null;
  if (!c) throw data(null, { status: 404 });
  const totals = contractTotals(c.assets);
  return {
    zone: { name: context.zone.name },
    contract: {
      id: c.id,
      number: c.number,
      name: c.name,
      type: c.type,
      status: c.status,
      responseMode: c.responseMode,
      responseTime: c.responseTime,
      startDate: isoDay(c.startDate),
      endDate: isoDay(c.endDate),
      terms: c.terms,
      csr: c.owner?.name ?? null,
      daysLeft: c.status === "in_force" ? daysUntil(c.endDate, new Date()) : null,
      totals,
      assets: c.assets.map((a) => ({
        ...a.asset,
        netValue: a.netValue?.toFixed(2) ?? null,
        totalValue: a.totalValue?.toFixed(2) ?? null,
      })),
    },
  };
}

export const meta = ({ matches, data: d }: MetaArgs) => {
  const name = d && typeof d === "object" && "contract" in d ? (d as { contract: { name: string } }).contract.name : "";
  return pageTitle(matches, "zones.contract.pageTitle", { name });
};

export default function ZoneContract() {
  const { zone, contract: c } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <ZoneShell zoneName={zone.name}>
      <div>
        <Link
          to="/zone/contracts"
          className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800"
        >
          <ArrowLeft aria-hidden className="size-4" />
          {t("zones.contracts.back")}
        </Link>
        <p className="mt-3 text-sm text-slate-500">
          {c.number} · {t(contractTypeKey(c.type))}
        </p>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
          {c.name}
          <ContractStatusBadge status={c.status} label={t(contractStatusKey(c.status))} />
          <ExpiryBadge daysLeft={c.daysLeft} t={t} />
        </h1>
      </div>

      <Card>
        <CardBody>
          <FactGrid
            rows={[
              [t("zones.contract.mode"), t(responseModeKey(c.responseMode))],
              [t("zones.contract.time"), t(responseTimeKey(c.responseTime))],
              [t("zones.contract.period"), `${c.startDate} — ${c.endDate}`],
              [t("zones.contract.csr"), c.csr],
              [t("zones.contract.netTotal"), c.totals.net],
              [t("zones.contract.totalTotal"), c.totals.total],
            ]}
          />
        </CardBody>
      </Card>

      {c.terms ? (
        <Card>
          <CardHeader title={t("zones.contract.terms")} />
          <CardBody>
            <p className="text-sm leading-7 whitespace-pre-line text-slate-700">{c.terms}</p>
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("zones.contract.covered", { count: c.assets.length })} />
        {c.assets.length === 0 ? (
          <p className="px-5 py-6 text-center text-sm text-slate-500">{t("zones.contract.coveredEmpty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-slate-100 bg-slate-50/60 text-left text-xs font-medium text-slate-500">
                <tr>
                  <th className="px-5 py-2.5">{t("zones.asset.name")}</th>
                  <th className="px-3 py-2.5">{t("zones.asset.serialNumber")}</th>
                  <th className="px-3 py-2.5 text-right">{t("zones.contract.netValue")}</th>
                  <th className="px-3 py-2.5 text-right">{t("zones.contract.totalValue")}</th>
                  <th className="px-5 py-2.5 text-right">{t("zones.asset.statusLabel")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {c.assets.map((a) => (
                  <tr key={a.id}>
                    <td className="px-5 py-3">
                      <Link to={`/zone/assets/${a.id}`} className="font-medium text-slate-900 hover:text-blue-700">
                        {a.name}
                      </Link>
                      <span className="block text-xs text-slate-400">{a.model}</span>
                    </td>
                    <td className="px-3 py-3 font-mono text-xs text-slate-600">{a.serialNumber ?? "—"}</td>
                    <td className="px-3 py-3 text-right tabular-nums">{a.netValue ?? "—"}</td>
                    <td className="px-3 py-3 text-right tabular-nums">{a.totalValue ?? "—"}</td>
                    <td className="px-5 py-3 text-right">
                      <AssetStatusBadge status={a.status} label={t(assetStatusKey(a.status))} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </ZoneShell>
  );
}

export const ErrorBoundary = ZoneErrorBoundary;
