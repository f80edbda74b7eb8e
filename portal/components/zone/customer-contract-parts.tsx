import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { CoveredAssets, type CoveredAssetAmount } from "#app/ui/service/covered-assets.tsx";
import { responseModeKey, responseTimeKey } from "#app/ui/service/labels.tsx";
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

const CUSTOMER_AMOUNTS: ReadonlyArray<CoveredAssetAmount<CustomerContract["covered"][number]>> = [
  { key: "value", header: "zones.contract.contractValue", amount: (a) => a.value },
];

/** The assets the contract covers, each with its share of the contract value and its own page. */
export function CustomerCoveredAssets({ assets }: { assets: CustomerContract["covered"] }) {
  return <CoveredAssets assets={assets} linkBase="/zone/assets" amounts={CUSTOMER_AMOUNTS} />;
}
