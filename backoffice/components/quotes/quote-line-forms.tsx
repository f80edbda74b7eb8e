import { Plus } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { fenInput } from "#app/modules/quotes/quote-format.ts";
import { AddLineForm, LineEditForm, type ProductChoice } from "#app/ui/records/line-editor.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";

// The quote editor's line inputs on the shared line editor (decision 056): each line's quantity,
// unit price and discount edited in place (posted with the page's version), and the add-line forms
// — a catalog product priced by its schemes (packaging unit, quantity, optional typed price and
// discount) or a custom line typed during a call.

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
  return (
    <LineEditForm
      name={line.name}
      stamp={{ name: "version", value: stamp }}
      line={{ name: "lineId", value: line.id }}
      inputs={[
        { name: "quantity", value: String(line.quantity), inputMode: "numeric", label: t("quotes.line.quantity") },
        {
          name: "unitPrice",
          value: fenInput(line.unitPriceFen),
          inputMode: "decimal",
          label: t("quotes.line.unitPrice"),
        },
        {
          name: "discountPercent",
          value: "",
          inputMode: "decimal",
          label: t("quotes.line.discount"),
          placeholder: "%",
        },
      ]}
      editIntent="line-edit"
      removeIntent="line-remove"
    />
  );
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
  const { t } = useI18n();
  const version = { name: "version", value: stamp };
  const quantity = t("quotes.line.quantity");
  const unitPrice = t("quotes.line.unitPrice");
  const discount = t("quotes.line.discount");
  const unit = t("quotes.line.unit");
  return (
    <SectionCard title={t("quotes.lines.add")} icon={Plus}>
      <div className="space-y-6">
        <AddLineForm
          label={t("quotes.lines.fromCatalog")}
          stamp={version}
          products={products}
          productLabel={t("quotes.line.product")}
          productPlaceholder="—"
          productErrors={errors.productId}
          inputs={[
            { name: "unit", label: unit, hint: t("quotes.line.unitHint"), errors: errors.unit },
            { name: "quantity", label: quantity, defaultValue: "1", inputMode: "numeric", errors: errors.quantity },
            {
              name: "unitPrice",
              label: unitPrice,
              hint: t("quotes.line.unitPriceHint"),
              inputMode: "decimal",
              errors: errors.unitPrice,
            },
            {
              name: "discountPercent",
              label: discount,
              hint: t("quotes.line.discountHint"),
              inputMode: "decimal",
              errors: errors.discountPercent,
            },
          ]}
          intent="line-add"
          submitLabel={t("quotes.lines.fromCatalog")}
          columns={4}
        />
        <div className="border-t border-slate-100 pt-5">
          <AddLineForm
            label={t("quotes.line.free")}
            note={t("quotes.line.freeHint")}
            stamp={version}
            inputs={[
              {
                id: "free-name",
                name: "name",
                label: t("quotes.line.name"),
                errors: errors.name,
                className: "sm:col-span-2",
              },
              { id: "free-unit", name: "unit", label: unit },
              { id: "free-quantity", name: "quantity", label: quantity, defaultValue: "1", inputMode: "numeric" },
              {
                id: "free-unitPrice",
                name: "unitPrice",
                label: unitPrice,
                inputMode: "decimal",
                errors: errors.unitPrice,
              },
              { id: "free-discountPercent", name: "discountPercent", label: discount, inputMode: "decimal" },
              {
                id: "free-taxRate",
                name: "taxRate",
                label: t("quotes.line.taxRate"),
                hint: t("quotes.line.taxRateHint"),
                inputMode: "decimal",
                errors: errors.taxRate,
              },
            ]}
            intent="line-add"
            submitLabel={t("quotes.line.free")}
            secondary
            columns={4}
          />
        </div>
      </div>
    </SectionCard>
  );
}
