import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { DateField, SelectField, TextareaField, TextField } from "#app/ui/form/index.ts";
import {
  contractTypeKey,
  responseModeKey,
  responseTimeKey,
  type ResponseModeValue,
  type ResponseTimeValue,
} from "#app/ui/service/labels.tsx";
import { errorsFor, type ServiceFormErrors } from "./service-form-errors.ts";

// The service-contract fields (服务合约), for creating (contracts list) and editing (contract page).

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
  errors: ServiceFormErrors;
  companies?: ReadonlyArray<{ id: number; name: string }>;
  owners: ReadonlyArray<{ id: number; name: string }>;
}) {
  const { t } = useI18n();
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {companies ? (
        <SelectField
          name="companyId"
          id="contract-companyId"
          label={t("zones.bo.asset.company")}
          required
          placeholder={t("zones.bo.choose")}
          defaultValue={values.companyId ? String(values.companyId) : ""}
          options={companies.map((c) => ({ value: String(c.id), label: c.name }))}
          errors={errorsFor(errors, "companyId")}
        />
      ) : (
        <input type="hidden" name="companyId" value={values.companyId ?? ""} />
      )}
      <TextField
        name="name"
        id="contract-name"
        label={t("zones.bo.contract.name")}
        required
        maxLength={200}
        defaultValue={values.name ?? ""}
        errors={errorsFor(errors, "name")}
        className={companies ? undefined : "sm:col-span-2"}
      />
      <SelectField
        name="type"
        id="contract-type"
        label={t("zones.bo.contract.type")}
        defaultValue={values.type ?? "direct"}
        options={(["direct", "third_party"] as const).map((v) => ({ value: v, label: t(contractTypeKey(v)) }))}
      />
      <SelectField
        name="responseMode"
        id="contract-responseMode"
        label={t("zones.contract.mode")}
        defaultValue={values.responseMode ?? "h8x5"}
        options={MODES.map((v) => ({ value: v, label: t(responseModeKey(v)) }))}
        errors={errorsFor(errors, "responseMode")}
      />
      <SelectField
        name="responseTime"
        id="contract-responseTime"
        label={t("zones.contract.time")}
        defaultValue={values.responseTime ?? "next_business_day"}
        options={TIMES.map((v) => ({ value: v, label: t(responseTimeKey(v)) }))}
        errors={errorsFor(errors, "responseTime")}
      />
      <SelectField
        name="ownerId"
        id="contract-ownerId"
        label={t("zones.bo.contract.owner")}
        placeholder={t("zones.bo.contract.ownerMe")}
        defaultValue={values.ownerId ? String(values.ownerId) : ""}
        options={owners.map((o) => ({ value: String(o.id), label: o.name }))}
      />
      <DateField
        name="startDate"
        id="contract-startDate"
        label={t("zones.bo.contract.start")}
        required
        defaultValue={values.startDate ?? ""}
        errors={errorsFor(errors, "startDate")}
      />
      <DateField
        name="endDate"
        id="contract-endDate"
        label={t("zones.bo.contract.end")}
        required
        defaultValue={values.endDate ?? ""}
        errors={errorsFor(errors, "endDate")}
      />
      <TextareaField
        name="terms"
        id="contract-terms"
        label={t("zones.contract.terms")}
        maxLength={20000}
        rows={4}
        defaultValue={values.terms ?? ""}
        errors={errorsFor(errors, "terms")}
        className="sm:col-span-2 lg:col-span-3"
      />
    </div>
  );
}
