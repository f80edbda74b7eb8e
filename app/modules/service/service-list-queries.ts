import { defineListQuery, listFilters } from "#app/ui/list/list-query.ts";
import { ASSET_STATUSES, CONTRACT_STATUSES } from "./service-enums.ts";

// What the URLs of the back office's asset and service-contract lists may say: filters, a sort
// from the columns, the page, saved view and columns. Shared by the services and the pages; no server
// code here.

export const ASSET_COLUMNS = ["name", "company", "serial", "warranty", "status"] as const;

export const assetList = defineListQuery({
  key: "crm.assets",
  filters: { status: listFilters.oneOf(ASSET_STATUSES), companyId: listFilters.id() },
  sorts: { created: "desc", name: "asc", company: "asc", warranty: "asc" },
  defaultSort: "created",
  columns: ASSET_COLUMNS,
  // Opened from a company (its zone page): the list stays that company's.
  sticky: ["companyId"],
});
export type AssetListQuery = ReturnType<typeof assetList.parse>;

export const CONTRACT_COLUMNS = ["name", "level", "period", "owner", "status"] as const;

export const contractList = defineListQuery({
  key: "crm.service-contracts",
  filters: {
    status: listFilters.oneOf(CONTRACT_STATUSES),
    expiring: listFilters.oneOf(["30"]),
    companyId: listFilters.id(),
  },
  // Soonest end first: the contracts to renew come up top.
  sorts: { end: "asc", start: "desc", name: "asc", company: "asc" },
  defaultSort: "end",
  columns: CONTRACT_COLUMNS,
  sticky: ["companyId"],
});
export type ContractListQuery = ReturnType<typeof contractList.parse>;
