import { defineListQuery, listFilters } from "#app/ui/list/list-query.ts";

// What the URLs of the 营销规则 list pages may say: search, filters, a sort from the columns, the page,
// saved view and columns. Shared by the services and the pages; no server code here.

export const CATEGORY_KINDS = ["guest", "requirement", "order", "service"] as const;

export const CATEGORY_COLUMNS = [
  "category",
  "kind",
  "tokenGroup",
  "campaign",
  "designated",
  "status",
  "keys",
  "leads",
] as const;

export const categoryList = defineListQuery({
  key: "crm.rules.categories",
  filters: { kind: listFilters.oneOf(CATEGORY_KINDS), active: listFilters.yesNo() },
  sorts: { code: "asc", name: "asc", leads: "desc", keys: "desc" },
  defaultSort: "code",
  columns: CATEGORY_COLUMNS,
});
export type CategoryListQuery = ReturnType<typeof categoryList.parse>;

export const TOKEN_GROUP_COLUMNS = ["group", "members", "eligible", "next", "categories"] as const;

export const tokenGroupList = defineListQuery({
  key: "crm.rules.tokenGroups",
  filters: { used: listFilters.yesNo() },
  sorts: { name: "asc", members: "desc", updated: "desc" },
  defaultSort: "name",
  columns: TOKEN_GROUP_COLUMNS,
});
export type TokenGroupListQuery = ReturnType<typeof tokenGroupList.parse>;
