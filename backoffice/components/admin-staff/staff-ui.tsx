import type { ReactNode } from "react";
import { Link } from "react-router";
import type { HandOverStatus, StaffStatus, TeamKind } from "#app/generated/prisma/enums.ts";
import { formatMediumDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge, stateBadge, type BadgeTone } from "#app/ui/badge.tsx";
import { bindFields } from "#app/ui/form/field-binder.ts";
import { CheckboxField, fieldErrors, SelectField, submittedValues, TextField } from "#app/ui/form/index.ts";

// Pieces shared by the staff pages of 系统管理 (list, invite, detail, hand-over, teams).

export const ADMIN_PATH = "/crm/admin";
export const STAFF_PATH = "/crm/admin/staff";
export const TEAMS_PATH = "/crm/admin/teams";
export const HANDOVERS_PATH = "/crm/admin/handovers";

const STATUS_TONES: Record<StaffStatus, BadgeTone> = { active: "green", away: "amber", inactive: "slate" };

export function StaffStatusBadge({
  status,
  awayUntil,
  invitationPending,
}: {
  status: StaffStatus;
  awayUntil?: Date | string | null;
  invitationPending?: boolean;
}) {
  const { t, locale } = useI18n();
  if (invitationPending && status !== "inactive") return <Badge tone="blue">{t("adminStaff.status.invited")}</Badge>;
  const label =
    status === "away" && awayUntil
      ? t("adminStaff.status.awayUntil", { date: formatMediumDate(awayUntil, locale) })
      : t(`adminStaff.status.${status}`);
  return (
    <Badge tone={STATUS_TONES[status]} dot>
      {label}
    </Badge>
  );
}

export const HandOverStatusBadge = stateBadge<HandOverStatus>(
  { pending: "slate", running: "blue", done: "green", failed: "red" },
  (s) => `adminStaff.handover.status.${s}`,
  { dot: true },
);

export function TeamKindBadge({ kind }: { kind: TeamKind }) {
  const { t } = useI18n();
  const tone: BadgeTone = kind === "company" ? "violet" : kind === "department" ? "slate" : "blue";
  return <Badge tone={tone}>{t(`adminStaff.team.kind.${kind}`)}</Badge>;
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="text-sm font-medium text-blue-700 hover:underline">
      ← {children}
    </Link>
  );
}

interface ProfileDefaults {
  name?: string;
  email?: string;
  title?: string | null;
  phone?: string | null;
  teamId?: number | null;
  roleIds?: number[];
  locale?: string;
}

/** The profile fields of the invite and edit forms; refilled from a refused submit. */
export function StaffProfileFields({
  teams,
  roles,
  defaults = {},
  result,
}: {
  teams: Array<{ id: number; name: string }>;
  roles: Array<{ id: number; name: string }>;
  defaults?: ProfileDefaults;
  result?: { status: string } | null;
}) {
  const { t } = useI18n();
  const errors = fieldErrors(result);
  const typed = submittedValues(result);
  const roleIds = new Set(defaults.roleIds ?? []);
  // Keeps the plain ids (`#teamId`) the staff pages and their e2e spec use.
  const field = bindFields<"name" | "email" | "title" | "phone" | "teamId">("staff", errors, {
    name: typed?.name ?? defaults.name,
    email: typed?.email ?? defaults.email,
    title: typed?.title ?? defaults.title ?? "",
    phone: typed?.phone ?? defaults.phone ?? "",
    teamId: typed?.teamId ?? (defaults.teamId ? String(defaults.teamId) : ""),
  });
  const bind = (name: Parameters<typeof field>[0]) => field(name, name);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField {...bind("name")} label={t("adminStaff.field.name")} required maxLength={100} />
      <TextField {...bind("email")} type="email" label={t("adminStaff.field.email")} required maxLength={191} />
      <TextField {...bind("title")} label={t("adminStaff.field.title")} optional maxLength={100} />
      <TextField {...bind("phone")} label={t("adminStaff.field.phone")} optional maxLength={50} />
      <SelectField
        {...bind("teamId")}
        label={t("adminStaff.field.team")}
        placeholder={t("adminStaff.field.noTeam")}
        options={teams.map((team) => ({ value: String(team.id), label: team.name }))}
      />
      <SelectField
        name="locale"
        label={t("adminStaff.field.locale")}
        defaultValue={defaults.locale ?? "zh-CN"}
        options={[
          { value: "zh-CN", label: "简体中文" },
          { value: "en", label: "English" },
        ]}
      />
      <fieldset className="sm:col-span-2">
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("adminStaff.field.roles")}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {roles.map((role) => (
            <CheckboxField
              key={role.id}
              id={`role-${role.id}`}
              name="roleIds"
              value={String(role.id)}
              label={role.name}
              defaultChecked={roleIds.has(role.id)}
            />
          ))}
        </div>
        {errors.roleIds ? (
          <p className="mt-1 text-sm text-red-600">{errors.roleIds.map((k) => t(k)).join(" ")}</p>
        ) : null}
      </fieldset>
    </div>
  );
}
