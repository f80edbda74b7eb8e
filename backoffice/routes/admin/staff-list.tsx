import { UserPlus } from "lucide-react";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listStaff, staffFormOptions } from "#app/modules/admin/staff-directory.server.ts";
import { staffList } from "#app/modules/admin/staff-list-query.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { FilterSelect } from "#app/ui/list/filter-bar.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import { staffScreen } from "#backoffice/components/admin-staff/staff-columns.tsx";
import { STAFF_PATH } from "#backoffice/components/admin-staff/staff-ui.tsx";

// 用户管理: every staff account, filtered by team (with its sub-teams), status and role.

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "admin", action: "browse" });
  const query = staffList.parse(new URL(request.url).searchParams);
  const [list, options, views] = await Promise.all([
    listStaff(db, {
      filters: { q: query.q, status: query.status, teamId: query.team, roleId: query.role },
      sort: { key: query.sort, dir: query.dir },
      page: query.page,
    }),
    staffFormOptions(db),
    loadListViews(db, actor, staffList, query, STAFF_PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, ...options, query, views };
}

export const meta = titleMeta("adminStaff.list.title");

export default function StaffListPage() {
  const { items, total, page, pageCount, teams, roles, query, views } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <ScreenListPage
      screen={staffScreen}
      list={{ rows: items, total, page, pageCount, query, views }}
      actions={
        <ButtonLink to={`${STAFF_PATH}/new`} icon={UserPlus}>
          {t("adminStaff.list.invite")}
        </ButtonLink>
      }
      extraFilters={
        <>
          <FilterSelect
            name="team"
            label={t("adminStaff.list.team")}
            anyLabel={t("adminStaff.list.anyTeam")}
            value={query.team}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
          />
          <FilterSelect
            name="role"
            label={t("adminStaff.list.role")}
            anyLabel={t("adminStaff.list.anyRole")}
            value={query.role}
            options={roles.map((role) => ({ value: role.id, label: role.name }))}
          />
        </>
      }
    />
  );
}
