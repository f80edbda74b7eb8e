import { BadgeCheck, Ban, Layers, PauseCircle, PlayCircle, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { MemberLevel } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { REASON_MAX_LENGTH } from "#app/modules/members/member-admin-shared.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import {
  CheckboxField,
  DateField,
  ErrorList,
  fieldErrors,
  SubmitButton,
  submittedValues,
  TextareaField,
  TextField,
} from "#app/ui/form/index.ts";

// The forms of the member page's 认证与管理 tab. Each takes the failed answer of its own intent
// (if the last submit was refused) to show the field errors and refill what was typed.

type PanelResult = { status: string } | undefined;

/** One moderation action's card: its texts under `memberAdmin.<panel>.title` / `.description`. */
function ModerationPanel({
  panel,
  icon,
  danger,
  children,
}: {
  panel: "verify" | "levelPanel" | "suspend" | "lift" | "terminate";
  icon: LucideIcon;
  danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <SectionCard
      danger={danger}
      icon={icon}
      title={t(`memberAdmin.${panel}.title`)}
      description={t(`memberAdmin.${panel}.description`)}
    >
      {children}
    </SectionCard>
  );
}

/** The reason a suspension or termination needs (kept in the audit trail), refilled after a refusal. */
function ReasonField(props: { id: string; label: string; placeholder?: string; result: PanelResult }) {
  return (
    <TextareaField
      id={props.id}
      name="reason"
      rows={2}
      label={props.label}
      placeholder={props.placeholder}
      defaultValue={submittedValues(props.result)?.reason}
      errors={fieldErrors(props.result).reason}
      maxLength={REASON_MAX_LENGTH}
    />
  );
}

export function VerifyPanel({
  member,
  enabled,
  result,
}: {
  member: { realName: string | null; phone: string | null; realNameVerifiedAt: unknown };
  enabled: boolean;
  result: PanelResult;
}) {
  const { t } = useI18n();
  const errors = fieldErrors(result);
  const values = submittedValues(result);
  return (
    <ModerationPanel panel="verify" icon={BadgeCheck}>
      {!enabled ? (
        <p className="text-sm text-slate-500">{t("memberAdmin.verify.notAvailable")}</p>
      ) : (
        <Form method="post" className="space-y-3" noValidate>
          {member.realNameVerifiedAt ? <p className="text-xs text-slate-500">{t("memberAdmin.verify.again")}</p> : null}
          <TextField
            id="verify-realName"
            name="realName"
            label={t("memberAdmin.field.realName")}
            defaultValue={values?.realName ?? member.realName ?? ""}
            errors={errors.realName}
            maxLength={50}
          />
          <TextField
            id="verify-phone"
            name="phone"
            type="tel"
            label={t("memberAdmin.field.phone")}
            defaultValue={values?.phone ?? member.phone ?? ""}
            errors={errors.phone}
            maxLength={50}
          />
          <SubmitButton intent="verify" variant="secondary">
            {t("memberAdmin.verify.submit")}
          </SubmitButton>
        </Form>
      )}
    </ModerationPanel>
  );
}

export function LevelPanel({ level, result }: { level: MemberLevel; result: PanelResult }) {
  const { t } = useI18n();
  return (
    <ModerationPanel panel="levelPanel" icon={Layers}>
      <Form method="post" className="space-y-3">
        <fieldset className="space-y-2">
          <legend className="sr-only">{t("memberAdmin.field.level")}</legend>
          {Object.values(MemberLevel).map((option) => (
            <label
              key={option}
              className="flex cursor-pointer items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50 has-[:checked]:border-blue-500 has-[:checked]:bg-blue-50/60"
            >
              <input
                type="radio"
                name="level"
                value={option}
                defaultChecked={level === option}
                className="size-4 accent-blue-600"
              />
              <span className="font-medium text-slate-900">{t(`memberAdmin.level.${option}`)}</span>
            </label>
          ))}
        </fieldset>
        <ErrorList errors={fieldErrors(result).level} />
        <SubmitButton intent="level" variant="secondary">
          {t("memberAdmin.levelPanel.submit")}
        </SubmitButton>
      </Form>
    </ModerationPanel>
  );
}

export function SuspendPanel({ nowInput, result }: { nowInput: string; result: PanelResult }) {
  const { t } = useI18n();
  const errors = fieldErrors(result);
  const values = submittedValues(result);
  return (
    <ModerationPanel panel="suspend" icon={PauseCircle}>
      <Form method="post" className="space-y-3" noValidate>
        <ReasonField
          id="suspend-reason"
          label={t("memberAdmin.suspend.reason")}
          placeholder={t("memberAdmin.suspend.reasonPlaceholder")}
          result={result}
        />
        <DateField
          id="suspend-until"
          name="until"
          type="datetime-local"
          min={nowInput}
          label={t("memberAdmin.suspend.until")}
          hint={t("memberAdmin.suspend.untilHint")}
          defaultValue={values?.until}
          errors={errors.until}
        />
        <SubmitButton intent="suspend" variant="secondary">
          <PauseCircle className="size-4" aria-hidden />
          {t("memberAdmin.suspend.submit")}
        </SubmitButton>
      </Form>
    </ModerationPanel>
  );
}

export function LiftPanel() {
  const { t } = useI18n();
  return (
    <ModerationPanel panel="lift" icon={PlayCircle}>
      <Form method="post">
        <SubmitButton intent="lift" variant="secondary">
          {t("memberAdmin.lift.submit")}
        </SubmitButton>
      </Form>
    </ModerationPanel>
  );
}

export function TerminatePanel({ result }: { result: PanelResult }) {
  const { t } = useI18n();
  const errors = fieldErrors(result);
  return (
    <ModerationPanel panel="terminate" icon={Ban} danger>
      <Form method="post" className="space-y-3" noValidate>
        <ReasonField id="terminate-reason" label={t("memberAdmin.terminate.reason")} result={result} />
        <CheckboxField
          id="terminate-confirm"
          name="confirm"
          label={t("memberAdmin.terminate.confirm")}
          errors={errors.confirm}
        />
        <SubmitButton intent="terminate" className="bg-red-600 shadow-red-600/20 hover:bg-red-700 active:bg-red-800">
          <Ban className="size-4" aria-hidden />
          {t("memberAdmin.terminate.submit")}
        </SubmitButton>
      </Form>
    </ModerationPanel>
  );
}
