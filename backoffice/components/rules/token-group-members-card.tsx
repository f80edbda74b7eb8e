import { UserMinus, UserPlus, UsersRound } from "lucide-react";
import { Form, useNavigation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import {
  ConfirmAction,
  errorText,
  Field,
  fieldAria,
  inputClass,
  MoveButtons,
  StaffStatusBadge,
  type UiError,
} from "#backoffice/components/rules-ui.tsx";

// A token group's rotation order: who is next, each member's switch in and out of the rotation, the
// order buttons and removal, and the form that adds someone at the end.

export interface GroupMemberView {
  id: number;
  active: boolean;
  eligible: boolean;
  isNext: boolean;
  staff: { name: string; status: "active" | "away" | "inactive"; team: string | null; title: string | null };
}

export function TokenGroupMembersCard({
  members,
  addable,
  addError: addErrorValue,
}: {
  members: GroupMemberView[];
  addable: Array<{ id: number; name: string; team: string | null }>;
  addError?: UiError;
}) {
  const { t } = useI18n();
  const pending = useNavigation().state !== "idle";
  const addError = errorText(t, addErrorValue);
  const last = members.length - 1;
  return (
    <SectionCard title={t("rules.group.order")} description={t("rules.group.order.description")} flush>
      {members.length === 0 ? (
        <EmptyState
          icon={<UsersRound aria-hidden className="size-5" />}
          title={t("rules.group.empty.title")}
          description={t("rules.group.empty.body")}
        />
      ) : (
        <ol aria-label={t("rules.group.order")} className="divide-y divide-slate-100">
          {members.map((m, index) => (
            <li
              key={m.id}
              data-testid="group-member"
              data-staff={m.staff.name}
              className={cn(
                "flex flex-col gap-3 px-5 py-3.5 sm:flex-row sm:items-center",
                m.isNext && "bg-blue-50/60",
                !m.eligible && "bg-slate-50/50",
              )}
            >
              <div className="flex min-w-0 flex-1 items-center gap-3">
                <span
                  className={cn(
                    "flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-semibold tabular-nums",
                    m.isNext ? "bg-blue-600 text-white" : "bg-slate-100 text-slate-600",
                  )}
                >
                  {index + 1}
                </span>
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className={cn("font-medium", m.eligible ? "text-slate-900" : "text-slate-500")}>
                      {m.staff.name}
                    </span>
                    <StaffStatusBadge status={m.staff.status} />
                    {m.isNext ? <Badge tone="blue">{t("common.next")}</Badge> : null}
                    {!m.active ? <Badge tone="slate">{t("rules.group.paused")}</Badge> : null}
                  </p>
                  <p className="mt-0.5 truncate text-xs text-slate-500">
                    {[m.staff.team, m.staff.title].filter(Boolean).join(" · ") || t("rules.group.noTeam")}
                  </p>
                </div>
              </div>
              <div className="flex shrink-0 flex-wrap items-center gap-1.5 pl-11 sm:pl-0">
                <Form method="post">
                  <input type="hidden" name="intent" value={m.active ? "pause" : "resume"} />
                  <input type="hidden" name="memberId" value={m.id} />
                  <button
                    type="submit"
                    role="switch"
                    aria-checked={m.active}
                    aria-label={t("rules.group.inRotation", { name: m.staff.name })}
                    disabled={pending}
                    className="inline-flex h-8 items-center gap-2 rounded-md px-2 text-sm text-slate-600 hover:bg-slate-100"
                  >
                    <span
                      aria-hidden
                      className={cn(
                        "relative inline-flex h-5 w-9 items-center rounded-full transition-colors",
                        m.active ? "bg-blue-600" : "bg-slate-300",
                      )}
                    >
                      <span
                        className={cn(
                          "absolute size-4 rounded-full bg-white shadow transition-transform",
                          m.active ? "translate-x-4.5" : "translate-x-0.5",
                        )}
                      />
                    </span>
                    <span className="text-xs">{t(m.active ? "rules.group.on" : "rules.group.off")}</span>
                  </button>
                </Form>
                <MoveButtons
                  fields={{ memberId: m.id }}
                  first={index === 0}
                  last={index === last}
                  disabled={pending}
                  labels={{
                    up: t("rules.group.moveUp", { name: m.staff.name }),
                    down: t("rules.group.moveDown", { name: m.staff.name }),
                  }}
                />
                <ConfirmAction
                  variant="ghost"
                  label={<span className="sr-only">{t("rules.group.remove", { name: m.staff.name })}</span>}
                  icon={<UserMinus aria-hidden className="size-4" />}
                  title={t("rules.group.remove.title", { name: m.staff.name })}
                  body={t("rules.group.remove.body")}
                  confirmLabel={t("rules.group.remove.confirm")}
                  fields={{ intent: "remove", memberId: m.id }}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
      <Form
        method="post"

        noValidate
        className="flex flex-col gap-3 border-t border-slate-100 bg-slate-50/50 px-5 py-4 sm:flex-row sm:items-start"
      >
        <input type="hidden" name="intent" value="add" />
        <Field id="add-staff" label={t("rules.group.add.label")} error={addError} className="flex-1">
          <select
            id="add-staff"
            name="staffId"
            defaultValue=""
            disabled={addable.length === 0}
            className={inputClass}
            {...fieldAria("add-staff", addError)}
          >
            <option value="">{addable.length === 0 ? t("rules.group.add.none") : t("rules.group.add.choose")}</option>
            {addable.map((s) => (
              <option key={s.id} value={s.id}>
                {[s.name, s.team].filter(Boolean).join(" · ")}
              </option>
            ))}
          </select>
        </Field>
        <Button type="submit" disabled={addable.length === 0 || pending} className="sm:mt-7">
          <UserPlus aria-hidden className="size-4" />
          {t("rules.group.add.submit")}
        </Button>
      </Form>
    </SectionCard>
  );
}
