import type { ComponentProps } from "react";
import { cn } from "../cn.ts";
import { Field, splitFieldProps, type FieldProps } from "./field.tsx";
import { inputClass } from "./input-styles.ts";

export type TextareaFieldProps = FieldProps & Omit<ComponentProps<"textarea">, "name" | "id" | "className">;

export function TextareaField({ rows = 4, ...props }: TextareaFieldProps) {
  const { field, control } = splitFieldProps(props);
  return (
    <Field {...field}>
      {(wiring) => <textarea rows={rows} {...control} {...wiring} className={cn(inputClass, "leading-6")} />}
    </Field>
  );
}
