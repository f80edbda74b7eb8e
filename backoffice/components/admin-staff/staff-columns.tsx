import type { StaffStatus } from "#app/generated/prisma/enums.ts";
import { formatCompactDate, formatMoment } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { STAFF_STATUSES, staffList } from "#app/modules/admin/staff-list-query.ts";
import { Badge } from "#app/ui/badge.tsx";
import { badgeColumn, dateColumn, personColumn, titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { listScreen, valueSelect } from "../list-screen.tsx";
import { STAFF_PATH, StaffStatusBadge } from "./staff-ui.tsx";

// The staff list's columns (ids in STAFF_COLUMNS, staff-list-query.ts) and its screen config.

export interface StaffRow {
  id: number;
  name: string;
  email: string;
  title: string | null;
  status: StaffStatus;
  awayUntil: Date | null;
  invitationPending: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  team: { id: number; name: string } | null;
  roles: Array<{ id: number; name: string }>;
}

function Moment({ value }: { value: Date | null }) {
  const { t, locale } = useI18n();
  return <>{value ? formatMoment(value, locale) : t("adminStaff.never")}</>;
}

function Day({ value }: { value: Date }) {
  const { locale } = useI18n();
  return <>{formatCompactDate(value, locale)}</>;
}

export const staffColumns: Array<Column<StaffRow>> = [
  titleColumn(
    "name",
    "adminStaff.col.name",
    (s, card) => (
      <>
        <RecordLink to={`${STAFF_PATH}/${s.id}`} card={card}>
          {s.name}
        </RecordLink>
        <p className="text-xs text-slate-500">
          {s.email}
          {s.title ? <span className="ml-2">{s.title}</span> : null}
        </p>
      </>
    ),
    { sortKey: "name", className: "min-w-48" },
  ),
  { ...personColumn("team", "adminStaff.col.team", (s) => s.team?.name ?? "—"), sortKey: "team" },
  {
    id: "roles",
    header: "adminStaff.col.roles",
    mobile: "meta",
    cell: (s) => (
      <span className="flex flex-wrap gap-1">
        {s.roles.map((r) => (
          <Badge key={r.id} tone="blue">
            {r.name}
          </Badge>
        ))}
      </span>
    ),
  },
  badgeColumn("status", "adminStaff.col.status", (s) => (
    <StaffStatusBadge status={s.status} awayUntil={s.awayUntil} invitationPending={s.invitationPending} />
  )),
  dateColumn("lastSignIn", "adminStaff.col.lastSignIn", (s) => <Moment value={s.lastSignInAt} />, "lastSignIn"),
  dateColumn("created", "adminStaff.col.created", (s) => <Day value={s.createdAt} />, "created"),
];

export const staffScreen = listScreen({
  path: STAFF_PATH,
  kit: staffList,
  heading: { module: "admin" },
  title: "adminStaff.list.title",
  description: "adminStaff.list.description",
  search: { id: "staff-q", label: "adminStaff.list.search", placeholder: "adminStaff.list.searchPlaceholder" },
  selects: [valueSelect("status", "adminStaff.col.status", STAFF_STATUSES, (s) => `adminStaff.status.${s}`)],
  table: {
    columns: staffColumns,
    rowKey: (s) => s.id,
    cardAside: (s) => (
      <StaffStatusBadge status={s.status} awayUntil={s.awayUntil} invitationPending={s.invitationPending} />
    ),
    label: "adminStaff.list.title",
  },
  empty: {
    title: "adminStaff.list.empty",
    description: "adminStaff.list.emptyHint",
    filteredTitle: "adminStaff.list.emptyFiltered",
  },
});
