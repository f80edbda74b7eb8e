import { Package } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Card, CardHeader } from "../card.tsx";
import { RecordTable } from "../records/record-table.tsx";
import { AssetStatusBadge, assetStatusKey, type AssetStatusValue } from "./labels.tsx";

export interface CoveredAsset {
  id: number;
  number: string;
  name: string;
  model: string | null;
  serialNumber: string | null;
  status: AssetStatusValue;
}

/** A money column of the table: staff see net and total value, customers only their share. */
export interface CoveredAssetAmount<A> {
  key: string;
  header: MessageKey;
  amount: (asset: A) => string | null;
}

/**
 * CoveredAssets — the assets a service contract covers with the money columns the viewer may see
 * (`amounts`), each linking to its asset page (`linkBase` "/crm/assets" or "/zone/assets"). Optional:
 * `description` under the title (e.g. the totals), `rowAction(asset)` for a last column (the back
 * office's remove button), and `children` under the table (the back office's "add an asset" form).
 */
export function CoveredAssets<A extends CoveredAsset>({
  assets,
  linkBase,
  amounts,
  description,
  rowAction,
  children,
}: {
  assets: readonly A[];
  linkBase: string;
  amounts: ReadonlyArray<CoveredAssetAmount<A>>;
  description?: ReactNode;
  rowAction?: (asset: A) => ReactNode;
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
        <RecordTable
          rows={assets}
          rowKey={(a) => a.id}
          columns={[
            {
              key: "name",
              header: t("zones.asset.name"),
              cell: (a) => (
                <>
                  <Link to={`${linkBase}/${a.id}`} className="font-medium text-slate-900 hover:text-blue-700">
                    {a.name}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {[a.number, a.model].filter(Boolean).join(" · ")}
                  </span>
                </>
              ),
            },
            {
              key: "serial",
              header: t("zones.asset.serialNumber"),
              className: "font-mono text-xs text-slate-600",
              cell: (a) => a.serialNumber ?? "—",
            },
            ...amounts.map((column) => ({
              key: column.key,
              header: t(column.header),
              numeric: true,
              cell: (a: A) => money(column.amount(a)),
            })),
            {
              key: "status",
              header: t("zones.asset.statusLabel"),
              cell: (a) => <AssetStatusBadge status={a.status} label={t(assetStatusKey(a.status))} />,
            },
            Boolean(rowAction) && { key: "action", header: "", className: "text-right", cell: (a) => rowAction?.(a) },
          ]}
        />
      )}
      {children}
    </Card>
  );
}
