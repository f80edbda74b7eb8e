import { ArrowLeftRight } from "lucide-react";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { parseForm, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, respond } from "#app/lib/service-result.ts";
import { countHoldings, HandOverSchema, startHandOver } from "#app/modules/admin/handover.server.ts";
import { HANDOVER_TYPES } from "#app/modules/admin/handover-types.ts";
import { getStaffSummary, handOverCandidates } from "#app/modules/admin/staff-directory.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { CheckboxField, FailureNotice, fieldErrors, SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { BackLink, HANDOVERS_PATH, STAFF_PATH } from "#backoffice/components/admin-staff/staff-ui.tsx";

// 离职移交, step one: what the person holds now (counts per type), to whom it goes (one colleague, or
// one per type), and whether to deactivate the account at once. The job does the rest.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "transfer" });
  const staffId = requireIdParam(params.staffId);
  const staff = await getStaffSummary(db, staffId);
  if (!staff) throw data(null, { status: 404 });
  const [before, candidates] = await Promise.all([countHoldings(db, staffId), handOverCandidates(db, staffId)]);
  return { staff, before, candidates };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "admin", action: "transfer" });
  const staffId = requireIdParam(params.staffId);
  const parsed = await parseForm(request, HandOverSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await startHandOver(db, actor, staffId, parsed.value, { ipAddress: clientIp(context) });
  return respond(result, { successTo: (v) => `${HANDOVERS_PATH}/${v.runId}`, flash: "flash.created" });
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
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium">{t("adminStaff.handover.type")}</th>
                <th className="px-4 py-2 text-right font-medium">{t("adminStaff.handover.before")}</th>
                <th className="px-4 py-2 font-medium">{t("adminStaff.handover.recipient")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {HANDOVER_TYPES.map((type) => (
                <tr key={type} data-type={type}>
                  <th scope="row" className="px-4 py-2 text-left font-normal text-slate-700">
                    {t(`adminStaff.handover.type.${type}`)}
                  </th>
                  <td className="px-4 py-2 text-right tabular-nums" data-testid={`before-${type}`}>
                    {before[type]}
                  </td>
                  <td className="px-4 py-2">
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </SectionCard>
        <SubmitButton>{t("adminStaff.handover.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
