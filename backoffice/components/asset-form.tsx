import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { assetStatusKey, type AssetStatusValue } from "#app/ui/service/labels.tsx";
import { Field, Select, TextInput } from "./zone-admin-ui.tsx";

// The asset fields (客户资产), for creating and editing in the back office.

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

export function AssetFormFields({
  values,
  errors,
  companies,
  parents,
}: {
  values: AssetFormValues;
  errors: Record<string, MessageKey>;
  /** When given, a company picker (new asset); otherwise the company is fixed by a hidden field. */
  companies?: ReadonlyArray<{ id: number; name: string }>;
  parents: ReadonlyArray<{ id: number; number: string; name: string; companyId?: number }>;
}) {
  const { t } = useI18n();
  const err = (field: string) => (errors[field] ? t(errors[field]) : null);
  const text = (name: keyof AssetFormValues, label: MessageKey, max: number, required = false) => (
    <Field label={t(label)} error={err(name)}>
      <TextInput
        name={name}
        maxLength={max}
        required={required}
        defaultValue={(values[name] as string | null | undefined) ?? ""}
        aria-invalid={errors[name] ? true : undefined}
      />
    </Field>
  );
  const date = (name: keyof AssetFormValues, label: MessageKey) => (
    <Field label={t(label)} error={err(name)}>
      <TextInput
        type="date"
        name={name}
        defaultValue={(values[name] as string | null | undefined) ?? ""}
        aria-invalid={errors[name] ? true : undefined}
      />
    </Field>
  );
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
      {text("name", "zones.asset.name", 200, true)}
      {text("model", "zones.asset.model", 100)}
      {text("serialNumber", "zones.asset.serialNumber", 100)}
      {text("spec", "zones.asset.spec", 500)}
      <Field label={t("zones.asset.quantity")} error={err("quantity")}>
        <TextInput type="number" name="quantity" min={1} defaultValue={values.quantity ?? 1} />
      </Field>
      {text("customerAssetNo", "zones.asset.customerAssetNo", 100)}
      {text("referenceNo", "zones.asset.referenceNo", 100)}
      {text("supplier", "zones.asset.supplier", 200)}
      <Field label={t("zones.asset.statusLabel")} error={err("status")}>
        <Select name="status" defaultValue={values.status ?? "installed"}>
          {ASSET_STATUS_OPTIONS.map((s) => (
            <option key={s} value={s}>
              {t(assetStatusKey(s))}
            </option>
          ))}
        </Select>
      </Field>
      {date("installedOn", "zones.asset.installedOn")}
      <Field label={t("zones.asset.parent")} error={err("parentId")}>
        <Select name="parentId" defaultValue={values.parentId ?? ""}>
          <option value="">{t("zones.bo.asset.noParent")}</option>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}（{p.number}）
            </option>
          ))}
        </Select>
      </Field>
      {text("warrantyScope", "zones.asset.warrantyScope", 500)}
      {date("warrantyStart", "zones.asset.warrantyStart")}
      {date("warrantyEnd", "zones.asset.warrantyEnd")}
    </div>
  );
}
