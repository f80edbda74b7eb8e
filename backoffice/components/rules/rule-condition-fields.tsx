import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { errorText, Field, fieldAria, inputClass, type UiError } from "#backoffice/components/rules-ui.tsx";

// A distribution rule's name, conditions and flags: the same fields on the new-rule form and on a
// rule's own page (where the keyword boxes are taller, since they hold what the rule already has).

export type RuleConditionField = "name" | "regionKeywords" | "phoneKeywords" | "alsoApply" | "isCatchAll";

export interface RuleConditionValues {
  name: string;
  regionKeywords: string;
  phoneKeywords: string;
  alsoApply: boolean;
  isCatchAll: boolean;
}

export function RuleConditionFields({
  values,
  errors,
  idPrefix,
  multiline = false,
}: {
  values: RuleConditionValues;
  errors: Partial<Record<string, UiError>>;
  idPrefix: string;
  multiline?: boolean;
}) {
  const { t } = useI18n();
  const error = (field: RuleConditionField) => errorText(t, errors[field]);
  const keywords = (field: "regionKeywords" | "phoneKeywords", id: string, placeholder: string) => {
    const props = {
      id,
      name: field,
      defaultValue: values[field],
      placeholder,
      className: inputClass,
      ...fieldAria(id, error(field), true),
    };
    return multiline ? <textarea rows={2} {...props} /> : <input {...props} />;
  };
  const flag = (field: "alsoApply" | "isCatchAll", label: string, hint: string) => (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input type="checkbox" name={field} defaultChecked={values[field]} className="mt-0.5" />
      <span>
        {label}
        <span className="block text-xs text-slate-500">{hint}</span>
      </span>
    </label>
  );
  return (
    <>
      <Field id={`${idPrefix}-name`} label={t("distribution.field.name")} error={error("name")} required>
        <input
          id={`${idPrefix}-name`}
          name="name"
          required
          maxLength={100}
          defaultValue={values.name}
          placeholder={t("distribution.field.name.placeholder")}
          className={inputClass}
          {...fieldAria(`${idPrefix}-name`, error("name"))}
        />
      </Field>
      <Field
        id={`${idPrefix}-region`}
        label={t("distribution.field.region")}
        hint={t("distribution.field.region.hint")}
        error={error("regionKeywords")}
      >
        {keywords("regionKeywords", `${idPrefix}-region`, "北京 OR beijing")}
      </Field>
      <Field
        id={`${idPrefix}-phone`}
        label={t("distribution.field.phone")}
        hint={t("distribution.field.phone.hint")}
        error={error("phoneKeywords")}
      >
        {keywords("phoneKeywords", `${idPrefix}-phone`, "010- OR 8610-")}
      </Field>
      <fieldset className="space-y-2">
        <legend className="sr-only">{t("distribution.field.flags")}</legend>
        {flag("alsoApply", t("distribution.field.alsoApply"), t("distribution.field.alsoApply.hint"))}
        {flag("isCatchAll", t("distribution.field.catchAll"), t("distribution.field.catchAll.hint"))}
        {error("isCatchAll") ? <p className="text-sm text-red-700">{error("isCatchAll")}</p> : null}
      </fieldset>
    </>
  );
}

/** What was typed into a refused rule form, or else the rule's own values. */
export function ruleConditionValues(
  typed: Record<string, string> | undefined,
  rule: RuleConditionValues,
): RuleConditionValues {
  if (!typed) return rule;
  return {
    name: typed.name ?? "",
    regionKeywords: typed.regionKeywords ?? "",
    phoneKeywords: typed.phoneKeywords ?? "",
    alsoApply: typed.alsoApply === "on",
    isCatchAll: typed.isCatchAll === "on",
  };
}
