import { FileSignature } from "lucide-react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card, CardHeader } from "../card.tsx";
import {
  ApprovalBadge,
  approvalKey,
  ContractStatusBadge,
  contractStatusKey,
  type ApprovalValue,
  type ContractStatusValue,
} from "./labels.tsx";

/**
 * AssetContracts — the service contracts covering an asset, linking to each (`linkBase` is
 * "/crm/service-contracts" or "/zone/contracts"). The back office also shows the approval state.
 */
export function AssetContracts({
  contracts,
  linkBase,
  showApproval = false,
}: {
  contracts: ReadonlyArray<{
    id: number;
    name: string;
    status: ContractStatusValue;
    approvalState: ApprovalValue;
    endDate: string;
  }>;
  linkBase: string;
  showApproval?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Card>
      <CardHeader icon={<FileSignature aria-hidden className="size-4" />} title={t("zones.asset.contracts")} />
      {contracts.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-slate-500">{t("zones.asset.contractsEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {contracts.map((c) => (
            <li key={c.id}>
              <Link to={`${linkBase}/${c.id}`} className="block px-5 py-3 hover:bg-slate-50">
                <span className="block text-sm font-medium text-slate-900">{c.name}</span>
                <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                  <ContractStatusBadge status={c.status} label={t(contractStatusKey(c.status))} />
                  {showApproval ? (
                    <ApprovalBadge state={c.approvalState} label={t(approvalKey(c.approvalState))} />
                  ) : null}
                  {t("zones.contract.until", { date: c.endDate })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
