import { Package } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card, CardHeader } from "../card.tsx";
import { AssetStatusBadge, assetStatusKey, type AssetStatusValue } from "./labels.tsx";

export interface CoveredAsset {
  id: number;
  number: string;
  name: string;
  model: string | null;
  serialNumber: string | null;
  status: AssetStatusValue;
  netValue: string | null;
  totalValue: string | null;
}

/**
 * CoveredAssets — the assets a service contract covers with their net and total values, each linking
 * to its asset page (`linkBase` "/crm/assets" or "/zone/assets"). Optional: `description` under the
 * title (e.g. the totals), `rowAction(asset)` for a last column (the back office's remove button),
 * and `children` under the table (the back office's "add an asset" form).
 */
export function CoveredAssets({
  assets,
  linkBase,
  description,
  rowAction,
  children,
}: {
  assets: readonly CoveredAsset[];
  linkBase: string;
  description?: ReactNode;
  rowAction?: (asset: CoveredAsset) => ReactNode;
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const money = (value: string | null) => (value === null ? "—" : formatMoney(value, locale));
  return (
    <Card>
      <CardHeader
        icon={<Package aria-hidden className="size-4" />}
        title={t("zones.contract.covered", { count: assets.length })}
        description={description}
      />
      {assets.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-slate-500">{t("zones.contract.coveredEmpty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-slate-100 bg-slate-50/60 text-left text-xs font-medium text-slate-500">
              <tr>
                <th scope="col" className="px-5 py-2.5">
                  {t("zones.asset.name")}
                </th>
                <th scope="col" className="px-3 py-2.5">
                  {t("zones.asset.serialNumber")}
                </th>
                <th scope="col" className="px-3 py-2.5 text-right">
                  {t("zones.contract.netValue")}
                </th>
                <th scope="col" className="px-3 py-2.5 text-right">
                  {t("zones.contract.totalValue")}
                </th>
                <th scope="col" className="px-3 py-2.5">
                  {t("zones.asset.statusLabel")}
                </th>
                {rowAction ? <th scope="col" className="px-5 py-2.5" /> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {assets.map((a) => (
                <tr key={a.id}>
                  <td className="px-5 py-3">
                    <Link to={`${linkBase}/${a.id}`} className="font-medium text-slate-900 hover:text-blue-700">
                      {a.name}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      {[a.number, a.model].filter(Boolean).join(" · ")}
                    </span>
                  </td>
                  <td className="px-3 py-3 font-mono text-xs text-slate-600">{a.serialNumber ?? "—"}</td>
                  <td className="px-3 py-3 text-right tabular-nums">{money(a.netValue)}</td>
                  <td className="px-3 py-3 text-right tabular-nums">{money(a.totalValue)}</td>
                  <td className="px-3 py-3">
                    <AssetStatusBadge status={a.status} label={t(assetStatusKey(a.status))} />
                  </td>
                  {rowAction ? <td className="px-5 py-3 text-right">{rowAction(a)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {children}
    </Card>
  );
}
