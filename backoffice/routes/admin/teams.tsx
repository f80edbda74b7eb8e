import { Network, Plus } from "lucide-react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { createTeam, listTeamTree, TeamInputSchema } from "#app/modules/admin/teams.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { FailureNotice, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { ModulePageHeader } from "#backoffice/components/module-page-header.tsx";
import { TeamFields } from "#backoffice/components/admin-staff/team-fields.tsx";
import { TEAMS_PATH, TeamKindBadge } from "#backoffice/components/admin-staff/staff-ui.tsx";
import { runFormAction } from "#backoffice/components/record-action.server.ts";

// 团队管理: the hierarchy (company → branches / offices → departments) as an indented tree, and a
// form for a new team. Moving a team is an edit on its own page (with the cycle check).

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  return { tree: await listTeamTree(db) };
}

export async function action(args: ActionFunctionArgs) {
  return runFormAction(args, { module: "admin", action: "add" }, TeamInputSchema, createTeam, {
    successTo: TEAMS_PATH,
    flash: "flash.created",
  });
}

export const meta = titleMeta("adminStaff.teams.title");

export default function TeamsPage() {
  const { tree } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <ModulePageHeader
        module="admin"
        title={t("adminStaff.teams.title")}
        description={t("adminStaff.teams.description")}
      />
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <SectionCard icon={Network} title={t("adminStaff.teams.title")} labelled flush>
          {tree.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-500">{t("adminStaff.teams.empty")}</p>
          ) : (
            <ul role="tree" aria-label={t("adminStaff.teams.title")} className="divide-y divide-slate-100">
              {tree.map((team) => (
                <li
                  key={team.id}
                  role="treeitem"
                  aria-level={team.depth + 1}
                  aria-selected={false}
                  className="flex items-center gap-3 py-2.5 pr-5 text-sm"
                  style={{ paddingLeft: `${1.25 + team.depth * 1.5}rem` }}
                >
                  <Link
                    to={`${TEAMS_PATH}/${team.id}`}
                    className="font-medium text-slate-900 hover:text-blue-700 hover:underline"
                  >
                    {team.name}
                  </Link>
                  <TeamKindBadge kind={team.kind} />
                  <span className="ml-auto text-slate-500 tabular-nums">
                    {t("adminStaff.teams.members", { count: team.staffCount })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </SectionCard>
        <SectionCard icon={Plus} title={t("adminStaff.teams.new")} labelled>
          <Form method="post" className="space-y-5">
            <FailureNotice result={result} />
            <TeamFields parents={tree} result={result} />
            <SubmitButton>{t("adminStaff.teams.new")}</SubmitButton>
          </Form>
        </SectionCard>
      </div>
    </div>
  );
}
