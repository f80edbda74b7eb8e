import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import {
  COMPANY_CATEGORIES,
  COMPANY_CURRENCIES,
  COMPANY_STATUSES,
  type CompanyLookups,
} from "#app/modules/crm/companies/company-codes.ts";
import { lookupPickerOptions } from "#app/modules/crm/lookup-choices.ts";
import { bindFields, type BoundErrors } from "#app/ui/form/field-binder.ts";
import { FormNotice, MoneyField, SelectField, SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";
import { RegionField, type RegionOptions } from "#app/ui/form/region-field.tsx";
import { CompanyDuplicates, type CompanyDuplicateView } from "./company-duplicates.tsx";

// The company form (create and edit): basics, region picker, contact data, classification and
// figures. `values` are strings as typed (or as stored); the region picker's no-JS refresh posts
// the form with intent "region" and the page renders again with the next level's options. Type,
// industry and rating offer the admin's system-table values (`lookups`): the active ones, plus the
// value the record carries even when inactive or a legacy free text.

export type CompanyFormValues = Partial<Record<string, string>>;

type TextName = "name" | "shortName" | "address" | "postcode" | "phone" | "phone2" | "fax" | "email" | "website";

export function CompanyForm({
  id,
  intent,
  values,
  errors,
  formErrors,
  regions,
  lookups,
  owners,
  duplicates,
  submitLabel,
}: {
  id: string;
  intent: string;
  values: CompanyFormValues;
  errors: BoundErrors;
  formErrors?: readonly MessageKey[];
  regions: RegionOptions;
  lookups: CompanyLookups;
  /** Owner choices on create; absent when editing (ownership changes are a transfer). */
  owners?: ReadonlyArray<{ id: number; name: string }>;
  duplicates?: readonly CompanyDuplicateView[];
  submitLabel: string;
}) {
  const { t, locale } = useI18n();
  const field = bindFields<string>(id, errors);
  const v = (name: string) => values[name] ?? "";
  const text = (name: TextName, label: MessageKey, max: number, extra: { required?: boolean; type?: string } = {}) => (
    <TextField {...field(name)} label={t(label)} maxLength={max} defaultValue={v(name)} {...extra} />
  );
  const options = <V extends string>(list: readonly V[], key: (value: V) => MessageKey) =>
    list.map((value) => ({ value, label: t(key(value)) }));
  const picker = (name: keyof CompanyLookups) => lookupPickerOptions(lookups[name], locale, values[name]);
  const err = (name: string) => (errors[name] === undefined ? undefined : field(name).errors);
  return (
    <Form method="post" id={id} className="space-y-6" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {formErrors && formErrors.length > 0 ? (
        <FormNotice tone="error" role="alert">
          {formErrors.map((k) => t(k)).join(" ")}
        </FormNotice>
      ) : null}
      {duplicates && duplicates.length > 0 ? <CompanyDuplicates candidates={duplicates} /> : null}

      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">{t("companies.form.sectionBasics")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("name", "companies.field.name", 200, { required: true })}
          {text("shortName", "companies.field.shortName", 100)}
          <SelectField
            {...field("type")}
            label={t("companies.field.type")}
            placeholder={t("companies.form.choose")}
            defaultValue={v("type")}
            options={picker("type")}
          />
          <SelectField
            {...field("industry")}
            label={t("companies.field.industry")}
            placeholder={t("companies.form.choose")}
            defaultValue={v("industry")}
            options={picker("industry")}
          />
          <SelectField
            {...field("status")}
            label={t("companies.field.status")}
            defaultValue={v("status") || "active"}
            options={options(COMPANY_STATUSES, (c) => `companies.status.${c}`)}
          />
          <TextField
            {...field("parentNumber")}
            label={t("companies.field.parent")}
            hint={t("companies.field.parentHint")}
            maxLength={30}
            defaultValue={v("parentNumber")}
          />
          {owners ? (
            <SelectField
              {...field("ownerId")}
              label={t("companies.field.owner")}
              defaultValue={v("ownerId")}
              options={owners.map((o) => ({ value: String(o.id), label: o.name }))}
            />
          ) : null}
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">{t("companies.form.sectionAddress")}</legend>
        <RegionField
          idPrefix={`${id}-region`}
          value={{ provinceCode: v("provinceCode"), cityCode: v("cityCode"), districtCode: v("districtCode") }}
          options={regions}
          errors={{ province: err("provinceCode"), city: err("cityCode"), district: err("districtCode") }}
          refresh={{ name: "intent", value: "region", label: t("companies.region.refresh") }}
          hint={t("companies.region.noJsHint")}
          labels={{
            province: t("companies.field.province"),
            city: t("companies.field.city"),
            district: t("companies.field.district"),
            provinceEmpty: t("companies.region.chooseProvince"),
            cityEmpty: t("companies.region.chooseCity"),
            districtEmpty: t("companies.region.chooseDistrict"),
          }}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          {text("address", "companies.field.address", 255)}
          {text("postcode", "companies.field.postcode", 20)}
          {text("phone", "companies.field.phone", 50, { type: "tel" })}
          {text("phone2", "companies.field.phone2", 50, { type: "tel" })}
          {text("fax", "companies.field.fax", 50, { type: "tel" })}
          {text("email", "companies.field.email", 191, { type: "email" })}
          {text("website", "companies.field.website", 255)}
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">{t("companies.form.sectionMore")}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            {...field("category")}
            label={t("companies.field.category")}
            placeholder={t("companies.form.none")}
            defaultValue={v("category")}
            options={options(COMPANY_CATEGORIES, (c) => `companies.category.${c}`)}
          />
          <SelectField
            {...field("rating")}
            label={t("companies.field.rating")}
            placeholder={t("companies.form.none")}
            defaultValue={v("rating")}
            options={picker("rating")}
          />
          <SelectField
            {...field("currency")}
            label={t("companies.field.currency")}
            defaultValue={v("currency") || "CNY"}
            options={COMPANY_CURRENCIES.map((c) => ({ value: c, label: c }))}
          />
          <MoneyField
            {...field("salesAmount")}
            label={t("companies.field.salesAmount")}
            defaultValue={v("salesAmount")}
          />
          <MoneyField
            {...field("profitAmount")}
            label={t("companies.field.profitAmount")}
            defaultValue={v("profitAmount")}
          />
        </div>
        <TextareaField
          {...field("description")}
          label={t("companies.field.description")}
          maxLength={5000}
          defaultValue={v("description")}
        />
      </fieldset>

      <div className="flex justify-end">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
