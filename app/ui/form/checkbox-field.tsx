import type { ComponentProps, ReactNode } from "react";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { cn } from "../cn.ts";
import { ErrorList } from "./error-list.tsx";
import { fieldIds } from "./field.tsx";
import { checkboxClass } from "./input-styles.ts";

export type CheckboxFieldProps = Omit<ComponentProps<"input">, "name" | "id" | "type" | "className"> & {
  name: string;
  label: ReactNode;
  id?: string;
  hint?: ReactNode;
  errors?: readonly MessageKey[] | null;
  className?: string;
};

/** A checkbox with its label beside it; ticked arrives as `true` through `checkbox()` in schemas.ts. */
export function CheckboxField({ name, label, id = name, hint, errors, className, ...input }: CheckboxFieldProps) {
  const { errorId, hintId } = fieldIds(id);
  const invalid = Boolean(errors && errors.length > 0);
  const describedBy = [invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ");
  return (
    <div className={cn("space-y-1", className)}>
      <label
        htmlFor={id}
        className="flex cursor-pointer items-start gap-3 rounded-lg px-1 py-1.5 text-sm text-slate-700"
      >
        <input
          type="checkbox"
          {...input}
          id={id}
          name={name}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy || undefined}
          className={checkboxClass}
        />
        <span className="leading-5">{label}</span>
      </label>
      <ErrorList id={errorId} errors={errors} className="pl-8" />
      {hint ? (
        <p id={hintId} className="pl-8 text-[13px] leading-5 text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
