import { Package } from "lucide-react";
import { Link } from "react-router";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { RecordTable } from "#app/ui/records/record-table.tsx";
import { AssetStatusBadge, assetStatusKey, responseModeKey, responseTimeKey } from "#app/ui/service/labels.tsx";
import type { CustomerContract } from "./customer-contract.server.ts";

// The zone's contract page as a customer sees it: the level of service and the contract value
// (money as ¥228,000.00), never our net value.

/** Level of service, period, the customer's service representative and the contract value. */
export function CustomerContractFacts({ contract: c }: { contract: CustomerContract }) {
  const { t, locale } = useI18n();
  return (
    <FactList
      layout="grid"
      facts={[
        { label: t("zones.contract.mode"), value: t(responseModeKey(c.responseMode)) },
        { label: t("zones.contract.time"), value: t(responseTimeKey(c.responseTime)) },
        { label: t("zones.contract.period"), value: `${c.startDate} — ${c.endDate}` },
        { label: t("zones.contract.csr"), value: c.owner?.name },
        { label: t("zones.contract.contractValue"), value: formatMoney(c.contractValue, locale) },
      ]}
    />
  );
}

/** The assets the contract covers, each with its share of the contract value and its own page. */
export function CustomerCoveredAssets({ assets }: { assets: CustomerContract["covered"] }) {
  const { t, locale } = useI18n();
  return (
    <Card>
      <CardHeader
        icon={<Package aria-hidden className="size-4" />}
        title={t("zones.contract.covered", { count: assets.length })}
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
                  <Link to={`/zone/assets/${a.id}`} className="font-medium text-slate-900 hover:text-blue-700">
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
            {
              key: "value",
              header: t("zones.contract.contractValue"),
              numeric: true,
              cell: (a) => (a.value === null ? "—" : formatMoney(a.value, locale)),
            },
            {
              key: "status",
              header: t("zones.asset.statusLabel"),
              cell: (a) => <AssetStatusBadge status={a.status} label={t(assetStatusKey(a.status))} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
