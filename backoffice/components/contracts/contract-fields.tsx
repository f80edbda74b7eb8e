import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { DateField, SelectField, TextareaField, TextField } from "#app/ui/form/index.ts";
import type { FieldErrors } from "#app/lib/service-result.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";

// The header fields a contract shares between "new" and "edit": name, type, settlement and delivery
// methods (system tables), dates, contact and opportunity, terms.

type Option = { value: string; label: string };

export interface ContractFieldValues {
  name?: string;
  typeCode?: string;
  settlementCode?: string | null;
  deliveryCode?: string | null;
  signedOn?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  contactId?: number | null;
  opportunityId?: number | null;
  terms?: string | null;
}

export function ContractFields({
  values,
  errors,
  options,
}: {
  values: ContractFieldValues;
  errors: FieldErrors<string>;
  options: { type: Option[]; settlement: Option[]; delivery: Option[]; contacts: Option[]; opportunities: Option[] };
}) {
  const { t } = useI18n();
  const err = (name: string) => errors[name] as MessageKey[] | undefined;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        name="name"
        label={t("contracts.field.name")}
        defaultValue={values.name}
        errors={err("name")}
        required
        className="sm:col-span-2"
      />
      <SelectField
        name="typeCode"
        label={t("contracts.field.type")}
        options={options.type}
        defaultValue={values.typeCode ?? options.type[0]?.value}
        errors={err("typeCode")}
      />
      <SelectField
        name="settlementCode"
        label={t("contracts.field.settlement")}
        options={options.settlement}
        placeholder={t("common.none")}
        defaultValue={values.settlementCode ?? ""}
        errors={err("settlementCode")}
      />
      <SelectField
        name="deliveryCode"
        label={t("contracts.field.delivery")}
        options={options.delivery}
        placeholder={t("common.none")}
        defaultValue={values.deliveryCode ?? ""}
        errors={err("deliveryCode")}
      />
      <SelectField
        name="contactId"
        label={t("contracts.field.contact")}
        options={options.contacts}
        placeholder={t("common.none")}
        defaultValue={values.contactId ? String(values.contactId) : ""}
        errors={err("contactId")}
      />
      <SelectField
        name="opportunityId"
        label={t("contracts.field.opportunity")}
        options={options.opportunities}
        placeholder={t("common.none")}
        defaultValue={values.opportunityId ? String(values.opportunityId) : ""}
        errors={err("opportunityId")}
      />
      <DateField
        name="signedOn"
        label={t("contracts.field.signedOn")}
        defaultValue={values.signedOn ?? ""}
        errors={err("signedOn")}
      />
      <DateField
        name="startDate"
        label={t("contracts.field.startDate")}
        defaultValue={values.startDate ?? ""}
        errors={err("startDate")}
      />
      <DateField
        name="endDate"
        label={t("contracts.field.endDate")}
        defaultValue={values.endDate ?? ""}
        errors={err("endDate")}
      />
      <TextareaField
        name="terms"
        label={t("contracts.field.terms")}
        defaultValue={values.terms ?? ""}
        errors={err("terms")}
        rows={5}
        className="sm:col-span-2"
      />
    </div>
  );
}
