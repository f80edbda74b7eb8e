import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { TAX_RATES } from "#app/modules/catalog/product-input.ts";
import { bindFields, type BoundErrors } from "#app/ui/form/field-binder.ts";
import { CheckboxField, MoneyField, SelectField, TextareaField, TextField } from "#app/ui/form/index.ts";
import { RecordForm } from "./record-form.tsx";

// The product form (create and edit). `values` are strings as typed or as stored; checkboxes are
// "on" when ticked. Packagings and specifications are one per line (see product-input.ts).

export type ProductFormValues = Partial<Record<string, string>>;

type Flag = "active" | "priceIncludesTax" | "portalProspect" | "portalCustomer" | "portalPartner";

export function ProductForm({
  id,
  values,
  errors,
  formErrors,
  categories,
  submitLabel,
}: {
  id: string;
  values: ProductFormValues;
  errors: BoundErrors;
  formErrors?: readonly MessageKey[];
  categories: ReadonlyArray<{ id: number; name: string }>;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const field = bindFields<string>(id, errors, values);
  const flag = (name: Flag, label: MessageKey) => (
    <CheckboxField {...field(name)} label={t(label)} defaultChecked={values[name] === "on"} defaultValue="on" />
  );
  const area = (name: string, label: MessageKey, hint?: MessageKey) => (
    <TextareaField {...field(name)} label={t(label)} hint={hint && t(hint)} rows={3} />
  );
  return (
    <RecordForm id={id} formErrors={formErrors} submitLabel={submitLabel}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field("name")} label={t("catalog.product.name")} maxLength={200} required />
        <TextField {...field("sku")} label={t("catalog.product.sku")} maxLength={64} required />
        <SelectField
          {...field("categoryId")}
          label={t("catalog.product.category")}
          placeholder="—"
          options={categories.map((c) => ({ value: String(c.id), label: c.name }))}
        />
        <TextField {...field("productLine")} label={t("catalog.product.line")} maxLength={100} />
        <TextField {...field("productType")} label={t("catalog.product.type")} maxLength={60} />
        <TextField
          {...field("unit")}
          label={t("catalog.product.unit")}
          hint={t("catalog.product.unitHint")}
          maxLength={20}
          required
        />
        <MoneyField {...field("unitPrice")} label={t("catalog.product.listPrice")} required />
        <MoneyField {...field("cost")} label={t("catalog.product.cost")} />
        <SelectField
          {...field("taxRateBp")}
          label={t("catalog.product.taxRate")}
          options={TAX_RATES.map((rate) => ({ value: rate, label: t(`catalog.product.taxRate.${rate}`) }))}
        />
        <div className="self-end">{flag("priceIncludesTax", "catalog.product.priceIncludesTax")}</div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {area("packagings", "catalog.product.packagings", "catalog.product.packagingsHint")}
        {area("specs", "catalog.product.specs", "catalog.product.specsHint")}
        {area("keyFeatures", "catalog.product.keyFeatures", "catalog.product.keyFeaturesHint")}
        {area("defects", "catalog.product.defects", "catalog.product.keyFeaturesHint")}
      </div>
      {area("description", "catalog.product.description")}
      <fieldset className="space-y-1">
        <legend className="text-sm font-semibold text-slate-900">{t("catalog.product.portalLevels")}</legend>
        <div className="flex flex-wrap gap-x-6">
          {flag("portalProspect", "catalog.product.portal.prospect")}
          {flag("portalCustomer", "catalog.product.portal.customer")}
          {flag("portalPartner", "catalog.product.portal.partner")}
        </div>
      </fieldset>
      {flag("active", "catalog.product.active")}
    </RecordForm>
  );
}
