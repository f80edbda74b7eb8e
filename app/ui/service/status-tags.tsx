import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import {
  AssetStatusBadge,
  assetStatusKey,
  ContractStatusBadge,
  contractStatusKey,
  ExpiryBadge,
  responseModeKey,
  responseTimeKey,
  type AssetStatusValue,
  type ContractStatusValue,
  type ResponseModeValue,
  type ResponseTimeValue,
} from "./labels.tsx";

// The status badges of assets and contracts with their localised label, so that a page shows a
// status by naming it rather than wiring each badge to its message key.

export function AssetStatusTag({ status }: { status: AssetStatusValue }) {
  const { t } = useI18n();
  return <AssetStatusBadge status={status} label={t(assetStatusKey(status))} />;
}

export function ContractStatusTag({ status }: { status: ContractStatusValue }) {
  const { t } = useI18n();
  return <ContractStatusBadge status={status} label={t(contractStatusKey(status))} />;
}

/** A contract's status, with the expiry warning under it when the end is near or past. */
export function ContractStanding({ status, daysLeft }: { status: ContractStatusValue; daysLeft: number | null }) {
  const { t } = useI18n();
  return (
    <span className="flex shrink-0 flex-col items-end gap-1">
      <ContractStatusTag status={status} />
      <ExpiryBadge daysLeft={daysLeft} t={t} />
    </span>
  );
}

/** A contract's service level in one line, e.g. "7×24 · 4 小时到场". */
export function useContractLevel() {
  const { t } = useI18n();
  return (c: { responseMode: ResponseModeValue; responseTime: ResponseTimeValue }) =>
    `${t(responseModeKey(c.responseMode))} · ${t(responseTimeKey(c.responseTime))}`;
}
