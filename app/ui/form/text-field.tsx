import type { ComponentProps } from "react";
import { cn } from "../cn.ts";
import { Field, splitFieldProps, type FieldProps } from "./field.tsx";
import { inputClass, singleLineClass } from "./input-styles.ts";

export type TextFieldProps = FieldProps & Omit<ComponentProps<"input">, "name" | "id" | "className">;

/** A labelled `<input>` (text, email, tel, password, number, search…). */
export function TextField(props: TextFieldProps) {
  const { field, control } = splitFieldProps(props);
  return (
    <Field {...field}>
      {(wiring) => <input type="text" {...control} {...wiring} className={cn(inputClass, singleLineClass)} />}
    </Field>
  );
}
