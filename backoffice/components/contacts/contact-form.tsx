import { Form } from "react-router";
import type { ReactNode } from "react";
import { useState } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { COMPANY_MODES, PREFERRED_CHANNELS, type CompanyMode } from "#app/modules/crm/contacts/contact-input.ts";
import { lookupPickerOptions, type LookupChoice } from "#app/modules/crm/lookup-choices.ts";
import {
  CheckboxField,
  DateField,
  FailureNotice,
  SelectField,
  SubmitButton,
  TextField,
  fieldErrors,
  submittedValues,
} from "#app/ui/form/index.ts";
import { RegionField, type RegionOptions, type RegionValue } from "#app/ui/form/region-field.tsx";
import { CompanyPicker } from "./company-picker.tsx";

// The contact form, for "new" and for the overview tab's edit: the same fields and names as
// ContactInputSchema (contact-input.ts). Values come from the contact, else from what was posted.
// 称呼 offers the admin's system-table values (and keeps the one the contact carries).

export interface ContactFormValues {
  familyName?: string | null;
  givenName?: string | null;
  salutation?: string | null;
  title?: string | null;
  department?: string | null;
  companyId?: number | null;
  noCompany?: boolean;
  reportsToId?: number | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  address?: string | null;
  postcode?: string | null;
  phone?: string | null;
  mobile?: string | null;
  homePhone?: string | null;
  fax?: string | null;
  email?: string | null;
  email2?: string | null;
  birthday?: Date | string | null;
  preferredChannel?: string | null;
  optOutEmail?: boolean;
  optOutSms?: boolean;
  optOutCall?: boolean;
}

export interface ReportsToOption {
  id: number;
  fullName: string;
  title: string | null;
}

type Result = { status: string } | null | undefined;

/** The fields rendered as plain text inputs (their labels are `contacts.field.<name>`). */
type TextFieldName =
  | "familyName"
  | "givenName"
  | "title"
  | "department"
  | "mobile"
  | "phone"
  | "homePhone"
  | "fax"
  | "email"
  | "email2"
  | "address"
  | "postcode";

function modeOf(v: ContactFormValues): CompanyMode {
  if (v.companyId) return "known";
  return v.noCompany ? "none" : "unknown";
}

