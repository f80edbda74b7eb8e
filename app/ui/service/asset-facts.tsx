import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { FactList } from "../records/fact-list.tsx";

/** AssetFacts — an asset's read-only facts in a grid (model, serial number, warranty…). */
export function AssetFacts({
  asset,
}: {
  asset: {
    model: string | null;
    serialNumber: string | null;
    spec: string | null;
    quantity: number;
    customerAssetNo: string | null;
    supplier: string | null;
    installedOn: string | null;
    warrantyStart: string | null;
    warrantyEnd: string | null;
    warrantyScope: string | null;
  };
}) {
  const { t } = useI18n();
  const a = asset;
  return (
    <FactList
      layout="grid"
      facts={[
        { label: t("zones.asset.model"), value: a.model },
        { label: t("zones.asset.serialNumber"), value: a.serialNumber },
        { label: t("zones.asset.spec"), value: a.spec },
        { label: t("common.quantity"), value: String(a.quantity) },
        { label: t("zones.asset.customerAssetNo"), value: a.customerAssetNo },
        { label: t("zones.asset.supplier"), value: a.supplier },
        { label: t("zones.asset.installedOn"), value: a.installedOn },
        {
          label: t("zones.asset.warranty"),
          value: a.warrantyStart || a.warrantyEnd ? `${a.warrantyStart ?? "…"} — ${a.warrantyEnd ?? "…"}` : null,
        },
        { label: t("zones.asset.warrantyScope"), value: a.warrantyScope },
      ]}
    />
  );
}
