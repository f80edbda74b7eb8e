import { Plus, Trash2 } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { fenInput, fenMoney } from "#app/modules/quotes/quote-format.ts";
import { SelectField, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { inputClass } from "#app/ui/form/input-styles.ts";
import { SectionCard } from "#app/ui/section-card.tsx";

// The quote editor's line inputs: each line's quantity, unit price and discount edited in place
// (posted with the page's version), and the add-line form — a catalog product priced by its schemes
// (packaging unit, quantity, optional typed price and discount) or a custom line typed during a call.

const cellInput = `${inputClass} h-9 w-24 text-right tabular-nums`;

export interface EditableLine {
  id: number;
  name: string;
  quantity: number;
  unitPriceFen: number;
  listPriceFen: number;
  discountBp: number;
}

/** The discount typed on top of the scheme's price is not stored apart: start the input empty. */
export function LineEditCell({ line, stamp }: { line: EditableLine; stamp: number }) {
  const { t } = useI18n();
  const fields = [
    ["quantity", String(line.quantity), "numeric", "quotes.line.quantity"],
    ["unitPrice", fenInput(line.unitPriceFen), "decimal", "quotes.line.unitPrice"],
    ["discountPercent", "", "decimal", "quotes.line.discount"],
  ] as const satisfies ReadonlyArray<readonly [string, string, string, MessageKey]>;
  return (
    <Form method="post" className="flex flex-wrap items-center gap-2" aria-label={line.name}>
      <input type="hidden" name="version" value={stamp} />
      <input type="hidden" name="lineId" value={line.id} />
      {fields.map(([name, value, mode, label]) => (
        <input
          key={name}
          name={name}
          defaultValue={value}
          inputMode={mode}
          aria-label={t(label)}
          placeholder={name === "discountPercent" ? "%" : undefined}
          className={cellInput}
        />
      ))}
      <SubmitButton intent="line-edit" size="sm" variant="secondary">
        {t("common.save")}
      </SubmitButton>
      <SubmitButton intent="line-remove" size="sm" variant="ghost" icon={Trash2}>
        {t("common.remove")}
      </SubmitButton>
    </Form>
  );
}

export interface ProductChoice {
  id: number;
  sku: string;
  name: string;
  unit: string;
  unitPrice: string;
  packagings: string[];
}

type Errors = Partial<Record<string, readonly MessageKey[]>>;

export function AddLineCard({
  stamp,
  products,
  errors,
}: {
  stamp: number;
  products: readonly ProductChoice[];
  errors: Errors;
}) {
  const { t, locale } = useI18n();
  return (
    <SectionCard title={t("quotes.lines.add")} icon={Plus}>
      <div className="space-y-6">
        <Form method="post" className="grid gap-4 sm:grid-cols-4" noValidate aria-label={t("quotes.lines.fromCatalog")}>
          <input type="hidden" name="version" value={stamp} />
          <SelectField
            name="productId"
            label={t("quotes.line.product")}
            placeholder="—"
            options={products.map((p) => ({
              value: String(p.id),
              label: `${p.sku} ${p.name} · ${fenMoney(Math.round(Number(p.unitPrice) * 100), locale)}/${p.unit}${
                p.packagings.length > 0 ? ` · ${p.packagings.join("/")}` : ""
              }`,
            }))}
            errors={errors.productId}
            className="sm:col-span-4"
          />
          <TextField name="unit" label={t("quotes.line.unit")} hint={t("quotes.line.unitHint")} errors={errors.unit} />
          <TextField
            name="quantity"
            label={t("quotes.line.quantity")}
            defaultValue="1"
            inputMode="numeric"
            errors={errors.quantity}
          />
          <TextField
            name="unitPrice"
            label={t("quotes.line.unitPrice")}
            hint={t("quotes.line.unitPriceHint")}
            inputMode="decimal"
            errors={errors.unitPrice}
          />
          <TextField
            name="discountPercent"
            label={t("quotes.line.discount")}
            hint={t("quotes.line.discountHint")}
            inputMode="decimal"
            errors={errors.discountPercent}
          />
          <div className="sm:col-span-4">
            <SubmitButton intent="line-add" icon={Plus}>
              {t("quotes.lines.fromCatalog")}
            </SubmitButton>
          </div>
        </Form>
        <Form
          method="post"
          className="grid gap-4 border-t border-slate-100 pt-5 sm:grid-cols-4"
          noValidate
          aria-label={t("quotes.line.free")}
        >
          <p className="text-sm text-slate-500 sm:col-span-4">{t("quotes.line.freeHint")}</p>
          <input type="hidden" name="version" value={stamp} />
          <TextField
            id="free-name"
            name="name"
            label={t("quotes.line.name")}
            errors={errors.name}
            className="sm:col-span-2"
          />
          <TextField id="free-unit" name="unit" label={t("quotes.line.unit")} />
          <TextField
            id="free-quantity"
            name="quantity"
            label={t("quotes.line.quantity")}
            defaultValue="1"
            inputMode="numeric"
          />
          <TextField
            id="free-unitPrice"
            name="unitPrice"
            label={t("quotes.line.unitPrice")}
            inputMode="decimal"
            errors={errors.unitPrice}
          />
          <TextField
            id="free-discountPercent"
            name="discountPercent"
            label={t("quotes.line.discount")}
            inputMode="decimal"
          />
          <TextField
            id="free-taxRate"
            name="taxRate"
            label={t("quotes.line.taxRate")}
            hint={t("quotes.line.taxRateHint")}
            inputMode="decimal"
            errors={errors.taxRate}
          />
          <div className="flex items-end">
            <SubmitButton intent="line-add" variant="secondary" icon={Plus}>
              {t("quotes.line.free")}
            </SubmitButton>
          </div>
        </Form>
      </div>
    </SectionCard>
  );
}
