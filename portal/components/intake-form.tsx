import { Building2, CircleUserRound, Send, ShieldCheck, type LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { FieldErrors } from "#app/lib/service-result.ts";
import {
  COMPANY_FIELDS,
  CONTACT_FIELDS,
  HONEYPOT_FIELD,
  PROVINCES,
  SUBMISSION_ID_FIELD,
  type FormValues,
} from "#app/modules/leads/intake/portal-form-fields.ts";
import { ErrorList, SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";
import { IconChip } from "#portal/components/icon-chip.tsx";

// The form parts of the portal's three intake pages (来宾登记, 在线需求, 产品订购): titled sections,
// the contact and company sections, the free-text section, hidden fields and the submit bar. Fields
// come from the form kit; their names are submission paths ("contact.email").

export type IntakeErrors = FieldErrors;

export function FormSection({
  icon: Icon,
  title,
  hint,
  errors,
  optional = false,
  children,
}: {
  icon: LucideIcon;
  title: string;
  hint?: string;
  /** Errors about the section as a whole (e.g. the 联系人@单位 rule). */
  errors?: readonly MessageKey[];
  /** Marks the whole section as optional (for one-field sections whose field label is hidden). */
  optional?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="border-t border-slate-100 px-5 py-6 first-of-type:border-t-0 sm:px-7">
      <legend className="sr-only">{title}</legend>
      <div className="flex items-start gap-3">
        <IconChip
          icon={Icon}
          className="size-9 rounded-lg bg-blue-50 text-blue-600 ring-1 ring-blue-100"
          iconClassName="size-[18px]"
        />
        <div className="min-w-0 flex-1">
          <h2 aria-hidden className="flex items-baseline justify-between gap-2 text-base font-semibold text-slate-900">
            {title}
            {optional ? <span className="text-xs font-normal text-slate-500">{t("form.optional")}</span> : null}
          </h2>
          {hint ? <p className="mt-0.5 text-sm text-slate-500">{hint}</p> : null}
        </div>
      </div>
      {errors && errors.length > 0 ? (
        <div role="alert" className="mt-4 rounded-lg bg-red-50 px-3 py-2.5 ring-1 ring-red-200">
          <ErrorList errors={errors} className="text-red-800" />
        </div>
      ) : null}
      <div className="mt-5">{children}</div>
    </fieldset>
  );
}

type InputHints = Omit<ComponentProps<"input">, "name" | "id" | "className">;

const CONTACT_INPUTS: Record<(typeof CONTACT_FIELDS)[number], InputHints> = {
  name: { autoComplete: "name", maxLength: 100 },
  title: { autoComplete: "organization-title", maxLength: 100 },
  email: { type: "email", autoComplete: "email", inputMode: "email", maxLength: 191 },
  mobile: { type: "tel", autoComplete: "tel", inputMode: "tel", maxLength: 50 },
  phone: { type: "tel", autoComplete: "work tel", inputMode: "tel", maxLength: 50 },
};

const COMPANY_INPUTS: Record<(typeof COMPANY_FIELDS)[number], InputHints> = {
  name: { autoComplete: "organization", maxLength: 200 },
  province: { autoComplete: "address-level1", maxLength: 50, list: "intake-provinces" },
  city: { autoComplete: "address-level2", maxLength: 50 },
  address: { autoComplete: "street-address", maxLength: 255 },
};

/** The text inputs of one group ("contact.*" or "company.*"), two to a row; `wide` ones take a row. */
function GroupFields<Field extends string>({
  group,
  fields,
  inputs,
  label,
  wide = [],
  values,
  errors,
}: {
  group: "contact" | "company";
  fields: readonly Field[];
  /** Each field's browser hints (autocomplete, type, length). */
  inputs: Record<Field, InputHints>;
  label: (field: Field) => string;
  wide?: readonly Field[];
  values: FormValues;
  errors: IntakeErrors;
}) {
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      {fields.map((field) => {
        const path = `${group}.${field}`;
        return (
          <TextField
            key={field}
            name={path}
            label={label(field)}
            defaultValue={values[path] ?? ""}
            errors={errors[path]}
            className={wide.includes(field) ? "sm:col-span-2" : undefined}
            {...inputs[field]}
          />
        );
      })}
    </div>
  );
}

export function ContactSection({ values, errors }: { values: FormValues; errors: IntakeErrors }) {
  const { t } = useI18n();
  return (
    <FormSection
      icon={CircleUserRound}
      title={t("intake.form.contactSection")}
      hint={t("intake.form.contactHint")}
      errors={errors.contact}
    >
      <GroupFields
        group="contact"
        fields={CONTACT_FIELDS}
        inputs={CONTACT_INPUTS}
        label={(field) => t(`intake.form.contact.${field}`)}
        values={values}
        errors={errors}
      />
    </FormSection>
  );
}

export function CompanySection({ values, errors }: { values: FormValues; errors: IntakeErrors }) {
  const { t } = useI18n();
  // The 联系人@单位 message is reported on both paths; the contact section already shows it.
  const own = (errors.company ?? []).filter((key) => !(errors.contact ?? []).includes(key));
  return (
    <FormSection
      icon={Building2}
      title={t("intake.form.companySection")}
      hint={t("intake.form.companyHint")}
      errors={own}
    >
      <GroupFields
        group="company"
        fields={COMPANY_FIELDS}
        inputs={COMPANY_INPUTS}
        label={(field) => t(`intake.form.company.${field}`)}
        wide={["name", "address"]}
        values={values}
        errors={errors}
      />
      <datalist id="intake-provinces">
        {PROVINCES.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
    </FormSection>
  );
}

/** The free-text section: the requirement itself (在线需求) or an optional message or remarks. */
export function TextSection({
  icon,
  title,
  label,
  placeholder,
  values,
  errors,
  rows,
  maxLength,
  required = false,
}: {
  icon: LucideIcon;
  title: string;
  label: string;
  placeholder: string;
  values: FormValues;
  errors: IntakeErrors;
  rows: number;
  maxLength: number;
  required?: boolean;
}) {
  return (
    <FormSection icon={icon} title={title} optional={!required}>
      <TextareaField
        name="requirement"
        label={label}
        placeholder={placeholder}
        defaultValue={values.requirement ?? ""}
        errors={errors.requirement}
        rows={rows}
        maxLength={maxLength}
        required={required}
        className={required ? undefined : "[&>label]:sr-only"}
      />
    </FormSection>
  );
}

/** Hidden from people (and from assistive technology); bots that fill every field give themselves away. */
export function HiddenFields({ submissionId }: { submissionId: string }) {
  const { t } = useI18n();
  return (
    <>
      <input type="hidden" name={SUBMISSION_ID_FIELD} value={submissionId} />
      <div aria-hidden className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={HONEYPOT_FIELD}>{t("intake.form.honeypot")}</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
    </>
  );
}

export function SubmitBar({ label }: { label: string }) {
  const { t } = useI18n();
  return (
    <div className="flex flex-col-reverse gap-4 border-t border-slate-100 bg-slate-50/70 px-5 py-5 sm:flex-row sm:items-center sm:justify-between sm:px-7">
      <p className="flex items-start gap-2 text-[13px] leading-5 text-slate-500">
        <ShieldCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
        {t("intake.form.privacy")}
      </p>
      <SubmitButton size="lg" pendingLabel={t("intake.form.submitting")} className="w-full sm:w-auto">
        <Send aria-hidden className="size-[18px]" />
        {label}
      </SubmitButton>
    </div>
  );
}
