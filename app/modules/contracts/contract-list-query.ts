import { defineListQuery, listFilters, type ListQuery } from "#app/ui/list/list-query.ts";
import { CONTRACT_STATUSES } from "./contract-model.ts";

// The contract list's URL: filters, sort, page, view and columns (UI kit list query).

export const CONTRACT_COLUMNS = [
  "number",
  "name",
  "company",
  "status",
  "type",
  "signed",
  "amount",
  "received",
  "owner",
  "updated",
] as const;

export const CONTRACT_SORTS = {
  updated: "desc",
  number: "desc",
  name: "asc",
  signed: "desc",
  amount: "desc",
  received: "desc",
  company: "asc",
  owner: "asc",
} as const;
export type ContractSortKey = keyof typeof CONTRACT_SORTS;

export const contractList = defineListQuery({
  key: "crm.contracts",
  filters: {
    status: listFilters.oneOf(CONTRACT_STATUSES),
    type: listFilters.text(40),
    owner: listFilters.id(),
    company: listFilters.id(),
    signedFrom: listFilters.day(),
    signedTo: listFilters.day(),
    overdue: listFilters.yesNo(),
  },
  sorts: CONTRACT_SORTS,
  defaultSort: "updated",
  columns: CONTRACT_COLUMNS,
  defaultColumns: CONTRACT_COLUMNS.filter((c) => c !== "updated" && c !== "received"),
});

export type ContractListQuery = ListQuery<(typeof contractList.definition)["filters"], ContractSortKey>;
export type ContractFilters = Partial<
  Pick<ContractListQuery, "q" | "status" | "type" | "owner" | "company" | "signedFrom" | "signedTo" | "overdue">
>;
