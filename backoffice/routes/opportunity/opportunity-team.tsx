import { UserPlus, Users } from "lucide-react";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { teamIntents } from "#app/modules/crm/opportunities/opportunity-actions.server.ts";
import { listOpportunityTeam } from "#app/modules/crm/opportunities/opportunity-detail.server.ts";
import { OPPORTUNITY_MEMBER_ROLES } from "#app/modules/crm/opportunities/opportunity-form.ts";
import { activeStaffOptions } from "#app/modules/crm/opportunities/opportunity-links.server.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SelectField } from "#app/ui/form/index.ts";
import { RecordTable } from "#app/ui/records/record-table.tsx";
import {
  loadOpportunityTab,
  opportunityTabAction,
} from "#backoffice/components/opportunities/opportunity-route.server.ts";
import { AddRowCard, RemoveRowButton } from "#backoffice/components/opportunities/row-forms.tsx";
import { useOpportunityRecord } from "#backoffice/components/opportunities/use-opportunity-record.ts";

// The opportunity's 团队 tab: the owner and the staff working on it with their roles (who may open
// or change it is still decided by the opportunities scope, decision 038).

export async function loader(args: LoaderFunctionArgs) {
  return loadOpportunityTab(args, async (database, id) => {
    const [members, staff] = await Promise.all([listOpportunityTeam(database, id), activeStaffOptions(database)]);
    return { members, staff };
  });
}

export async function action(args: ActionFunctionArgs) {
  return opportunityTabAction(args, "team", teamIntents);
}

export default function OpportunityTeamTab() {
  const { members, staff, canModify } = useLoaderData<typeof loader>();
  const { opportunity: o } = useOpportunityRecord();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = fieldErrors(answer);
  const rows = [
    { id: 0, role: null, staff: o.owner },
    ...members.map((m) => ({ id: m.id, role: m.role, staff: m.staff })),
  ];
  return (
    <div className="space-y-6">
      <FailureNotice result={answer} />
      <Card>
        <CardHeader title={t("opportunities.tabs.team")} icon={<Users className="size-4" aria-hidden />} />
        <RecordTable
          caption={t("opportunities.tabs.team")}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { key: "staff", header: t("opportunities.team.staff"), cell: (r) => r.staff.name },
            {
              key: "role",
              header: t("opportunities.team.role"),
              cell: (r) => (r.role ? t(`opportunities.role.${r.role}`) : t("common.owner")),
            },
            canModify && {
              key: "remove",
              header: "",
              cell: (r) =>
                r.role ? <RemoveRowButton intent="member-remove" rowId={r.id} label={r.staff.name} /> : null,
            },
          ]}
        />
        {members.length === 0 ? (
          <p className="px-5 pb-5 text-sm text-slate-400">{t("opportunities.team.none")}</p>
        ) : null}
      </Card>
      {canModify ? (
        <AddRowCard title={t("opportunities.team.add")} icon={UserPlus} intent="member-add">
          <SelectField
            name="staffId"
            label={t("opportunities.team.staff")}
            options={staff.filter((s) => s.id !== o.ownerId).map((s) => ({ value: String(s.id), label: s.name }))}
            errors={errors.staffId}
          />
          <SelectField
            name="role"
            label={t("opportunities.team.role")}
            options={OPPORTUNITY_MEMBER_ROLES.map((r) => ({ value: r, label: t(`opportunities.role.${r}`) }))}
            errors={errors.role}
          />
        </AddRowCard>
      ) : null}
    </div>
  );
}
