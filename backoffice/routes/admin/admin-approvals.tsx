import { BellRing, ClipboardCheck, Pencil } from "lucide-react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, respond } from "#app/lib/service-result.ts";
import {
  approverChoices,
  flowInputFromForm,
  listApprovalFlows,
  saveApprovalFlow,
  type FlowView,
} from "#app/modules/approvals/approval-flows.server.ts";
import {
  getReminderHours,
  ReminderHoursForm,
  setReminderHours,
} from "#app/modules/approvals/approval-reminders.server.ts";
import {
  APPROVAL_STEP_MODES,
  isApprovalItemType,
  MAX_STEPS,
  type ApprovalItemType,
} from "#app/modules/approvals/approval-types.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { CheckboxField, ErrorList, FailureNotice, fieldErrors, inputClass, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { NumberSettingCard } from "#backoffice/components/admin/number-setting-card.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { runPageIntent, type PageIntentArgs } from "#backoffice/components/record-action.server.ts";

// 审核流程 (/crm/admin/approvals): one flow per item type. The list shows each flow's steps; `?type=`
// opens the editor for one type: its steps plus one empty step to add (a step with no approver is
// dropped on save), so the editor works without JavaScript.

const PATH = "/crm/admin/approvals";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  const type = new URL(request.url).searchParams.get("type") ?? "";
  const [flows, choices, reminderHours] = await Promise.all([
    listApprovalFlows(db),
    approverChoices(db),
    getReminderHours(db),
  ]);
  return { flows, choices, reminderHours, editing: isApprovalItemType(type) ? type : null };
}

async function save({ actor, form: formData }: PageIntentArgs) {
  const result = await saveApprovalFlow(db, actor, flowInputFromForm(formData));
  if (result.status !== "ok") return fail(result);
  return respond(result, { successTo: PATH, flash: "flash.saved" });
}

async function reminders({ actor, form: formData }: PageIntentArgs) {
  const parsed = await parseForm(formData, ReminderHoursForm);
  if (parsed.status !== "ok") return fail(parsed);
  return respond(await setReminderHours(db, actor, parsed.value.reminderHours), {
    successTo: PATH,
    flash: "flash.saved",
  });
}

export async function action(args: ActionFunctionArgs) {
  return runPageIntent(args, { module: "admin", action: "modify" }, { save, reminders });
}

export const meta = titleMeta("adminSystem.approvals.title");

export default function AdminApprovalsPage() {
  const { flows, choices, reminderHours, editing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to="/crm/admin">{t("adminStaff.home.title")}</BackLink>
      <PageHeader
        title={t("adminSystem.approvals.title")}
        description={t("adminSystem.approvals.intro")}
        icon={<ClipboardCheck className="size-6" aria-hidden />}
      />
      <FailureNotice result={result} refusalsOnly />
      <ul className="grid gap-4 lg:grid-cols-2">
        {flows.map((flow) => (
          <li key={flow.itemType} className={cn(editing === flow.itemType && "lg:col-span-2")}>
            {editing === flow.itemType ? (
              <FlowEditor flow={flow} choices={choices} errors={fieldErrors(result).steps} />
            ) : (
              <FlowSummary flow={flow} />
            )}
          </li>
        ))}
      </ul>
      <NumberSettingCard
        icon={BellRing}
        title={t("adminSystem.approvals.reminderHours")}
        name="reminderHours"
        max={720}
        label={t("adminSystem.approvals.reminderHours")}
        hint={t("adminSystem.approvals.reminderHoursHelp")}
        value={reminderHours}
        errors={fieldErrors(result).reminderHours}
        intent="reminders"
        saveLabel={t("common.save")}
      />
    </div>
  );
}

