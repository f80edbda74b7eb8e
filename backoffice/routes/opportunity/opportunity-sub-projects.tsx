import { FolderKanban, Plus } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { subProjectIntents } from "#app/modules/crm/opportunities/opportunity-actions.server.ts";
import { listOpportunitySubProjects } from "#app/modules/crm/opportunities/opportunity-detail.server.ts";
import { SUB_PROJECT_STATUSES } from "#app/modules/crm/opportunities/opportunity-form.ts";
import { activeStaffOptions } from "#app/modules/crm/opportunities/opportunity-links.server.ts";
import { sumMoney } from "#app/modules/crm/opportunities/opportunity-money.ts";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import {
  DateField,
  FailureNotice,
  fieldErrors,
  MoneyField,
  SelectField,
  SubmitButton,
  TextField,
} from "#app/ui/form/index.ts";
import {
  loadOpportunityTab,
  opportunityTabAction,
} from "#backoffice/components/opportunities/opportunity-route.server.ts";
import { RemoveRowButton } from "#backoffice/components/opportunities/row-forms.tsx";

// The opportunity's 分解项目 tab (seed 000 §2.L.4, L533-535): sub-projects under an approved
// opportunity, each run by a project manager who records actual hours and consumables. The manager
// may save progress on their own sub-project even without the right to change the opportunity.

export async function loader(args: LoaderFunctionArgs) {
  return loadOpportunityTab(args, async (database, id, actor) => {
    const [subProjects, staff] = await Promise.all([
      listOpportunitySubProjects(database, id),
      activeStaffOptions(database),
    ]);
    return { subProjects, staff, me: actor.staffId };
  });
}

export async function action(args: ActionFunctionArgs) {
  return opportunityTabAction(args, "sub-projects", subProjectIntents);
}

type Data = Awaited<ReturnType<typeof loader>>;
type SubProject = Data["subProjects"][number];

export default function OpportunitySubProjectsTab() {
  const { subProjects, staff, canModify, me } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const errors = fieldErrors(answer);
  const hours = sumMoney(subProjects.map((s) => s.actualHours));
  const cost = sumMoney(subProjects.map((s) => s.consumablesCost));
  return (
    <div className="space-y-6">
      <FailureNotice result={answer} />
      {subProjects.length === 0 ? (
        <Card>
          <CardBody>
            <p className="text-sm text-slate-400">{t("opportunities.sub.none")}</p>
          </CardBody>
        </Card>
      ) : (
        <p className="text-sm text-slate-600">
          {t("opportunities.sub.total", { hours, cost: formatMoney(cost, locale) })}
        </p>
      )}
      {subProjects.map((s) => (
        <Card key={s.id}>
          <CardHeader
            title={s.name}
            icon={<FolderKanban className="size-4" aria-hidden />}
            action={canModify ? <RemoveRowButton intent="sub-remove" rowId={s.id} label={s.name} /> : undefined}
          />
          <CardBody>
            <SubProjectForm
              row={s}
              staff={staff}
              errors={{}}
              planEditable={canModify}
              readOnly={!canModify && s.managerId !== me}
            />
          </CardBody>
        </Card>
      ))}
      {canModify ? (
        <Card>
          <CardHeader title={t("opportunities.sub.add")} icon={<Plus className="size-4" aria-hidden />} />
          <CardBody>
            <SubProjectForm row={null} staff={staff} errors={errors} planEditable readOnly={false} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

function SubProjectForm({
  row,
  staff,
  errors,
  planEditable,
  readOnly,
}: {
  row: SubProject | null;
  staff: Data["staff"];
  errors: FieldErrors;
  planEditable: boolean;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const lockPlan = !planEditable || readOnly;
  return (
    <Form method="post" className="grid gap-4 sm:grid-cols-3" noValidate>
      {row ? <input type="hidden" name="rowId" value={row.id} /> : null}
      <TextField
        name="name"
        label={t("opportunities.sub.name")}
        defaultValue={row?.name ?? ""}
        readOnly={lockPlan}
        maxLength={200}
        errors={errors.name}
      />
      {lockPlan ? (
        <>
          <input type="hidden" name="managerId" value={row?.managerId ?? ""} />
          <TextField
            name="managerName"
            label={t("opportunities.sub.manager")}
            defaultValue={row?.manager?.name ?? "—"}
            readOnly
          />
        </>
      ) : (
        <SelectField
          name="managerId"
          label={t("opportunities.sub.manager")}
          defaultValue={row?.managerId ?? ""}
          placeholder={t("common.none")}
          options={staff.map((s) => ({ value: String(s.id), label: s.name }))}
          errors={errors.managerId}
        />
      )}
      <SelectField
        name="status"
        label={t("opportunities.sub.status")}
        defaultValue={row?.status ?? "planned"}
        disabled={readOnly}
        options={SUB_PROJECT_STATUSES.map((v) => ({ value: v, label: t(`opportunities.subStatus.${v}`) }))}
      />
      <DateField
        name="startDate"
        label={t("opportunities.sub.start")}
        defaultValue={row?.startDate ?? null}
        readOnly={lockPlan}
        errors={errors.startDate}
      />
      <DateField
        name="endDate"
        label={t("opportunities.sub.end")}
        defaultValue={row?.endDate ?? null}
        readOnly={lockPlan}
        errors={errors.endDate}
      />
      <TextField
        name="actualHours"
        label={t("opportunities.sub.hours")}
        defaultValue={row?.actualHours ?? "0"}
        inputMode="decimal"
        readOnly={readOnly}
        errors={errors.actualHours}
      />
      <TextField
        name="consumables"
        label={t("opportunities.sub.consumables")}
        defaultValue={row?.consumables ?? ""}
        readOnly={readOnly}
        maxLength={1000}
        className="sm:col-span-2"
      />
      <MoneyField
        name="consumablesCost"
        label={t("opportunities.sub.consumablesCost")}
        defaultValue={row?.consumablesCost ?? null}
        readOnly={readOnly}
        errors={errors.consumablesCost}
      />
      {readOnly ? null : (
        <div className="sm:col-span-3">
          <SubmitButton intent="sub-save" variant={row ? "secondary" : "primary"}>
            {row ? t("opportunities.sub.save") : t("opportunities.sub.add")}
          </SubmitButton>
        </div>
      )}
    </Form>
  );
}
