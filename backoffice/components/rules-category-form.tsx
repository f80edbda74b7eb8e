import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { cn } from "#app/ui/cn.ts";
import { errorText, Field, fieldAria, inputClass, type UiError } from "./rules-ui.tsx";

// The fields of a registration category, shared by "新建登记分类" and the edit form on the detail page.

export const CATEGORY_KINDS = ["guest", "requirement", "order", "service"] as const;

export type CategoryFieldName =
  "code" | "name" | "kind" | "campaignId" | "tokenGroupId" | "designatedStaffId" | "allowedOrigins";

export type CategoryFormValues = Record<CategoryFieldName, string>;

export interface CategoryFormOptions {
  campaigns: Array<{ id: number; name: string; owner: string }>;
  tokenGroups: Array<{ id: number; name: string }>;
  staff: Array<{ id: number; name: string; status: "active" | "away" | "inactive"; team: string | null }>;
}

export const EMPTY_CATEGORY: CategoryFormValues = {
  code: "",
  name: "",
  kind: "requirement",
  campaignId: "",
  tokenGroupId: "",
  designatedStaffId: "",
  allowedOrigins: "",
};

/** Form data back to the form's string values, so a refused submission shows what was typed. */
export function categoryValuesFrom(form: Record<string, unknown>): CategoryFormValues {
  const text = (k: CategoryFieldName) => (typeof form[k] === "string" ? (form[k] as string) : "");
  return {
    code: text("code"),
    name: text("name"),
    kind: text("kind"),
    campaignId: text("campaignId"),
    tokenGroupId: text("tokenGroupId"),
    designatedStaffId: text("designatedStaffId"),
    allowedOrigins: text("allowedOrigins"),
  };
}

interface SelectSpec {
  label: string;
  hint: string;
  required?: boolean;
  empty?: string;
  options: ReadonlyArray<{ value: string | number; label: string }>;
}

export function CategoryFields({
  idPrefix,
  values,
  errors,
  options,
}: {
  idPrefix: string;
  values: CategoryFormValues;
  errors: Partial<Record<CategoryFieldName, UiError>>;
  options: CategoryFormOptions;
}) {
  const { t } = useI18n();
  const id = (name: CategoryFieldName) => `${idPrefix}-${name}`;
  const err = (name: CategoryFieldName) => errorText(t, errors[name]);
  const staffLabel = (s: CategoryFormOptions["staff"][number]) => {
    const team = s.team ? ` · ${s.team}` : "";
    const status = s.status === "active" ? "" : ` (${t(`rules.staffStatus.${s.status}`)})`;
    return `${s.name}${team}${status}`;
  };
  /** A select with a hint; `empty` is the text of a first, empty option (none / please choose). */
  const select = (name: CategoryFieldName, field: SelectSpec) => (
    <Field id={id(name)} label={field.label} hint={field.hint} error={err(name)} required={field.required}>
      <select
        id={id(name)}
        name={name}
        defaultValue={values[name]}
        required={field.required}
        className={inputClass}
        {...fieldAria(id(name), err(name), true)}
      >
        {field.empty !== undefined ? <option value="">{field.empty}</option> : null}
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field
        id={id("code")}
        label={t("rules.field.code")}
        hint={t("rules.field.code.hint")}
        error={err("code")}
        required
      >
        <input
          id={id("code")}
          name="code"
          defaultValue={values.code}
          required
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          placeholder="WEB-REQUIREMENT"
          className={cn(inputClass, "font-mono uppercase placeholder:normal-case")}
          {...fieldAria(id("code"), err("code"), true)}
        />
      </Field>
      <Field id={id("name")} label={t("rules.field.name")} error={err("name")} required>
        <input
          id={id("name")}
          name="name"
          defaultValue={values.name}
          required
          maxLength={100}
          placeholder={t("rules.field.name.placeholder")}
          className={inputClass}
          {...fieldAria(id("name"), err("name"))}
        />
      </Field>
      {select("kind", {
        label: t("rules.field.kind"),
        hint: t("rules.field.kind.hint"),
        required: true,
        options: CATEGORY_KINDS.map((kind) => ({ value: kind, label: t(`rules.kind.${kind}`) })),
      })}
      {select("designatedStaffId", {
        label: t("common.designatedPerson"),
        hint: t("rules.field.designated.hint"),
        required: true,
        empty: t("common.choose"),
        options: options.staff.map((s) => ({ value: s.id, label: staffLabel(s) })),
      })}
      {select("tokenGroupId", {
        label: t("rules.field.tokenGroup"),
        hint: t("rules.field.tokenGroup.hint"),
        empty: t("rules.field.none"),
        options: options.tokenGroups.map((g) => ({ value: g.id, label: g.name })),
      })}
      {select("campaignId", {
        label: t("rules.field.campaign"),
        hint: t("rules.field.campaign.hint"),
        empty: t("rules.field.none"),
        options: options.campaigns.map((c) => ({
          value: c.id,
          label: t("rules.field.campaign.option", { name: c.name, owner: c.owner }),
        })),
      })}
      <Field
        id={id("allowedOrigins")}
        label={t("rules.field.origins")}
        hint={t("rules.field.origins.hint")}
        error={err("allowedOrigins")}
        className="sm:col-span-2"
      >
        <textarea
          id={id("allowedOrigins")}
          name="allowedOrigins"
          defaultValue={values.allowedOrigins}
          rows={3}
          spellCheck={false}
          placeholder={"https://www.example.com\nhttps://m.example.com"}
          className={cn(inputClass, "font-mono text-[13px] leading-6")}
          {...fieldAria(id("allowedOrigins"), err("allowedOrigins"), true)}
        />
      </Field>
    </div>
  );
}
