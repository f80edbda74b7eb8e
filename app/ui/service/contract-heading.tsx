import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
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
    <div className="mt-3 flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
      <div className="min-w-0">
        <p className="text-sm text-slate-500">{eyebrow}</p>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
          {c.name}
          <ContractStatusBadge status={c.status} label={t(contractStatusKey(c.status))} />
          {showApproval ? <ApprovalBadge state={c.approvalState} label={t(approvalKey(c.approvalState))} /> : null}
          <ExpiryBadge daysLeft={c.daysLeft} t={t} />
        </h1>
        {subtitle ? <p className="mt-1 text-sm text-slate-500">{subtitle}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
