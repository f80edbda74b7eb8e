import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { DateField, SelectField, TextField } from "#app/ui/form/index.ts";
import { assetStatusKey, type AssetStatusValue } from "#app/ui/service/labels.tsx";
import { errorsFor, type ServiceFormErrors } from "./service-form-errors.ts";

// The asset fields (客户资产), for creating (assets list) and editing (asset page) in the back office.

export const ASSET_STATUS_OPTIONS: readonly AssetStatusValue[] = [
  "shipped",
  "installed",
  "upgraded",
  "repairing",
  "retired",
];

export interface AssetFormValues {
  companyId?: number | null;
  name?: string;
  model?: string | null;
  serialNumber?: string | null;
  spec?: string | null;
  quantity?: number;
  customerAssetNo?: string | null;
  referenceNo?: string | null;
  supplier?: string | null;
  status?: AssetStatusValue;
  installedOn?: string | null;
  warrantyScope?: string | null;
  warrantyStart?: string | null;
  warrantyEnd?: string | null;
  parentId?: number | null;
}

type TextName =
  "name" | "model" | "serialNumber" | "spec" | "customerAssetNo" | "referenceNo" | "supplier" | "warrantyScope";
type DayName = "installedOn" | "warrantyStart" | "warrantyEnd";

/**
 * Props: `values` (current or typed values), `errors` (per field, a key or a list of keys), `companies`
 * (a company picker for a new asset; otherwise the company is fixed by a hidden field), `parents`
 * (assets it may hang under).
 */
export function AssetFormFields({
  values,
  errors,
  companies,
  parents,
}: {
  values: AssetFormValues;
  errors: ServiceFormErrors;
  companies?: ReadonlyArray<{ id: number; name: string }>;
  parents: ReadonlyArray<{ id: number; number: string; name: string; companyId?: number }>;
}) {
  const { t } = useI18n();
  const text = (name: TextName, label: MessageKey, max: number, required = false) => (
    <TextField
      name={name}
      id={`asset-${name}`}
      label={t(label)}
      maxLength={max}
      required={required}
      defaultValue={values[name] ?? ""}
      errors={errorsFor(errors, name)}
    />
  );
  const date = (name: DayName, label: MessageKey) => (
    <DateField
      name={name}
      id={`asset-${name}`}
      label={t(label)}
      defaultValue={values[name] ?? ""}
      errors={errorsFor(errors, name)}
    />
  );
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {companies ? (
        <SelectField
          name="companyId"
          id="asset-companyId"
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
      {text("name", "zones.asset.name", 200, true)}
      {text("model", "zones.asset.model", 100)}
      {text("serialNumber", "zones.asset.serialNumber", 100)}
      {text("spec", "zones.asset.spec", 500)}
      <TextField
        name="quantity"
        id="asset-quantity"
        type="number"
        min={1}
        label={t("zones.asset.quantity")}
        defaultValue={values.quantity ?? 1}
        errors={errorsFor(errors, "quantity")}
      />
      {text("customerAssetNo", "zones.asset.customerAssetNo", 100)}
      {text("referenceNo", "zones.asset.referenceNo", 100)}
      {text("supplier", "zones.asset.supplier", 200)}
      <SelectField
        name="status"
        id="asset-status"
        label={t("zones.asset.statusLabel")}
        defaultValue={values.status ?? "installed"}
        options={ASSET_STATUS_OPTIONS.map((s) => ({ value: s, label: t(assetStatusKey(s)) }))}
        errors={errorsFor(errors, "status")}
      />
      {date("installedOn", "zones.asset.installedOn")}
      <SelectField
        name="parentId"
        id="asset-parentId"
        label={t("zones.asset.parent")}
        placeholder={t("zones.bo.asset.noParent")}
        defaultValue={values.parentId ? String(values.parentId) : ""}
        options={parents.map((p) => ({ value: String(p.id), label: `${p.name}（${p.number}）` }))}
        errors={errorsFor(errors, "parentId")}
      />
      {text("warrantyScope", "zones.asset.warrantyScope", 500)}
      {date("warrantyStart", "zones.asset.warrantyStart")}
      {date("warrantyEnd", "zones.asset.warrantyEnd")}
    </div>
  );
}
