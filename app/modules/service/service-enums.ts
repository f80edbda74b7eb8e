import type {
  ApprovalState,
  AssetStatus,
  MaintenanceMethod,
  ResponseMode,
  ResponseTime,
  ServiceContractStatus,
} from "#app/generated/prisma/enums.ts";

// Value lists for customer assets and service contracts, safe for client bundles (no server code).

export const ASSET_STATUSES = [
  "shipped",
  "installed",
  "upgraded",
  "repairing",
  "retired",
] as const satisfies readonly AssetStatus[];
export const MAINTENANCE_METHODS = [
  "install",
  "replace",
  "configure",
  "upgrade",
  "maintain",
  "repair",
  "reinstall",
] as const satisfies readonly MaintenanceMethod[];
export const CONTRACT_TYPES = ["direct", "third_party"] as const;
export const CONTRACT_STATUSES = [
  "drafting",
  "in_force",
  "completed",
] as const satisfies readonly ServiceContractStatus[];
export const RESPONSE_MODES = ["h8x5", "h8x7", "h24x7"] as const satisfies readonly ResponseMode[];
export const RESPONSE_TIMES = [
  "remote_immediate",
  "next_business_day",
  "onsite_4h",
] as const satisfies readonly ResponseTime[];
export const APPROVAL_STATES = ["pending", "approved", "rejected"] as const satisfies readonly ApprovalState[];
