import { defineListQuery, listFilters, type ListQuery } from "#app/ui/list/list-query.ts";

// The contact list's URL (filters, sort, keyset cursor, view, columns), shared by page and service.
// Every sort key is backed by an index ending in the primary key (InnoDB secondary indexes carry
// it), so a page is an index range read even at a million contacts: name → Contact_fullName_id_idx,
// number → its unique index, updated → updatedAt, company/owner/mobile/e-mail → their key indexes,
// title → Contact_title_id_idx, region → Contact_province_city_district_id_idx.

export const CONTACT_COLUMNS = [
  "name",
  "number",
  "company",
  "title",
  "mobile",
  "email",
  "region",
  "owner",
  "updated",
] as const;

export const CONTACT_OPT_OUTS = ["email", "sms", "call"] as const;

export const contactList = defineListQuery({
  key: "crm.contacts",
  filters: {
    company: listFilters.id(),
    owner: listFilters.id(),
    team: listFilters.id(),
    province: listFilters.text(50),
    city: listFilters.text(50),
    optOut: listFilters.oneOf(CONTACT_OPT_OUTS),
  },
  sorts: {
    updated: "desc",
    name: "asc",
    number: "asc",
    company: "asc",
    title: "asc",
    mobile: "asc",
    email: "asc",
    region: "asc",
    owner: "asc",
  },
  defaultSort: "updated",
  columns: CONTACT_COLUMNS,
  defaultColumns: CONTACT_COLUMNS.filter((c) => c !== "number" && c !== "region"),
});

export type ContactSortKey =
  "updated" | "name" | "number" | "company" | "title" | "mobile" | "email" | "region" | "owner";
export type ContactListQuery = ListQuery<(typeof contactList.definition)["filters"], ContactSortKey>;

export const CONTACT_PAGE_SIZE = 25;
