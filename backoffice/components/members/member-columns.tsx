import { BadgeCheck } from "lucide-react";
import { Link } from "react-router";
import type { MemberLevel, MemberStatus } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { formatCompactDate, formatDateTime } from "#app/lib/format/dates.ts";
import { MemberLevelBadge, MemberStatusBadge } from "#backoffice/components/member-admin-ui.tsx";

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
  {
    id: "member",
    header: "memberAdmin.list.col.member",
    sortKey: "nickname",
    hideable: false,
    mobile: "title",
    className: "max-w-64",
    cell: (m) => <MemberName member={m} />,
    card: (m) => <MemberName member={m} card />,
  },
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
    header: "memberAdmin.list.col.level",
    sortKey: "level",
    mobile: "meta",
    cell: (m) => <MemberLevelBadge level={m.level} />,
  },
  {
    id: "status",
    header: "memberAdmin.list.col.status",
    mobile: "hidden",
    cell: (m) => <MemberStatusBadge status={m.status} />,
  },
  {
    id: "linked",
    header: "memberAdmin.list.col.linked",
    mobile: "meta",
    className: "min-w-44 text-slate-600",
    cell: (m) => <LinkedSummary contact={m.contact} company={m.company} />,
  },
  {
    id: "registeredAt",
    header: "memberAdmin.list.col.registeredAt",
    sortKey: "created",
    mobile: "meta",
    className: "whitespace-nowrap text-slate-500 tabular-nums",
    cell: (m) => <Registered at={m.createdAt} />,
  },
];

function MemberName({ member, card = false }: { member: MemberRow; card?: boolean }) {
  return (
    <>
      <Link
        to={`${MEMBERS_PATH}/${member.id}`}
        className={
          card
            ? "font-medium text-slate-900 after:absolute after:inset-0 hover:text-blue-700"
            : "font-medium whitespace-nowrap text-slate-900 group-hover:text-blue-700 hover:underline"
        }
      >
        {member.nickname}
      </Link>
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
  if (!props.contact && !props.company)
    return <span className="text-slate-400">{t("memberAdmin.list.notLinked")}</span>;
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
