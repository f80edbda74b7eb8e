import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { bindFields, type BoundErrors } from "#app/ui/form/field-binder.ts";
import { SelectField } from "#app/ui/form/index.ts";

// What the back-office record forms (asset, contract) share: the company picker of a new record and
// option lists labelled through i18n.

/** Options whose labels are message keys (statuses, types, modes). */
export function useLabelledOptions() {
  const { t } = useI18n();
  return <V extends string>(values: readonly V[], labelKey: (value: V) => MessageKey) =>
    values.map((value) => ({ value, label: t(labelKey(value)) }));
}

/** The customer company: a picker when creating a record, otherwise fixed by a hidden field. */
export function CompanyField({
  form,
  companies,
  value,
  errors,
}: {
  form: string;
  companies?: ReadonlyArray<{ id: number; name: string }>;
  value: number | null | undefined;
  errors: BoundErrors;
}) {
  const { t } = useI18n();
  if (!companies) return <input type="hidden" name="companyId" value={value ?? ""} />;
  return (
    <SelectField
      {...bindFields(form, errors)("companyId")}
      label={t("common.customerCompany")}
      required
      placeholder={t("common.choose")}
      defaultValue={value ? String(value) : ""}
      options={companies.map((c) => ({ value: String(c.id), label: c.name }))}
    />
  );
}
