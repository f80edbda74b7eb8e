import { Network, Trash2 } from "lucide-react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { schemaIntents } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { deleteTeam, getTeam, listTeamTree, TeamInputSchema, updateTeam } from "#app/modules/admin/teams.server.ts";
import { FailureNotice, SubmitButton } from "#app/ui/form/index.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { TeamFields } from "#backoffice/components/admin-staff/team-fields.tsx";
import {
  BackLink,
  STAFF_PATH,
  StaffStatusBadge,
  TEAMS_PATH,
  TeamKindBadge,
} from "#backoffice/components/admin-staff/staff-ui.tsx";
import { runRecordIntent, type RecordIntentArgs } from "#backoffice/components/record-action.server.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// One team: rename, re-kind, re-order or move it (a move under its own sub-team is refused), its
// members and sub-teams; an empty team can be deleted.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "admin", action: "browse" }, params.teamId, async (database, _actor, id) => {
    const [team, tree] = await Promise.all([getTeam(database, id), listTeamTree(database)]);
    return team && { team, tree };
  });
}

export const meta = recordMeta<typeof loader>("adminStaff.teams.title", (d) => [
  "adminStaff.detail.metaTitle",
  { name: d.team.name },
]);

const intent = schemaIntents<RecordIntentArgs>((a) => `${TEAMS_PATH}/${a.id}`);

const INTENTS = {
  update: intent(TeamInputSchema, (a, v) => updateTeam(db, a.actor, a.id, v, a.meta)),
  delete: async (a: RecordIntentArgs) =>
    respond(await deleteTeam(db, a.actor, a.id, a.meta), { successTo: TEAMS_PATH, flash: "flash.deleted" }),
};

export async function action(args: ActionFunctionArgs) {
  return runRecordIntent(args, { module: "admin", action: "modify" }, "teamId", INTENTS);
}

export default function TeamDetailPage() {
  const { team, tree } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to={TEAMS_PATH}>{t("adminStaff.teams.back")}</BackLink>
      <PageHeader
        icon={<Network aria-hidden className="size-6" />}
        title={team.name}
        description={
          team.parent ? `${t("adminStaff.teams.parent")}：${team.parent.name}` : t("adminStaff.teams.noParent")
        }
        actions={<TeamKindBadge kind={team.kind} />}
      />
      <FailureNotice result={result} refusalsOnly />
      <div className="grid gap-6 xl:grid-cols-2">
        <SectionCard title={t("common.edit")} labelled>
          <Form method="post" className="space-y-5">
            <TeamFields parents={tree.filter((p) => p.id !== team.id)} defaults={team} result={result} />
            <SubmitButton intent="update">{t("common.save")}</SubmitButton>
          </Form>
        </SectionCard>
        <div className="space-y-6">
          <SectionCard title={t("adminStaff.teams.staff")} labelled>
            {team.staff.length === 0 ? (
              <p className="text-sm text-slate-500">{t("adminStaff.teams.noStaff")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {team.staff.map((s) => (
                  <li key={s.id} className="flex items-center gap-3 py-2">
                    <Link to={`${STAFF_PATH}/${s.id}`} className="font-medium text-blue-700 hover:underline">
                      {s.name}
                    </Link>
                    <span className="text-slate-500">{s.title}</span>
                    <span className="ml-auto">
                      <StaffStatusBadge status={s.status} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
          <SectionCard title={t("adminStaff.teams.subTeams")} labelled>
            <ul className="flex flex-wrap gap-2 text-sm">
              {team.children.map((c) => (
                <li key={c.id}>
                  <Link to={`${TEAMS_PATH}/${c.id}`} className="text-blue-700 hover:underline">
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          </SectionCard>
          <SectionCard
            icon={Trash2}
            title={t("adminStaff.teams.delete")}
            description={t("adminStaff.teams.deleteHint")}
            danger
            labelled
          >
            <Form method="post">
              <SubmitButton intent="delete" variant="danger">
                {t("adminStaff.teams.delete")}
              </SubmitButton>
            </Form>
          </SectionCard>
        </div>
      </div>
    </div>
  );
}
