import { Plus, Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { SelectField, SubmitButton, TextField, type TextFieldProps } from "../form/index.ts";
import { inputClass } from "../form/input-styles.ts";
import { RecordTable, type RecordColumn } from "./record-table.tsx";

// The product line editor shared by the opportunity's items, the quote editor and the contract's
// product list (decision 056): a line's numbers edited in place with save/remove, and the add-line
// form (a catalog product or a custom line). What differs between the three is passed in: the
// optimistic-lock field (`version` / `revision`), the line id's field name, the inputs and labels.

/** The hidden optimistic-lock stamp every line form posts with. */
export interface LineStamp {
  name: string;
  value: number | string;
}

/** A number typed in place in a line's row (quantity, unit price, discount). */
export interface LineCellInput {
  name: string;
  label: string;
  value: string;
  inputMode: "numeric" | "decimal";
  placeholder?: string;
}

export interface ProductChoice {
  id: number;
  sku: string;
  name: string;
  unit: string;
  unitPrice: string;
  /** Packaging units the price schemes know (quotes), shown after the price. */
  packagings?: readonly string[];
}

const cellInput = `${inputClass} h-9 w-24 text-right tabular-nums`;

/** The product picker's options: SKU, name and list price per unit. */
export function productChoiceOptions(products: readonly ProductChoice[], locale: Locale) {
  return products.map((p) => ({
    value: String(p.id),
    label: `${p.sku} ${p.name} · ${formatMoney(p.unitPrice, locale)}/${p.unit}${
      p.packagings && p.packagings.length > 0 ? ` · ${p.packagings.join("/")}` : ""
    }`,
  }));
}

/**
 * One line's row editor. Without `inputs` (and `editIntent`) it is the remove button alone, for
 * lists whose lines are re-added rather than edited.
 */
export function LineEditForm({
  name,
  stamp,
  line,
  inputs = [],
  editIntent,
  removeIntent,
}: {
  /** The line's name: names the form and its remove button. */
  name: string;
  stamp: LineStamp;
  /** The hidden field carrying the line's id, e.g. `{ name: "lineId", value: 7 }`. */
  line: LineStamp;
  inputs?: readonly LineCellInput[];
  editIntent?: string;
  removeIntent: string;
}) {
  const { t } = useI18n();
  return (
    <Form method="post" className="flex flex-wrap items-center gap-2" aria-label={name}>
      <input type="hidden" name={stamp.name} value={stamp.value} />
      <input type="hidden" name={line.name} value={line.value} />
      {inputs.map((input) => (
        <input
          key={input.name}
          name={input.name}
          defaultValue={input.value}
          inputMode={input.inputMode}
          aria-label={input.label}
          placeholder={input.placeholder}
          className={cellInput}
        />
      ))}
      {editIntent ? (
        <SubmitButton intent={editIntent} size="sm" variant="secondary">
          {t("common.save")}
        </SubmitButton>
      ) : null}
      <SubmitButton
        intent={removeIntent}
        size="sm"
        variant="ghost"
        icon={Trash2}
        aria-label={t("common.removeNamed", { name })}
      >
        {t("common.remove")}
      </SubmitButton>
    </Form>
  );
}

/**
 * The add-line form: an optional product picker over the whole width, the given inputs in a grid
 * of `columns`, and the submit button in the next cell. Without `products` it adds a custom line.
 */
export function AddLineForm({
  stamp,
  products,
  productLabel,
  productPlaceholder,
  productErrors,
  inputs,
  intent,
  submitLabel,
  secondary = false,
  columns,
  label,
  note,
}: {
  stamp: LineStamp;
  products?: readonly ProductChoice[];
  productLabel?: string;
  /** An empty first option, so that nothing is chosen until the user picks. */
  productPlaceholder?: string;
  productErrors?: TextFieldProps["errors"];
  inputs: readonly TextFieldProps[];
  intent: string;
  submitLabel: string;
  secondary?: boolean;
  columns: 3 | 4;
  /** Names the form (a page with two add forms). */
  label?: string;
  /** A line of help above the inputs. */
  note?: string;
}) {
  const { locale } = useI18n();
  const grid = columns === 3 ? "sm:grid-cols-3" : "sm:grid-cols-4";
  const fullRow = columns === 3 ? "sm:col-span-3" : "sm:col-span-4";
  return (
    <Form method="post" className={`grid gap-4 ${grid}`} noValidate aria-label={label}>
      <input type="hidden" name={stamp.name} value={stamp.value} />
      {note ? <p className={`text-sm text-slate-500 ${fullRow}`}>{note}</p> : null}
      {products ? (
        <SelectField
          name="productId"
          label={productLabel ?? ""}
          placeholder={productPlaceholder}
          options={productChoiceOptions(products, locale)}
          errors={productErrors}
          className={fullRow}
        />
      ) : null}
      {inputs.map((input) => (
        <TextField key={input.id ?? input.name} {...input} />
      ))}
      <div className="flex items-end">
        <SubmitButton intent={intent} variant={secondary ? "secondary" : "primary"} icon={Plus}>
          {submitLabel}
        </SubmitButton>
      </div>
    </Form>
  );
}

/** A line's product cell: the name over its SKU (custom lines have none). */
export function ProductCell({ name, sku }: { name: string; sku?: string | null }) {
  return (
    <span>
      {name}
      {sku ? <span className="block font-mono text-xs text-slate-400">{sku}</span> : null}
    </span>
  );
}

/** The lines table's product column (a `RecordTable` column). */
export function productColumn<Row extends { name: string; sku?: string | null }>(header: string) {
  return { key: "product", header, cell: (row: Row) => <ProductCell name={row.name} sku={row.sku} /> };
}

/**
 * A document's product lines (opportunity items, a quote, a contract): the product (name over SKU)
 * first, then the caller's figure columns and sum rows; the "no lines yet" text when there are none.
 */
export function ProductLinesTable<L extends { id: number; name: string; sku?: string | null }>({
  caption,
  empty,
  productHeader,
  lines,
  columns,
  footer,
}: {
  caption: string;
  empty: string;
  productHeader: string;
  lines: readonly L[];
  columns: ReadonlyArray<RecordColumn<L> | false>;
  footer?: ReactNode;
}) {
  return (
    <RecordTable
      caption={caption}
      empty={empty}
      rows={lines}
      rowKey={(l) => l.id}
      columns={[productColumn<L>(productHeader), ...columns]}
      footer={footer}
    />
  );
}

/** The lines table's sum row: the label over `span` columns, the amount right-aligned. */
export function LineSumRow({
  label,
  span,
  amount,
  testId,
  trailingCell = false,
}: {
  label: string;
  span: number;
  amount: ReactNode;
  testId: string;
  /** An empty cell under an actions column. */
  trailingCell?: boolean;
}) {
  return (
    <tr className="border-t border-slate-200 font-medium">
      <td className="py-3 pl-5" colSpan={span}>
        {label}
      </td>
      <td className="py-3 pr-5 text-right tabular-nums" data-testid={testId}>
        {amount}
      </td>
      {trailingCell ? <td /> : null}
    </tr>
  );
}
