import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { RecordTitle } from "../records/record-title.tsx";
import {
  ApprovalBadge,
  approvalKey,
  ContractStatusBadge,
  contractStatusKey,
  ExpiryBadge,
  type ApprovalValue,
  type ContractStatusValue,
} from "./labels.tsx";

/**
 * ContractHeading — a service contract page's title block: eyebrow (number, type, company…), name
 * with status, approval (back office: `showApproval`) and expiry badges, an optional line under it
 * and optional actions on the right.
 */
export function ContractHeading({
  contract,
  eyebrow,
  showApproval = false,
  subtitle,
  actions,
}: {
  contract: { name: string; status: ContractStatusValue; approvalState: ApprovalValue; daysLeft: number | null };
  eyebrow: ReactNode;
  showApproval?: boolean;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  const c = contract;
  return (
    <RecordTitle
      eyebrow={eyebrow}
      title={c.name}
      badges={
        <>
          <ContractStatusBadge status={c.status} label={t(contractStatusKey(c.status))} />
          {showApproval ? <ApprovalBadge state={c.approvalState} label={t(approvalKey(c.approvalState))} /> : null}
          <ExpiryBadge daysLeft={c.daysLeft} t={t} />
        </>
      }
      subtitle={subtitle}
      actions={actions}
      sideBy="lg"
    />
  );
}
