import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { bindFields, type BoundErrors } from "#app/ui/form/field-binder.ts";
import { DateField, SelectField, TextareaField, TextField } from "#app/ui/form/index.ts";
import {
  contractTypeKey,
  responseModeKey,
  responseTimeKey,
  type ResponseModeValue,
  type ResponseTimeValue,
} from "#app/ui/service/labels.tsx";
import { CompanyField, useLabelledOptions } from "./service/record-fields.tsx";

// The service-contract fields (服务合约), for creating (contracts list) and editing (contract page).

const TYPES: readonly ("direct" | "third_party")[] = ["direct", "third_party"];
const MODES: readonly ResponseModeValue[] = ["h8x5", "h8x7", "h24x7"];
const TIMES: readonly ResponseTimeValue[] = ["remote_immediate", "next_business_day", "onsite_4h"];

export interface ContractFormValues {
  companyId?: number | null;
  name?: string;
  type?: "direct" | "third_party";
  responseMode?: ResponseModeValue;
  responseTime?: ResponseTimeValue;
  startDate?: string;
  endDate?: string;
  terms?: string | null;
  ownerId?: number | null;
}

/**
 * Props: `values`, `errors` (per field, a key or a list of keys), `companies` (a company picker for a
 * new contract; otherwise a hidden field), `owners` (staff who may own it; empty = "me").
 */
export function ContractFormFields({
  values,
  errors,
  companies,
  owners,
}: {
  values: ContractFormValues;
  errors: BoundErrors;
  companies?: ReadonlyArray<{ id: number; name: string }>;
  owners: ReadonlyArray<{ id: number; name: string }>;
}) {
  const { t } = useI18n();
  const field = bindFields("contract", errors);
  const labelled = useLabelledOptions();
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <CompanyField form="contract" companies={companies} value={values.companyId} errors={errors} />
      <TextField
        {...field("name")}
        label={t("zones.bo.contract.name")}
        required
        maxLength={200}
        defaultValue={values.name ?? ""}
        className={companies ? undefined : "sm:col-span-2"}
      />
      <SelectField
        {...field("type")}
        label={t("zones.bo.contract.type")}
        defaultValue={values.type ?? "direct"}
        options={labelled(TYPES, contractTypeKey)}
      />
      <SelectField
        {...field("responseMode")}
        label={t("zones.contract.mode")}
        defaultValue={values.responseMode ?? "h8x5"}
        options={labelled(MODES, responseModeKey)}
      />
      <SelectField
        {...field("responseTime")}
        label={t("zones.contract.time")}
        defaultValue={values.responseTime ?? "next_business_day"}
        options={labelled(TIMES, responseTimeKey)}
      />
      <SelectField
        {...field("ownerId")}
        label={t("zones.bo.contract.owner")}
        placeholder={t("zones.bo.contract.ownerMe")}
        defaultValue={values.ownerId ? String(values.ownerId) : ""}
        options={owners.map((o) => ({ value: String(o.id), label: o.name }))}
      />
      <DateField
        {...field("startDate")}
        label={t("zones.bo.contract.start")}
        required
        defaultValue={values.startDate ?? ""}
      />
      <DateField
        {...field("endDate")}
        label={t("zones.bo.contract.end")}
        required
        defaultValue={values.endDate ?? ""}
      />
      <TextareaField
        {...field("terms")}
        label={t("zones.contract.terms")}
        maxLength={20000}
        rows={4}
        defaultValue={values.terms ?? ""}
        className="sm:col-span-2 lg:col-span-3"
      />
    </div>
  );
}
