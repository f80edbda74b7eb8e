import { ArrowLeft, FileSignature, PenLine, Wrench } from "lucide-react";
import { data, Link, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getZoneAsset } from "#app/modules/service/assets.server.ts";
import { isoDay } from "#app/modules/service/service-dates.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import {
  AssetStatusBadge,
  assetStatusKey,
  ContractStatusBadge,
  contractStatusKey,
  methodKey,
} from "#app/ui/service/labels.tsx";
import { FactGrid, ZoneErrorBoundary, ZoneShell } from "#portal/components/zone-ui.tsx";

// One asset of the zone's company: its facts, parts and maintenance log (read-only).

const Params = z.object({ assetId: z.coerce.number().int().positive().max(2_147_483_647) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  const parsed = Params.safeParse(params);
  const asset = parsed.success ? await getZoneAsset(db, context.zone.companyId, parsed.data.assetId) : null;
  if (!asset) throw data(null, { status: 404 });
  const day = (v: Date | null) => (v ? isoDay(v) : null);
  return {
    zone: { name: context.zone.name },
    asset: {
      ...asset,
      installedOn: day(asset.installedOn),
      warrantyStart: day(asset.warrantyStart),
      warrantyEnd: day(asset.warrantyEnd),
      maintenance: asset.maintenance.map((m) => ({
        id: m.id,
        performedOn: isoDay(m.performedOn),
        method: m.method,
        summary: m.summary,
      })),
      contracts: asset.contracts.map((c) => ({ ...c.contract, endDate: isoDay(c.contract.endDate) })),
    },
  };
}

export const meta = ({ matches, data: d }: MetaArgs) => {
  const name = d && typeof d === "object" && "asset" in d ? (d as { asset: { name: string } }).asset.name : "";
  return pageTitle(matches, "zones.asset.pageTitle", { name });
};

export default function ZoneAsset() {
  const { zone, asset: a } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <ZoneShell zoneName={zone.name}>
      <div>
        <Link to="/zone/assets" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800">
          <ArrowLeft aria-hidden className="size-4" />
          {t("zones.assets.back")}
        </Link>
        <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div className="min-w-0">
            <p className="text-sm text-slate-500">{a.number}</p>
            <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
              {a.name}
              <AssetStatusBadge status={a.status} label={t(assetStatusKey(a.status))} />
            </h1>
            {a.parent ? (
              <p className="mt-1 text-sm text-slate-500">
                {t("zones.asset.partOf")}{" "}
                <Link to={`/zone/assets/${a.parent.id}`} className="text-blue-700 hover:underline">
                  {a.parent.name}
                </Link>
              </p>
            ) : null}
          </div>
          <ButtonLink to={`/zone/requests/new?assetId=${a.id}`} className="self-start sm:self-auto">
            <PenLine aria-hidden className="size-4" />
            {t("zones.asset.report")}
          </ButtonLink>
        </div>
      </div>

      <Card>
        <CardBody>
          <FactGrid
            rows={[
              [t("zones.asset.model"), a.model],
              [t("zones.asset.serialNumber"), a.serialNumber],
              [t("zones.asset.spec"), a.spec],
              [t("zones.asset.quantity"), String(a.quantity)],
              [t("zones.asset.customerAssetNo"), a.customerAssetNo],
              [t("zones.asset.supplier"), a.supplier],
              [t("zones.asset.installedOn"), a.installedOn],
              [
                t("zones.asset.warranty"),
                a.warrantyStart || a.warrantyEnd ? `${a.warrantyStart ?? "…"} — ${a.warrantyEnd ?? "…"}` : null,
              ],
              [t("zones.asset.warrantyScope"), a.warrantyScope],
            ]}
          />
        </CardBody>
      </Card>

      {a.children.length > 0 ? (
        <Card>
          <CardHeader title={t("zones.asset.children", { count: a.children.length })} />
          <ul className="divide-y divide-slate-100">
            {a.children.map((c) => (
              <li key={c.id}>
                <Link to={`/zone/assets/${c.id}`} className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
                  <span className="min-w-0 flex-1">
                    <span className="block font-medium text-slate-900">{c.name}</span>
                    <span className="block text-xs text-slate-500">
                      {[c.number, c.model].filter(Boolean).join(" · ")}
                    </span>
                  </span>
                  <AssetStatusBadge status={c.status} label={t(assetStatusKey(c.status))} />
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader icon={<Wrench aria-hidden className="size-4" />} title={t("zones.asset.log")} />
          {a.maintenance.length === 0 ? (
            <p className="px-5 py-6 text-center text-sm text-slate-500">{t("zones.asset.logEmpty")}</p>
          ) : (
            <ol className="space-y-0 px-5 py-4">
              {a.maintenance.map((m) => (
                <li key={m.id} className="relative border-l-2 border-slate-200 pb-5 pl-5 last:pb-0">
                  <span
                    aria-hidden
                    className="absolute top-1 -left-[7px] size-3 rounded-full border-2 border-white bg-blue-500"
                  />
                  <p className="text-xs text-slate-500">
                    <time>{m.performedOn}</time> ·{" "}
                    <span className="font-medium text-slate-700">{t(methodKey(m.method))}</span>
                  </p>
                  <p className="mt-1 text-sm leading-6 text-slate-800">{m.summary}</p>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card>
          <CardHeader icon={<FileSignature aria-hidden className="size-4" />} title={t("zones.asset.contracts")} />
          {a.contracts.length === 0 ? (
            <p className="px-5 py-6 text-center text-sm text-slate-500">{t("zones.asset.contractsEmpty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {a.contracts.map((c) => (
                <li key={c.id}>
                  <Link to={`/zone/contracts/${c.id}`} className="block px-5 py-3 hover:bg-slate-50">
                    <span className="block text-sm font-medium text-slate-900">{c.name}</span>
                    <span className="mt-1 flex items-center gap-2 text-xs text-slate-500">
                      <ContractStatusBadge status={c.status} label={t(contractStatusKey(c.status))} />
                      {t("zones.contract.until", { date: c.endDate })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </ZoneShell>
  );
}

export const ErrorBoundary = ZoneErrorBoundary;
