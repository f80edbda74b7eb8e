import { ArrowLeftRight } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { countHoldings, HandOverSchema, startHandOver } from "#app/modules/admin/handover.server.ts";
import { getStaffSummary, handOverCandidates } from "#app/modules/admin/staff-directory.server.ts";
import { CheckboxField, FailureNotice, fieldErrors, SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { HandOverTable } from "#backoffice/components/admin-staff/handover-report.tsx";
import { BackLink, HANDOVERS_PATH, STAFF_PATH } from "#backoffice/components/admin-staff/staff-ui.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { runFormAction } from "#backoffice/components/record-action.server.ts";

// 离职移交, step one: what the person holds now (counts per type), to whom it goes (one colleague, or
// one per type), and whether to deactivate the account at once. The job does the rest.

const POLICY = { module: "admin", action: "transfer" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, POLICY, params.staffId, async (database, _actor, id) => {
    const staff = await getStaffSummary(database, id);
    if (!staff) return null;
    const [before, candidates] = await Promise.all([countHoldings(database, id), handOverCandidates(database, id)]);
    return { staff, before, candidates };
  });
}

export async function action(args: ActionFunctionArgs) {
  return runFormAction(
    args,
    POLICY,
    HandOverSchema,
    (database, actor, value, meta) => startHandOver(database, actor, requireIdParam(args.params.staffId), value, meta),
    { successTo: (v) => `${HANDOVERS_PATH}/${v.runId}`, flash: "flash.created" },
  );
}

export const meta = titleMeta("adminStaff.handover.title");

export default function StaffHandOverPage() {
  const { staff, before, candidates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const options = candidates.map((c) => ({
    value: String(c.id),
    label: c.team ? `${c.name}（${c.team.name}）` : c.name,
  }));
  const errors = fieldErrors(result);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <BackLink to={`${STAFF_PATH}/${staff.id}`}>{staff.name}</BackLink>
      <PageHeader
        icon={<ArrowLeftRight aria-hidden className="size-6" />}
        title={`${t("adminStaff.handover.title")}：${staff.name}`}
        description={t("adminStaff.handover.description")}
      />
      <FailureNotice result={result} />
      <Form method="post" className="space-y-6">
        <SectionCard title={t("adminStaff.handover.to")} labelled>
          <SelectField
            name="toStaffId"
            label={t("adminStaff.handover.to")}
            placeholder="—"
            options={options}
            errors={errors.toStaffId}
            required
          />
          <CheckboxField
            name="deactivate"
            label={t("adminStaff.handover.deactivate")}
            defaultChecked={staff.status !== "inactive"}
            className="mt-4"
          />
        </SectionCard>
        <SectionCard
          title={t("adminStaff.handover.before")}
          description={t("adminStaff.handover.splitHint")}
          labelled
          flush
        >
          <HandOverTable
            columns={[
              { key: "before", header: t("adminStaff.handover.before"), count: true, cell: (type) => before[type] },
              {
                key: "recipient",
                header: t("adminStaff.handover.recipient"),
                cell: (type) => (
                  <select
                    name={`to_${type}`}
                    aria-label={`${t("adminStaff.handover.recipient")}：${t(`adminStaff.handover.type.${type}`)}`}
                    className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                    defaultValue=""
                  >
                    <option value="">{t("adminStaff.handover.sameAsDefault")}</option>
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ),
              },
            ]}
          />
        </SectionCard>
        <SubmitButton>{t("adminStaff.handover.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
