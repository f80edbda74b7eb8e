import { Star } from "lucide-react";
import { Form, Link } from "react-router";
import { formatMoment } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { SERVICE_PRIORITIES } from "#app/modules/service/service-constants.ts";
import type { ServiceRequestWorkspace } from "#app/modules/service/service-workspace.server.ts";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { Field, inputClass, singleLineClass, SubmitButton } from "#app/ui/form/index.ts";
import { FactList } from "#app/ui/records/fact-list.tsx";

// The side column of a service request: moving its status, assigning it, its priority, and the
// service facts (due time, first response, contract, the customer's rating).

type Workspace = ServiceRequestWorkspace;
type Option = { value: string; label: string; disabled?: boolean };

/** A select and its save button on one line, posting `intent`. */
function InlineSelect({
  intent,
  name,
  label,
  options,
  defaultValue,
  submit,
  errors,
}: {
  intent: string;
  name: string;
  label: string;
  options: Option[];
  defaultValue: string;
  submit: string;
  errors: FieldErrors;
}) {
  return (
    <Form method="post">
      <Field name={name} label={label} errors={errors[name]}>
        {(control) => (
          <div className="flex gap-2">
            <select {...control} defaultValue={defaultValue} className={cn(inputClass, singleLineClass, "flex-1 pr-8")}>
              {options.map((o) => (
                <option key={o.value} value={o.value} disabled={o.disabled}>
                  {o.label}
                </option>
              ))}
            </select>
            <SubmitButton intent={intent} variant="secondary" size="sm" className="h-10">
              {submit}
            </SubmitButton>
          </div>
        )}
      </Field>
    </Form>
  );
}

export function RequestControls({
  item,
  transitions,
  assignees,
  errorsFor,
}: {
  item: Pick<Workspace["item"], "priority" | "assignee">;
  transitions: Workspace["transitions"];
  assignees: Workspace["assignees"];
  errorsFor: (intent: string) => FieldErrors;
}) {
  const { t } = useI18n();
  return (
    <Card className="space-y-4 p-4">
      {transitions.length === 0 ? (
        <p className="text-xs text-slate-500">{t("service.staff.closedFinal")}</p>
      ) : (
        <InlineSelect
          intent="status"
          name="status"
          label={t("service.staff.moveTo")}
          defaultValue={transitions[0] ?? ""}
          options={transitions.map((s) => ({ value: s, label: t(`service.status.${s}`) }))}
          submit={t("service.staff.save")}
          errors={errorsFor("status")}
        />
      )}
      <InlineSelect
        intent="assign"
        name="assigneeId"
        label={t("service.staff.assignTo")}
        defaultValue={item.assignee ? String(item.assignee.id) : ""}
        options={[
          { value: "", label: t("service.detail.unassigned"), disabled: true },
          ...assignees.map((s) => ({ value: String(s.id), label: s.name })),
        ]}
        submit={t("service.staff.assign")}
        errors={errorsFor("assign")}
      />
      <InlineSelect
        intent="priority"
        name="priority"
        label={t("service.staff.priority")}
        defaultValue={item.priority}
        options={SERVICE_PRIORITIES.map((p) => ({ value: p, label: t(`service.priority.${p}`) }))}
        submit={t("service.staff.save")}
        errors={errorsFor("priority")}
      />
    </Card>
  );
}

export function RequestFacts({
  item,
}: {
  item: Pick<
    Workspace["item"],
    "dueAt" | "firstResponseAt" | "resolutionDueAt" | "pausedMinutes" | "contract" | "rating" | "ratingComment"
  >;
}) {
  const { t, locale } = useI18n();
  // The due time as set at receipt, moved by the time spent waiting for the customer so far.
  const resolutionDue = item.resolutionDueAt
    ? new Date(new Date(item.resolutionDueAt).getTime() + item.pausedMinutes * 60_000)
    : null;
  return (
    <Card className="p-4 text-sm">
      <FactList
        labelWidth="5.5rem"
        facts={[
          { label: t("service.staff.due"), value: item.dueAt ? formatMoment(item.dueAt, locale) : null },
          {
            label: t("service.staff.firstResponse"),
            value: item.firstResponseAt ? formatMoment(item.firstResponseAt, locale) : null,
          },
          {
            label: t("service.resolution.label"),
            value: resolutionDue
              ? `${formatMoment(resolutionDue, locale)}${
                  item.pausedMinutes > 0
                    ? ` · ${t("service.resolution.pausedTotal", { minutes: item.pausedMinutes })}`
                    : ""
                }`
              : null,
          },
          {
            label: t("service.staff.contract"),
            value: item.contract ? (
              <Link to={`/crm/service-contracts/${item.contract.id}`} className="text-blue-700 hover:underline">
                {item.contract.name} · {t(`service.mode.${item.contract.responseMode}`)} ·{" "}
                {t(`service.time.${item.contract.responseTime}`)}
              </Link>
            ) : (
              t("service.staff.noContract")
            ),
          },
          {
            label: t("service.staff.rating"),
            value: item.rating ? (
              <span className="inline-flex items-center gap-1">
                <Star aria-hidden className="size-3.5 fill-amber-400 text-amber-400" />
                {item.rating}
                {item.ratingComment ? <span className="text-slate-500">· {item.ratingComment}</span> : null}
              </span>
            ) : (
              t("service.staff.notRated")
            ),
          },
        ]}
      />
    </Card>
  );
}
