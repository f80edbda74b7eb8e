import type { ComponentProps } from "react";
import { cn } from "../cn.ts";
import { Field, splitFieldProps, type FieldProps } from "./field.tsx";
import { inputClass, singleLineClass } from "./input-styles.ts";

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export type SelectFieldProps = FieldProps &
  Omit<ComponentProps<"select">, "name" | "id" | "className" | "children"> & {
    options: readonly SelectOption[];
    /** A first, empty option ("请选择…"); the field then arrives empty when nothing is chosen. */
    placeholder?: string;
  };

export function SelectField({ options, placeholder, ...props }: SelectFieldProps) {
  const { field, control } = splitFieldProps(props);
  return (
    <Field {...field}>
      {(wiring) => (
        <select {...control} {...wiring} className={cn(inputClass, singleLineClass, "pr-8")}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
