import type { FieldErrors } from "#app/lib/service-result.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { CheckboxField, DateField, MoneyField, SelectField, TextareaField, TextField } from "#app/ui/form/index.ts";

// The opportunity's own fields, for the new form and the overview's edit form (same names as
// OpportunityCreateSchema / OpportunityEditSchema).

export interface OpportunityFieldValues {
  name: string;
  description: string | null;
  companyId: number | null;
  contactId: number | null;
  teamId: number | null;
  amount: string | null;
  expectedCloseDate: Date | string | null;
  forecast: boolean;
  forecastValue: string | null;
}

export interface OpportunityFieldChoices {
  companies: Array<{ id: number; name: string }>;
  contacts: Array<{ id: number; fullName: string }>;
  teams: Array<{ id: number; name: string }>;
}

export function OpportunityFields({
  values,
  choices,
  errors,
  amountFollowsItems = false,
}: {
  values: OpportunityFieldValues;
  choices: OpportunityFieldChoices;
  errors: FieldErrors;
  amountFollowsItems?: boolean;
}) {
  const { t } = useI18n();
  // The optional links (company, contact, team): one select each, 无 when none is chosen.
  const picker = <C extends { id: number }>(
    name: "companyId" | "contactId" | "teamId",
    label: MessageKey,
    list: readonly C[],
    labelOf: (choice: C) => string,
  ) => (
    <SelectField
      name={name}
      label={t(label)}
      defaultValue={values[name] ?? ""}
      placeholder={t("common.none")}
      options={list.map((c) => ({ value: String(c.id), label: labelOf(c) }))}
      errors={errors[name]}
    />
  );
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        name="name"
        label={t("sales.opportunity.name")}
        defaultValue={values.name}
        maxLength={200}
        required
        errors={errors.name}
        className="sm:col-span-2"
      />
      {picker("companyId", "sales.opportunity.company", choices.companies, (c) => c.name)}
      {picker("contactId", "sales.opportunity.contact", choices.contacts, (c) => c.fullName)}
      <MoneyField
        name="amount"
        label={t("opportunities.field.amount")}
        defaultValue={values.amount}
        readOnly={amountFollowsItems}
        hint={amountFollowsItems ? t("opportunities.field.amountFollowsItems") : undefined}
        errors={errors.amount}
      />
      <DateField
        name="expectedCloseDate"
        label={t("sales.opportunity.closeDate")}
        defaultValue={values.expectedCloseDate}
        errors={errors.expectedCloseDate}
      />
      {picker("teamId", "opportunities.field.team", choices.teams, (c) => c.name)}
      <MoneyField
        name="forecastValue"
        label={t("opportunities.field.forecastValue")}
        defaultValue={values.forecastValue}
        hint={t("opportunities.field.forecastHint")}
        errors={errors.forecastValue}
      />
      <CheckboxField
        name="forecast"
        label={t("opportunities.field.forecast")}
        defaultChecked={values.forecast}
        errors={errors.forecast}
        className="sm:col-span-2"
      />
      <TextareaField
        name="description"
        label={t("opportunities.field.description")}
        defaultValue={values.description ?? ""}
        maxLength={2000}
        rows={3}
        errors={errors.description}
        className="sm:col-span-2"
      />
    </div>
  );
}
