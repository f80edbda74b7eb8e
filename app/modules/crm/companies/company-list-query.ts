import { z } from "zod";
import { defineListQuery, listFilters, type ListQuery } from "#app/ui/list/list-query.ts";
import { COMPANY_STATUSES } from "./company-codes.ts";

// The company list's URL (filters, sort, page, view, columns), shared by its page and its service.

export const COMPANY_COLUMNS = ["name", "number", "type", "industry", "region", "phone", "owner", "updated"] as const;

/** A division code from the URL (2 digits for a province, 4 for a city); anything else is ignored. */
const regionCode = (digits: number) =>
  z
    .string()
    .regex(new RegExp(`^\\d{${digits}}$`))
    .optional()
    .catch(undefined);

export const companyList = defineListQuery({
  key: "crm.companies",
  filters: {
    // System-table codes (the admin may add values): any short code; an unknown one matches nothing.
    type: listFilters.text(40),
    industry: listFilters.text(40),
    status: listFilters.oneOf(COMPANY_STATUSES),
    province: regionCode(2),
    city: regionCode(4),
    owner: listFilters.id(),
    team: listFilters.id(),
  },
  sorts: { updated: "desc", name: "asc", number: "asc", type: "asc", industry: "asc", region: "asc", owner: "asc" },
  defaultSort: "updated",
  columns: COMPANY_COLUMNS,
  defaultColumns: COMPANY_COLUMNS.filter((c) => c !== "phone"),
});

export type CompanySortKey = "updated" | "name" | "number" | "type" | "industry" | "region" | "owner";
export type CompanyListQuery = ListQuery<(typeof companyList.definition)["filters"], CompanySortKey>;
