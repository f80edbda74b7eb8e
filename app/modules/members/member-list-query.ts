import { MemberLevel, MemberStatus } from "#app/generated/prisma/enums.ts";
import { defineListQuery, listFilters, type ListQuery } from "#app/ui/list/list-query.ts";

// The member list's URL (filters, sort, page, view, columns), shared by its page and its service.

const STATUSES = Object.values(MemberStatus) as [MemberStatus, ...MemberStatus[]];
const LEVELS = Object.values(MemberLevel) as [MemberLevel, ...MemberLevel[]];

export const MEMBER_COLUMNS = ["member", "realName", "level", "status", "linked", "registeredAt"] as const;

export const memberList = defineListQuery({
  key: "crm.members",
  filters: {
    status: listFilters.oneOf(STATUSES),
    level: listFilters.oneOf(LEVELS),
    verified: listFilters.yesNo(),
    linked: listFilters.yesNo(),
  },
  sorts: { created: "desc", nickname: "asc", realName: "asc", level: "asc" },
  defaultSort: "created",
  columns: MEMBER_COLUMNS,
});

export type MemberListQuery = ListQuery<
  (typeof memberList.definition)["filters"],
  "created" | "nickname" | "realName" | "level"
>;

export function parseMemberListQuery(params: URLSearchParams): MemberListQuery {
  return memberList.parse(params);
}
