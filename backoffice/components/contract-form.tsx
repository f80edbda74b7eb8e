import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { cn } from "#app/ui/cn.ts";
import {
  contractTypeKey,
  responseModeKey,
  responseTimeKey,
  type ResponseModeValue,
  type ResponseTimeValue,
} from "#app/ui/service/labels.tsx";
import { Field, inputClass, Select, TextInput } from "./zone-admin-ui.tsx";

// The service-contract fields (服务合约), for creating and editing in the back office.

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

export function ContractFormFields({
  values,
  errors,
  companies,
  owners,
}: {
  values: ContractFormValues;
  errors: Record<string, MessageKey>;
  companies?: ReadonlyArray<{ id: number; name: string }>;
  owners: ReadonlyArray<{ id: number; name: string }>;
}) {
  const { t } = useI18n();
  const err = (field: string) => (errors[field] ? t(errors[field]) : null);
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {companies ? (
        <Field label={t("zones.bo.asset.company")} error={err("companyId")}>
          <Select name="companyId" required defaultValue={values.companyId ?? ""}>
            <option value="" disabled>
              {t("zones.bo.choose")}
            </option>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <input type="hidden" name="companyId" value={values.companyId ?? ""} />
      )}
      <Field
        label={t("zones.bo.contract.name")}
        error={err("name")}
        className={companies ? undefined : "sm:col-span-2"}
      >
        <TextInput
          name="name"
          required
          maxLength={200}
          defaultValue={values.name ?? ""}
          aria-invalid={errors.name ? true : undefined}
        />
      </Field>
      <Field label={t("zones.bo.contract.type")}>
        <Select name="type" defaultValue={values.type ?? "direct"}>
          {(["direct", "third_party"] as const).map((v) => (
            <option key={v} value={v}>
              {t(contractTypeKey(v))}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("zones.contract.mode")}>
        <Select name="responseMode" defaultValue={values.responseMode ?? "h8x5"}>
          {MODES.map((v) => (
            <option key={v} value={v}>
              {t(responseModeKey(v))}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("zones.contract.time")}>
        <Select name="responseTime" defaultValue={values.responseTime ?? "next_business_day"}>
          {TIMES.map((v) => (
            <option key={v} value={v}>
              {t(responseTimeKey(v))}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("zones.bo.contract.owner")}>
        <Select name="ownerId" defaultValue={values.ownerId ?? ""}>
          <option value="">{t("zones.bo.contract.ownerMe")}</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("zones.bo.contract.start")} error={err("startDate")}>
        <TextInput
          type="date"
          name="startDate"
          required
          defaultValue={values.startDate ?? ""}
          aria-invalid={errors.startDate ? true : undefined}
        />
      </Field>
      <Field label={t("zones.bo.contract.end")} error={err("endDate")}>
        <TextInput
          type="date"
          name="endDate"
          required
          defaultValue={values.endDate ?? ""}
          aria-invalid={errors.endDate ? true : undefined}
        />
      </Field>
      <Field label={t("zones.contract.terms")} className="sm:col-span-2 lg:col-span-3">
        <textarea
          name="terms"
          maxLength={20000}
          rows={4}
          defaultValue={values.terms ?? ""}
          className={cn(inputClass, "h-auto py-2")}
        />
      </Field>
    </div>
  );
}
