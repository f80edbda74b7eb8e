import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { RecordTitle } from "../records/record-title.tsx";
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
    <RecordTitle
      eyebrow={eyebrow}
      title={asset.name}
      badges={<AssetStatusBadge status={asset.status} label={t(assetStatusKey(asset.status))} />}
      subtitle={
        asset.parent ? (
          <>
            {t("zones.asset.partOf")}{" "}
            <Link to={`${linkBase}/${asset.parent.id}`} className="text-blue-700 hover:underline">
              {asset.parent.name}
            </Link>
          </>
        ) : null
      }
      actions={actions}
    />
  );
}
