import { Save, UserMinus, UserPlus, UsersRound } from "lucide-react";
import { Form, useNavigation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Button } from "#app/ui/button.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { MatrixHead } from "#app/ui/records/matrix-head.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { RIGHT_LABELS, RIGHTS, type Right } from "#backoffice/components/distribution-ui.tsx";
import {
  errorText,
  Field,
  fieldAria,
  inputClass,
  StaffStatusBadge,
  type UiError,
} from "#backoffice/components/rules-ui.tsx";

// The salespeople a distribution rule hands leads to, each with the field groups they may edit: the
// rights table (saved together), removal, and the form that adds someone with their rights.

type Status = "active" | "away" | "inactive";

export type RuleAssigneeView = Record<Right, boolean> & {
  staffId: number;
  name: string;
  status: Status;
  title: string | null;
  teamName: string | null;
};

export function RuleAssigneesCard({
  assignees,
  choices,
  addError: addErrorValue,
}: {
  assignees: RuleAssigneeView[];
  choices: Array<{ id: number; name: string; teamName: string | null; status: Status }>;
  addError?: UiError;
}) {
  const { t } = useI18n();
  const busy = useNavigation().state !== "idle";
  const addError = errorText(t, addErrorValue);
  return (
    <SectionCard
      icon={UsersRound}
      title={t("distribution.assignees.title")}
      description={t("distribution.assignees.description")}
      flush
    >
      {assignees.length === 0 ? (
        <EmptyState
          icon={<UsersRound aria-hidden className="size-5" />}
          title={t("distribution.assignees.empty.title")}
          description={t("distribution.assignees.empty.body")}
        />
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="rights" />
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <MatrixHead
                className="border-b border-slate-100 bg-slate-50/60"
                rowHeader={t("distribution.assignees.col.person")}
                columns={RIGHTS.map((r) => ({ key: r, label: t(RIGHT_LABELS[r]) }))}
                firstPad="py-2.5 pr-3 pl-5"
                cellPad="px-3 py-2.5"
                trailing={
                  <th scope="col" className="py-2.5 pr-5 pl-3">
                    <span className="sr-only">{t("common.actions")}</span>
                  </th>
                }
              />
              <tbody className="divide-y divide-slate-100">
                {assignees.map((a) => (
                  <tr key={a.staffId}>
                    <td className="py-3 pr-3 pl-5">
                      <input type="hidden" name="staffId" value={a.staffId} />
                      <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                        {a.name}
                        {a.status !== "active" ? <StaffStatusBadge status={a.status} /> : null}
                      </p>
                      <p className="text-xs text-slate-500">
                        {[a.title, a.teamName].filter(Boolean).join(" · ") || "—"}
                      </p>
                    </td>
                    {RIGHTS.map((r) => (
                      <td key={r} className="px-3 py-3 text-center">
                        <input
                          type="checkbox"
                          name={`${r}_${a.staffId}`}
                          defaultChecked={a[r]}
                          aria-label={t("distribution.assignees.rightFor", {
                            right: t(RIGHT_LABELS[r]),
                            name: a.name,
                          })}
                          className="size-4"
                        />
                      </td>
                    ))}
                    <td className="py-3 pr-5 pl-3 text-right">
                      <Button
                        type="submit"
                        form={`remove-${a.staffId}`}
                        variant="ghost"
                        size="sm"
                        disabled={busy}
                        aria-label={t("common.removeNamed", { name: a.name })}
                        title={t("common.removeNamed", { name: a.name })}
                      >
                        <UserMinus aria-hidden className="size-4" />
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3">
            <p className="text-xs text-slate-500">{t("distribution.assignees.rightsHint")}</p>
            <Button type="submit" size="sm" disabled={busy}>
              <Save aria-hidden className="size-4" />
              {t("distribution.assignees.save")}
            </Button>
          </div>
        </Form>
      )}
      {assignees.map((a) => (
        <Form key={a.staffId} method="post" id={`remove-${a.staffId}`} hidden>
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="staffId" value={a.staffId} />
        </Form>
      ))}
      <Form method="post" noValidate className="space-y-3 border-t border-slate-100 bg-slate-50/50 px-5 py-4">
        <input type="hidden" name="intent" value="add" />
        <Field id="add-staff" label={t("distribution.assignees.add")} error={addError}>
          <select
            id="add-staff"
            name="staffId"
            defaultValue=""
            className={inputClass}
            {...fieldAria("add-staff", addError)}
          >
            <option value="">{t("distribution.assignees.choose")}</option>
            {choices.map((s) => (
              <option key={s.id} value={s.id}>
                {[s.name, s.teamName, s.status === "away" ? t("rules.staffStatus.away") : null]
                  .filter(Boolean)
                  .join(" · ")}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="flex flex-wrap gap-x-4 gap-y-2">
          <legend className="mb-1.5 text-xs font-medium text-slate-600">{t("distribution.assignees.mayEdit")}</legend>
          {RIGHTS.map((r) => (
            <label key={r} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
              <input type="checkbox" name={r} className="size-4" />
              {t(RIGHT_LABELS[r])}
            </label>
          ))}
        </fieldset>
        <Button type="submit" variant="secondary" size="sm" disabled={busy}>
          <UserPlus aria-hidden className="size-4" />
          {t("common.add")}
        </Button>
      </Form>
    </SectionCard>
  );
}
