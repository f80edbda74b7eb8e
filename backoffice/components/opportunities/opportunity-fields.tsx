import type { FieldErrors } from "#app/lib/service-result.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
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
  const none = t("common.none");
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
      <SelectField
        name="companyId"
        label={t("sales.opportunity.company")}
        defaultValue={values.companyId ?? ""}
        placeholder={none}
        options={choices.companies.map((c) => ({ value: String(c.id), label: c.name }))}
        errors={errors.companyId}
      />
      <SelectField
        name="contactId"
        label={t("sales.opportunity.contact")}
        defaultValue={values.contactId ?? ""}
        placeholder={none}
        options={choices.contacts.map((c) => ({ value: String(c.id), label: c.fullName }))}
        errors={errors.contactId}
      />
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
      <SelectField
        name="teamId"
        label={t("opportunities.field.team")}
        defaultValue={values.teamId ?? ""}
        placeholder={none}
        options={choices.teams.map((c) => ({ value: String(c.id), label: c.name }))}
        errors={errors.teamId}
      />
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