export function ContactForm({
  intent,
  values,
  company,
  reportsToOptions,
  region,
  salutations,
  result,
  submitLabel,
  posted: postedValues,
  children,
}: {
  intent: string;
  values: ContactFormValues;
  company: { id: number; name: string } | null;
  reportsToOptions: readonly ReportsToOption[];
  /** The region picker's start value and server-rendered options (contactRegionPicker). */
  region: { value: RegionValue; options: RegionOptions };
  /** 称呼 values of the system table (salutationChoices). */
  salutations: readonly LookupChoice[];
  result: Result;
  submitLabel: MessageKey;
  /** What was typed, when the answer was not a refusal (the duplicate warning); else read from `result`. */
  posted?: Record<string, string> | null;
  /** Extra fields or notices inside the form (the duplicate warning's "save anyway"). */
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const errors = fieldErrors(result);
  const posted = postedValues ?? submittedValues(result);
  const text = (name: keyof ContactFormValues) => posted?.[name] ?? (values[name] as string | null | undefined) ?? "";
  const [mode, setMode] = useState<CompanyMode>((posted?.companyMode as CompanyMode | undefined) ?? modeOf(values));
  const birthday = posted?.birthday ?? values.birthday ?? null;
  // One shape for every plain text input: the label, value and errors all follow the field's name.
  const textField = (
    name: TextFieldName,
    options: { type?: "tel" | "email"; maxLength?: number; required?: boolean } = {},
  ) => (
    <TextField
      name={name}
      type={options.type}
      label={t(`contacts.field.${name}`)}
      defaultValue={text(name)}
      errors={errors[name]}
      required={options.required}
      optional={!options.required}
      maxLength={options.maxLength}
    />
  );
  const optOut = (name: "optOutEmail" | "optOutSms" | "optOutCall", channel: "email" | "sms" | "call") => (
    <CheckboxField
      name={name}
      label={t(`contacts.optOut.${channel}`)}
      defaultChecked={posted ? posted[name] === "on" : values[name]}
    />
  );

  return (
    <Form method="post" className="space-y-6" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <FailureNotice result={result} />
      <Section title={t("contacts.form.person")}>
        {textField("familyName", { maxLength: 50, required: true })}
        {textField("givenName", { maxLength: 50 })}
        <SelectField
          name="salutation"
          label={t("contacts.field.salutation")}
          defaultValue={text("salutation")}
          placeholder="—"
          options={lookupPickerOptions(salutations, locale, text("salutation"))}
          errors={errors.salutation}
          optional
        />
        {textField("title", { maxLength: 100 })}
        {textField("department", { maxLength: 100 })}
      </Section>

      <Section title={t("contacts.form.companySection")}>
        <SelectField
          name="companyMode"
          label={t("contacts.field.companyMode")}
          value={mode}
          onChange={(e) => setMode(e.target.value as CompanyMode)}
          options={COMPANY_MODES.map((m) => ({ value: m, label: t(`contacts.companyMode.${m}`) }))}
          errors={errors.companyMode}
        />
        {mode === "known" ? (
          <>
            <CompanyPicker defaultCompany={company} errors={errors.companyId} />
            <SelectField
              name="reportsToId"
              label={t("contacts.field.reportsTo")}
              defaultValue={posted?.reportsToId ?? (values.reportsToId ? String(values.reportsToId) : "")}
              placeholder={t("common.none")}
              options={reportsToOptions.map((o) => ({
                value: String(o.id),
                label: o.title ? `${o.fullName}（${o.title}）` : o.fullName,
              }))}
              errors={errors.reportsToId}
            />
          </>
        ) : null}
      </Section>

      <Section title={t("contacts.form.reach")}>
        {textField("mobile", { type: "tel" })}
        {textField("phone", { type: "tel" })}
        {textField("homePhone", { type: "tel" })}
        {textField("fax", { type: "tel" })}
        {textField("email", { type: "email" })}
        {textField("email2", { type: "email" })}
        <SelectField
          name="preferredChannel"
          label={t("contacts.field.preferredChannel")}
          defaultValue={text("preferredChannel")}
          placeholder={t("common.none")}
          options={PREFERRED_CHANNELS.map((c) => ({ value: c, label: t(`contacts.channel.${c}`) }))}
          errors={errors.preferredChannel}
        />
      </Section>

      <Section title={t("contacts.form.address")}>
        <RegionField
          idPrefix={`${intent}-region`}
          className="sm:col-span-2"
          value={
            posted
              ? { provinceCode: posted.provinceCode, cityCode: posted.cityCode, districtCode: posted.districtCode }
              : region.value
          }
          options={region.options}
          names={{ province: "provinceCode", city: "cityCode", district: "districtCode" }}
          errors={{ province: errors.provinceCode, city: errors.cityCode, district: errors.districtCode }}
          labels={{
            province: t("contacts.field.province"),
            city: t("contacts.field.city"),
            district: t("contacts.field.district"),
          }}
        />
        {textField("address", { maxLength: 255 })}
        {textField("postcode", { maxLength: 20 })}
      </Section>

      <Section title={t("contacts.form.preferences")}>
        <DateField
          name="birthday"
          label={t("contacts.field.birthday")}
          defaultValue={birthday}
          errors={errors.birthday}
          optional
        />
        <div className="space-y-2 sm:col-span-2">
          <p className="text-sm font-medium text-slate-700">{t("contacts.field.optOuts")}</p>
          {optOut("optOutEmail", "email")}
          {optOut("optOutSms", "sms")}
          {optOut("optOutCall", "call")}
        </div>
      </Section>

      {children}
      <div className="flex justify-end">
        <SubmitButton>{t(submitLabel)}</SubmitButton>
      </div>
    </Form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-slate-900">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}
