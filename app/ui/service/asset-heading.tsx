import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { AssetStatusBadge, assetStatusKey, type AssetStatusValue } from "./labels.tsx";

/**
 * AssetHeading — an asset page's title block: eyebrow (number, company…), name with status badge,
 * "part of <parent>" and optional actions on the right. Shared by /crm/assets/:id and
 * /zone/assets/:id; `linkBase` is "/crm/assets" or "/zone/assets".
 */
export function AssetHeading({
  asset,
  linkBase,
  eyebrow,
  actions,
}: {
  asset: { name: string; status: AssetStatusValue; parent: { id: number; name: string } | null };
  linkBase: string;
  eyebrow: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        <p className="text-sm text-slate-500">{eyebrow}</p>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
          {asset.name}
          <AssetStatusBadge status={asset.status} label={t(assetStatusKey(asset.status))} />
        </h1>
        {asset.parent ? (
          <p className="mt-1 text-sm text-slate-500">
            {t("zones.asset.partOf")}{" "}
            <Link to={`${linkBase}/${asset.parent.id}`} className="text-blue-700 hover:underline">
              {asset.parent.name}
            </Link>
          </p>
        ) : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2 self-start sm:self-auto">{actions}</div> : null}
    </div>
  );
}
