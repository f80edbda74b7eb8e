import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { cn } from "../cn.ts";
import { ErrorList } from "./error-list.tsx";

/** What every kit field takes besides its control's own attributes. */
export interface FieldProps {
  /** The form field name (Conform paths such as `contact.email` or `items[0].name` work). */
  name: string;
  label: ReactNode;
  /** Defaults to `name`; give one when a page has two forms with the same field name. */
  id?: string;
  hint?: ReactNode;
  errors?: readonly MessageKey[] | null;
  /** Shows "选填 / Optional" beside the label. */
  optional?: boolean;
  /** Keeps the label for screen readers only: rows of a table-like form under one header row. */
  labelHidden?: boolean;
  className?: string;
}

/** The attributes <Field> hands to its control: ids and the accessible error/hint wiring. */
export interface ControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** Ids of a field's parts, for controls built outside <Field>. */
export function fieldIds(id: string) {
  return { errorId: `${id}-error`, hintId: `${id}-hint` };
}

/**
 * A labelled control with hint and error list. The control is a render function receiving the ids
 * and aria attributes, so any input (text, select, a custom picker) gets the same wiring.
 */
export function Field({
  name,
  label,
  id = name,
  hint,
  errors,
  optional = false,
  labelHidden = false,
  className,
  children,
}: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const { t } = useI18n();
  const { errorId, hintId } = fieldIds(id);
  const invalid = Boolean(errors && errors.length > 0);
  const describedBy = [invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ");
  return (
    <div className={cn("space-y-1.5", className)}>
      <label
        htmlFor={id}
        className={
          labelHidden ? "sr-only" : "flex items-baseline justify-between gap-2 text-sm font-medium text-slate-700"
        }
      >
        <span>{label}</span>
        {optional ? <span className="text-xs font-normal text-slate-400">{t("form.optional")}</span> : null}
      </label>
      {children({
        id,
        name,
        "aria-invalid": invalid || undefined,
        "aria-describedby": describedBy || undefined,
      })}
      <ErrorList id={errorId} errors={errors} />
      {hint ? (
        <div id={hintId} className="text-[13px] leading-5 text-slate-500">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

/** Splits kit props from the control's own attributes. */
export function splitFieldProps<P extends FieldProps>(props: P) {
  const { name, label, id, hint, errors, optional, labelHidden, className, ...control } = props;
  return { field: { name, label, id, hint, errors, optional, labelHidden, className }, control };
}
