import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { FactList } from "../records/fact-list.tsx";
import { responseModeKey, responseTimeKey, type ResponseModeValue, type ResponseTimeValue } from "./labels.tsx";

/** ContractFacts — a service contract's level of service, period, CSR and value totals, in a grid. */
export function ContractFacts({
  contract,
}: {
  contract: {
    responseMode: ResponseModeValue;
    responseTime: ResponseTimeValue;
    startDate: string;
    endDate: string;
    owner: { name: string } | null;
    totals: { net: string; total: string };
  };
}) {
  const { t, locale } = useI18n();
  const c = contract;
  return (
    <FactList
      layout="grid"
      facts={[
        { label: t("zones.contract.mode"), value: t(responseModeKey(c.responseMode)) },
        { label: t("zones.contract.time"), value: t(responseTimeKey(c.responseTime)) },
        { label: t("zones.contract.period"), value: `${c.startDate} — ${c.endDate}` },
        { label: t("zones.contract.csr"), value: c.owner?.name },
        { label: t("zones.contract.netTotal"), value: formatMoney(c.totals.net, locale) },
        { label: t("zones.contract.totalTotal"), value: formatMoney(c.totals.total, locale) },
      ]}
    />
  );
}
