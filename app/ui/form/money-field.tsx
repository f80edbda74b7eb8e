import type { ComponentProps } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { cn } from "../cn.ts";
import { Field, splitFieldProps, type FieldProps } from "./field.tsx";
import { inputClass, singleLineClass } from "./input-styles.ts";

export type MoneyFieldProps = FieldProps &
  Omit<ComponentProps<"input">, "name" | "id" | "className" | "type" | "defaultValue"> & {
    /** An amount in yuan ("228000.00" or a number); shown with two decimals. */
    defaultValue?: string | number | null;
  };

/** The editable text of an amount: two decimals, no grouping (what `money()` in schemas.ts reads back). */
export function moneyInputValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const amount = typeof value === "number" ? value : Number(value);
  return Number.isFinite(amount) ? amount.toFixed(2) : String(value);
}

/** An amount in yuan with two decimals; "¥" in front, decimal keypad on phones. */
export function MoneyField({ defaultValue, ...props }: MoneyFieldProps) {
  const { t } = useI18n();
  const { field, control } = splitFieldProps(props);
  return (
    <Field {...field}>
      {(wiring) => (
        <div className="relative">
          <span
            aria-hidden
            className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-slate-500"
          >
            {t("form.moneyPrefix")}
          </span>
          <input
            inputMode="decimal"
            autoComplete="off"
            {...control}
            {...wiring}
            type="text"
            defaultValue={moneyInputValue(defaultValue)}
            className={cn(inputClass, singleLineClass, "pl-7 text-right tabular-nums")}
          />
        </div>
      )}
    </Field>
  );
}
