import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { bindFields, type BoundErrors } from "#app/ui/form/field-binder.ts";
import { DateField, SelectField, TextField } from "#app/ui/form/index.ts";
import { assetStatusKey, type AssetStatusValue } from "#app/ui/service/labels.tsx";
import { CompanyField, useLabelledOptions } from "./service/record-fields.tsx";

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
  errors: BoundErrors;
  companies?: ReadonlyArray<{ id: number; name: string }>;
  parents: ReadonlyArray<{ id: number; number: string; name: string; companyId?: number }>;
}) {
  const { t } = useI18n();
  const field = bindFields("asset", errors);
  const labelled = useLabelledOptions();
  const text = (name: TextName, label: MessageKey, max: number, required = false) => (
    <TextField
      {...field(name)}
      label={t(label)}
      maxLength={max}
      required={required}
      defaultValue={values[name] ?? ""}
    />
  );
  const date = (name: DayName, label: MessageKey) => (
    <DateField {...field(name)} label={t(label)} defaultValue={values[name] ?? ""} />
  );
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <CompanyField form="asset" companies={companies} value={values.companyId} errors={errors} />
      {text("name", "zones.asset.name", 200, true)}
      {text("model", "zones.asset.model", 100)}
      {text("serialNumber", "zones.asset.serialNumber", 100)}
      {text("spec", "zones.asset.spec", 500)}
      <TextField
        {...field("quantity")}
        type="number"
        min={1}
        label={t("common.quantity")}
        defaultValue={values.quantity ?? 1}
      />
      {text("customerAssetNo", "zones.asset.customerAssetNo", 100)}
      {text("referenceNo", "zones.asset.referenceNo", 100)}
      {text("supplier", "zones.asset.supplier", 200)}
      <SelectField
        {...field("status")}
        label={t("zones.asset.statusLabel")}
        defaultValue={values.status ?? "installed"}
        options={labelled(ASSET_STATUS_OPTIONS, assetStatusKey)}
      />
      {date("installedOn", "zones.asset.installedOn")}
      <SelectField
        {...field("parentId")}
        label={t("zones.asset.parent")}
        placeholder={t("zones.bo.asset.noParent")}
        defaultValue={values.parentId ? String(values.parentId) : ""}
        options={parents.map((p) => ({ value: String(p.id), label: `${p.name}（${p.number}）` }))}
      />
      {text("warrantyScope", "zones.asset.warrantyScope", 500)}
      {date("warrantyStart", "zones.asset.warrantyStart")}
      {date("warrantyEnd", "zones.asset.warrantyEnd")}
    </div>
  );
}
