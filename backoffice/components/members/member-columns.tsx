import { BadgeCheck, UsersRound } from "lucide-react";
import { MemberLevel, MemberStatus } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { memberList } from "#app/modules/members/member-list-query.ts";
import { badgeColumn, dateColumn, titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { formatCompactDate, formatDateTime } from "#app/lib/format/dates.ts";
import { MemberLevelBadge, MemberStatusBadge } from "#backoffice/components/member-admin-ui.tsx";
import { listScreen, valueSelect, yesNoSelect } from "../list-screen.tsx";

// The member list's columns (ids in MEMBER_COLUMNS, member-list-query.ts).

export const MEMBERS_PATH = "/crm/members";

export interface MemberRow {
  id: number;
  email: string;
  nickname: string;
  realName: string | null;
  level: MemberLevel;
  status: MemberStatus;
  realNameVerifiedAt: Date | null;
  createdAt: Date;
  contact: { number: string; fullName: string } | null;
  company: { number: string; name: string } | null;
}

export const memberColumns: Array<Column<MemberRow>> = [
  titleColumn("member", "memberAdmin.list.col.member", (m, card) => <MemberName member={m} card={card} />, {
    sortKey: "nickname",
    className: "max-w-64",
  }),
  {
    id: "realName",
    header: "memberAdmin.list.col.realName",
    sortKey: "realName",
    mobile: "meta",
    className: "whitespace-nowrap text-slate-700",
    cell: (m) => <RealName member={m} />,
  },
  {
    id: "level",
    header: "common.level",
    sortKey: "level",
    mobile: "meta",
    cell: (m) => <MemberLevelBadge level={m.level} />,
  },
  badgeColumn("status", "memberAdmin.list.col.status", (m) => <MemberStatusBadge status={m.status} />),
  {
    id: "linked",
    header: "memberAdmin.list.col.linked",
    mobile: "meta",
    className: "min-w-44 text-slate-600",
    cell: (m) => <LinkedSummary contact={m.contact} company={m.company} />,
  },
  dateColumn("registeredAt", "memberAdmin.list.col.registeredAt", (m) => <Registered at={m.createdAt} />, "created"),
];

function MemberName({ member, card }: { member: MemberRow; card: boolean }) {
  return (
    <>
      <RecordLink to={`${MEMBERS_PATH}/${member.id}`} card={card} className="whitespace-nowrap">
        {member.nickname}
      </RecordLink>
      <p className="truncate text-xs text-slate-500" title={member.email}>
        {member.email}
      </p>
    </>
  );
}

function RealName({ member }: { member: MemberRow }) {
  const { t } = useI18n();
  return (
    <>
      {member.realName ?? <span className="text-slate-300">{t("memberAdmin.value.empty")}</span>}
      {member.realNameVerifiedAt ? (
        <BadgeCheck
          className="ml-1 inline size-4 align-[-3px] text-emerald-600"
          aria-label={t("memberAdmin.list.verifiedMark")}
        />
      ) : null}
    </>
  );
}

function Registered({ at }: { at: Date }) {
  const { locale } = useI18n();
  return <span title={formatDateTime(at, locale)}>{formatCompactDate(at, locale)}</span>;
}

function LinkedSummary(props: {
  contact: { number: string; fullName: string } | null;
  company: { number: string; name: string } | null;
}) {
  const { t } = useI18n();
  if (!props.contact && !props.company) return <span className="text-slate-400">{t("common.notLinked")}</span>;
  return (
    <span className="flex flex-col">
      {props.contact ? (
        <span className="text-slate-800" title={props.contact.number}>
          {props.contact.fullName}
        </span>
      ) : null}
      {props.company ? <span className="text-xs text-slate-500">{props.company.name}</span> : null}
    </span>
  );
}

/** The member list page: its filters, these columns and its texts. */
export const membersScreen = listScreen({
  path: MEMBERS_PATH,
  kit: memberList,
  heading: { module: "members" },
  title: "memberAdmin.list.title",
  description: "memberAdmin.list.description",
  search: {
    id: "members-q",
    label: "memberAdmin.list.search.label",
    placeholder: "memberAdmin.list.search.placeholder",
  },
  selects: [
    valueSelect(
      "status",
      "memberAdmin.list.filter.status",
      Object.values(MemberStatus),
      (s) => `memberAdmin.status.${s}`,
    ),
    valueSelect("level", "common.level", Object.values(MemberLevel), (l) => `memberAdmin.level.${l}`),
    yesNoSelect(
      "verified",
      "memberAdmin.list.filter.verified",
      "memberAdmin.list.filter.verifiedYes",
      "memberAdmin.list.filter.verifiedNo",
    ),
    yesNoSelect("linked", "memberAdmin.list.filter.linked", "memberAdmin.list.filter.linkedYes", "common.notLinked"),
  ],
  table: {
    columns: memberColumns,
    rowKey: (m) => m.id,
    cardAside: (m) => <MemberStatusBadge status={m.status} />,
    label: "memberAdmin.list.cardTitle",
  },
  empty: {
    icon: UsersRound,
    title: "memberAdmin.list.empty.title",
    description: "memberAdmin.list.empty.body",
    filteredTitle: "memberAdmin.list.noResults.title",
    filteredDescription: "memberAdmin.list.noResults.body",
  },
});
