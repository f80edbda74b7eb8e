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
      <Field
        id={id("kind")}
        label={t("rules.field.kind")}
        hint={t("rules.field.kind.hint")}
        error={err("kind")}
        required
      >
        <select
          id={id("kind")}
          name="kind"
          defaultValue={values.kind}
          className={inputClass}
          {...fieldAria(id("kind"), err("kind"), true)}
        >
          {CATEGORY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`rules.kind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={id("designatedStaffId")}
        label={t("rules.field.designated")}
        hint={t("rules.field.designated.hint")}
        error={err("designatedStaffId")}
        required
      >
        <select
          id={id("designatedStaffId")}
          name="designatedStaffId"
          defaultValue={values.designatedStaffId}
          required
          className={inputClass}
          {...fieldAria(id("designatedStaffId"), err("designatedStaffId"), true)}
        >
          <option value="">{t("rules.field.choose")}</option>
          {options.staff.map((s) => (
            <option key={s.id} value={s.id}>
              {staffLabel(s)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={id("tokenGroupId")}
        label={t("rules.field.tokenGroup")}
        hint={t("rules.field.tokenGroup.hint")}
        error={err("tokenGroupId")}
      >
        <select
          id={id("tokenGroupId")}
          name="tokenGroupId"
          defaultValue={values.tokenGroupId}
          className={inputClass}
          {...fieldAria(id("tokenGroupId"), err("tokenGroupId"), true)}
        >
          <option value="">{t("rules.field.none")}</option>
          {options.tokenGroups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={id("campaignId")}
        label={t("rules.field.campaign")}
        hint={t("rules.field.campaign.hint")}
        error={err("campaignId")}
      >
        <select
          id={id("campaignId")}
          name="campaignId"
          defaultValue={values.campaignId}
          className={inputClass}
          {...fieldAria(id("campaignId"), err("campaignId"), true)}
        >
          <option value="">{t("rules.field.none")}</option>
          {options.campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {t("rules.field.campaign.option", { name: c.name, owner: c.owner })}
            </option>
          ))}
        </select>
      </Field>
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