function FlowSummary({ flow }: { flow: FlowView }) {
  const { t } = useI18n();
  return (
    <Card className="h-full">
      <CardHeader
        title={t(`adminSystem.approvals.itemType.${flow.itemType}`)}
        description={flow.active ? undefined : t("adminSystem.approvals.inactive")}
        action={
          <Link
            to={`${PATH}?type=${flow.itemType}`}
            className="inline-flex items-center gap-1 text-sm font-medium text-blue-700 hover:underline"
          >
            <Pencil aria-hidden className="size-3.5" />
            {t("common.edit")}
          </Link>
        }
      />
      <CardBody className="space-y-2 text-sm">
        {flow.steps.length === 0 ? (
          <p className="text-slate-500">{t("adminSystem.approvals.noSteps")}</p>
        ) : (
          <ol className="space-y-2">
            {flow.steps.map((s, i) => (
              <li key={i} className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-800">{t("adminSystem.approvals.step", { n: i + 1 })}</span>
                <Badge tone={s.mode === "and" ? "blue" : "violet"}>{t(`adminSystem.approvals.mode.${s.mode}`)}</Badge>
                <span className="text-slate-600">{[...s.staffNames, ...s.roleNames].join("、")}</span>
              </li>
            ))}
          </ol>
        )}
        {flow.pendingCount > 0 ? (
          <p className="text-amber-700">{t("adminSystem.approvals.pendingCount", { count: flow.pendingCount })}</p>
        ) : null}
      </CardBody>
    </Card>
  );
}

function FlowEditor({
  flow,
  choices,
  errors,
}: {
  flow: FlowView;
  choices: { staff: Array<{ id: number; name: string }>; roles: Array<{ id: number; name: string }> };
  errors: ReturnType<typeof fieldErrors>[string];
}) {
  const { t } = useI18n();
  const slots = [...flow.steps, null].slice(0, MAX_STEPS);
  return (
    <Card>
      <CardHeader title={t(`adminSystem.approvals.itemType.${flow.itemType as ApprovalItemType}`)} />
      <Form method="post">
        <input type="hidden" name="itemType" value={flow.itemType} />
        <CardBody className="space-y-4">
          <CheckboxField name="active" label={t("adminSystem.approvals.active")} defaultChecked={flow.active} />
          <ErrorList id="steps-error" errors={errors} />
          <ol className="space-y-4">
            {slots.map((step, i) => (
              <li key={i} className="rounded-lg border border-slate-200 p-4">
                <fieldset className="grid gap-3 md:grid-cols-[12rem_1fr_1fr]">
                  <legend className="mb-2 text-sm font-semibold text-slate-800">
                    {step ? t("adminSystem.approvals.step", { n: i + 1 }) : t("adminSystem.approvals.addStep")}
                  </legend>
                  <div>
                    <label htmlFor={`steps.${i}.mode`} className="block text-sm font-medium text-slate-700">
                      {t("adminSystem.approvals.step", { n: i + 1 })}
                    </label>
                    <select
                      id={`steps.${i}.mode`}
                      name={`steps.${i}.mode`}
                      defaultValue={step?.mode ?? "and"}
                      className={cn(inputClass, "mt-1")}
                    >
                      {APPROVAL_STEP_MODES.map((m) => (
                        <option key={m} value={m}>
                          {t(`adminSystem.approvals.mode.${m}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <Picker
                    id={`steps.${i}.staffIds`}
                    label={t("adminSystem.approvals.approverStaff")}
                    options={choices.staff}
                    selected={step?.staffIds ?? []}
                  />
                  <Picker
                    id={`steps.${i}.roleIds`}
                    label={t("adminSystem.approvals.approverRoles")}
                    options={choices.roles}
                    selected={step?.roleIds ?? []}
                  />
                </fieldset>
              </li>
            ))}
          </ol>
        </CardBody>
        <div className="flex justify-end gap-3 border-t border-slate-100 px-5 py-4">
          <Link to={PATH} className="px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900">
            {t("common.cancel")}
          </Link>
          <SubmitButton intent="save" pendingLabel={t("common.saving")}>
            {t("common.save")}
          </SubmitButton>
        </div>
      </Form>
    </Card>
  );
}

/** A multiple select (Ctrl/⌘-click); empty means "nobody" and removes the step on save. */
function Picker({
  id,
  label,
  options,
  selected,
}: {
  id: string;
  label: string;
  options: Array<{ id: number; name: string }>;
  selected: number[];
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        name={id}
        multiple
        size={Math.min(6, Math.max(3, options.length))}
        defaultValue={selected.map(String)}
        className={cn(inputClass, "mt-1")}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/admin" backLabel="adminStaff.home.title" />;
}
