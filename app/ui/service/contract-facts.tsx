import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { FactList } from "../records/fact-list.tsx";
import { responseModeKey, responseTimeKey, type ResponseModeValue, type ResponseTimeValue } from "./labels.tsx";

/**
 * ContractFacts — a service contract's level of service, period and CSR, then the amounts the
 * reader may see (the customer's zone: the contract value only; never our net value), in a grid.
 */
export function ContractFacts({
  contract: c,
  amounts,
}: {
  contract: {
    responseMode: ResponseModeValue;
    responseTime: ResponseTimeValue;
    startDate: string;
    endDate: string;
    owner: { name: string } | null;
  };
  /** Money as decimal strings, shown as ¥228,000.00. */
  amounts: ReadonlyArray<{ label: MessageKey; value: string }>;
}) {
  const { t, locale } = useI18n();
  return (
    <FactList
      layout="grid"
      facts={[
        { label: t("zones.contract.mode"), value: t(responseModeKey(c.responseMode)) },
        { label: t("zones.contract.time"), value: t(responseTimeKey(c.responseTime)) },
        { label: t("zones.contract.period"), value: `${c.startDate} — ${c.endDate}` },
        { label: t("zones.contract.csr"), value: c.owner?.name },
        ...amounts.map((a) => ({ label: t(a.label), value: formatMoney(a.value, locale) })),
      ]}
    />
  );
}
