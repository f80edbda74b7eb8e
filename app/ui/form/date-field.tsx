import type { ComponentProps } from "react";
import { cn } from "../cn.ts";
import { Field, splitFieldProps, type FieldProps } from "./field.tsx";
import { inputClass, singleLineClass } from "./input-styles.ts";

export type DateFieldProps = FieldProps &
  Omit<ComponentProps<"input">, "name" | "id" | "className" | "type" | "defaultValue"> & {
    /** `date` sends "YYYY-MM-DD" (schemas.ts `date`), `datetime-local` "YYYY-MM-DDTHH:mm" (`chinaDateTime`). */
    type?: "date" | "datetime-local";
    /** A Date is shown as its calendar day in China (UTC+8); a string is used as it is. */
    defaultValue?: Date | string | null;
  };

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The `value` an `<input type="date|datetime-local">` expects for a Date, in China time. */
export function dateControlValue(value: Date | string | null | undefined, type: "date" | "datetime-local"): string {
  if (value == null) return "";
  if (typeof value === "string") return value;
  const iso = new Date(value.getTime() + CHINA_OFFSET_MS).toISOString();
  return type === "date" ? iso.slice(0, 10) : iso.slice(0, 16);
}

export function DateField({ type = "date", defaultValue, ...props }: DateFieldProps) {
  const { field, control } = splitFieldProps(props);
  return (
    <Field {...field}>
      {(wiring) => (
        <input
          {...control}
          {...wiring}
          type={type}
          defaultValue={dateControlValue(defaultValue, type)}
          className={cn(inputClass, singleLineClass)}
        />
      )}
    </Field>
  );
}
