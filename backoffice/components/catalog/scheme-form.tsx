import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { MEMBER_LEVELS, SCHEME_TARGETS } from "#app/modules/catalog/price-scheme-input.ts";
import { bindFields, type BoundErrors } from "#app/ui/form/field-binder.ts";
import { CheckboxField, DateField, ErrorList, SelectField, TextareaField, TextField } from "#app/ui/form/index.ts";
import { RecordForm } from "./record-form.tsx";

// The price-scheme form (create and edit): what it applies to, for whom, when, who may apply it, and
// its tiers one per line. Without script both the product and the category select are shown; the
// "applies to" choice decides which one counts.

export function SchemeForm({
  id,
  values,
  grants,
  errors,
  formErrors,
  options,
  submitLabel,
}: {
  id: string;
  values: Partial<Record<string, string>>;
  grants: readonly number[];
  errors: BoundErrors;
  formErrors?: readonly MessageKey[];
  options: {
    products: ReadonlyArray<{ id: number; name: string; sku: string }>;
    categories: ReadonlyArray<{ id: number; name: string }>;
    staff: ReadonlyArray<{ id: number; name: string }>;
  };
  submitLabel: string;
}) {
  const { t } = useI18n();
  const field = bindFields<string>(id, errors, values);
  const grantErrors = field("grantStaffIds").errors;
  return (
    <RecordForm id={id} formErrors={formErrors} submitLabel={submitLabel}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field("name")} label={t("catalog.scheme.name")} maxLength={200} required />
        <SelectField
          {...field("target")}
          label={t("catalog.scheme.target")}
          options={SCHEME_TARGETS.map((v) => ({ value: v, label: t(`catalog.scheme.target.${v}`) }))}
        />
        <SelectField
          {...field("productId")}
          label={t("catalog.scheme.product")}
          placeholder="—"
          options={options.products.map((p) => ({ value: String(p.id), label: `${p.name}（${p.sku}）` }))}
        />
        <SelectField
          {...field("categoryId")}
          label={t("catalog.scheme.category")}
          placeholder="—"
          options={options.categories.map((c) => ({ value: String(c.id), label: c.name }))}
        />
        <SelectField
          {...field("memberLevel")}
          label={t("catalog.scheme.memberLevel")}
          placeholder={t("catalog.scheme.anyLevel")}
          options={MEMBER_LEVELS.map((v) => ({ value: v, label: t(`catalog.product.portal.${v}`) }))}
        />
        <TextField {...field("companyId")} label={t("catalog.scheme.company")} inputMode="numeric" maxLength={10} />
        <DateField {...field("validFrom")} label={t("catalog.scheme.validFrom")} />
        <DateField {...field("validTo")} label={t("catalog.scheme.validTo")} />
      </div>
      <TextareaField
        {...field("tiers")}
        label={t("catalog.scheme.tiers")}
        hint={t("catalog.scheme.tiersHint")}
        rows={5}
        required
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">{t("catalog.scheme.grants")}</legend>
        <CheckboxField
          {...field("shared")}
          label={t("catalog.scheme.shared")}
          hint={t("catalog.scheme.sharedHint")}
          defaultChecked={values.shared === "on"}
          defaultValue="on"
        />
        <div className="grid gap-x-4 sm:grid-cols-3">
          {options.staff.map((s) => (
            <CheckboxField
              key={s.id}
              name="grantStaffIds"
              id={`${id}-grant-${s.id}`}
              label={s.name}
              value={String(s.id)}
              defaultChecked={grants.includes(s.id)}
            />
          ))}
        </div>
        <ErrorList id={`${id}-grants-error`} errors={grantErrors} />
      </fieldset>
    </RecordForm>
  );
}
