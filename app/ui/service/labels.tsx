import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Badge, type BadgeTone } from "../badge.tsx";

// Labels and badges for zones, customer assets and service contracts, shared by the portal's zone
// pages and the back office (both surfaces import app/ui, never each other).

export type AssetStatusValue = "shipped" | "installed" | "upgraded" | "repairing" | "retired";
export type MaintenanceMethodValue =
  "install" | "replace" | "configure" | "upgrade" | "maintain" | "repair" | "reinstall";
export type ContractStatusValue = "drafting" | "in_force" | "completed";
export type ApprovalValue = "pending" | "approved" | "rejected";
export type ResponseModeValue = "h8x5" | "h8x7" | "h24x7";
export type ResponseTimeValue = "remote_immediate" | "next_business_day" | "onsite_4h";
export type MembershipStatusValue =
  "requested" | "customer_confirmed" | "staff_confirmed" | "active" | "declined" | "removed";

export const assetStatusKey = (s: AssetStatusValue): MessageKey => `zones.asset.status.${s}`;
export const methodKey = (m: MaintenanceMethodValue): MessageKey => `zones.asset.method.${m}`;
export const contractStatusKey = (s: ContractStatusValue): MessageKey => `zones.contract.status.${s}`;
export const approvalKey = (s: ApprovalValue): MessageKey => `zones.contract.approval.${s}`;
export const responseModeKey = (m: ResponseModeValue): MessageKey => `zones.contract.mode.${m}`;
export const responseTimeKey = (m: ResponseTimeValue): MessageKey => `zones.contract.time.${m}`;
export const contractTypeKey = (m: "direct" | "third_party"): MessageKey => `zones.contract.type.${m}`;
export const membershipStatusKey = (s: MembershipStatusValue): MessageKey => `zones.membership.status.${s}`;

const ASSET_TONES: Record<AssetStatusValue, BadgeTone> = {
  shipped: "slate",
  installed: "green",
  upgraded: "blue",
  repairing: "amber",
  retired: "slate",
};
const CONTRACT_TONES: Record<ContractStatusValue, BadgeTone> = {
  drafting: "slate",
  in_force: "green",
  completed: "violet",
};
const APPROVAL_TONES: Record<ApprovalValue, BadgeTone> = { pending: "amber", approved: "green", rejected: "slate" };

export function AssetStatusBadge({ status, label }: { status: AssetStatusValue; label: string }) {
  return <Badge tone={ASSET_TONES[status]}>{label}</Badge>;
}

export function ContractStatusBadge({ status, label }: { status: ContractStatusValue; label: string }) {
  return <Badge tone={CONTRACT_TONES[status]}>{label}</Badge>;
}

export function ApprovalBadge({ state, label }: { state: ApprovalValue; label: string }) {
  return <Badge tone={APPROVAL_TONES[state]}>{label}</Badge>;
}

/** Whole days from today's date (YYYY-MM-DD, Asia/Shanghai) to `endDay`; computed by the caller's loader. */
export function ExpiryBadge({
  daysLeft,
  t,
}: {
  daysLeft: number | null;
  t: (key: MessageKey, vars?: Record<string, number>) => string;
}) {
  if (daysLeft === null) return null;
  if (daysLeft < 0) return <Badge tone="slate">{t("zones.contract.expired")}</Badge>;
  if (daysLeft <= 30) {
    return (
      <Badge tone="amber" className={daysLeft <= 7 ? "bg-red-50 text-red-700 ring-red-600/20" : undefined}>
        {t("zones.contract.expiresIn", { days: daysLeft })}
      </Badge>
    );
  }
  return null;
}
