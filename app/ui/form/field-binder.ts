import type { MessageKey } from "#app/lib/i18n/translate.ts";

/** Per-field errors as an action answers them: one message key or a list of them. */
export type BoundErrors = Readonly<Partial<Record<string, MessageKey | readonly MessageKey[]>>>;

export function errorsFor(errors: BoundErrors | undefined, field: string): readonly MessageKey[] | undefined {
  const value = errors?.[field];
  if (value === undefined) return undefined;
  return typeof value === "string" ? [value] : value;
}

/**
 * The props every kit field of one form repeats — `name`, a page-unique `id` (`<form>-<name>` unless
 * given), its errors and, when the form has string `values` (what was typed before a refusal), the
 * start value — so each field in the JSX says only its label and what is its own.
 */
export function bindFields<Name extends string>(
  form: string,
  errors: BoundErrors | undefined,
  values?: Readonly<Partial<Record<Name, string>>>,
) {
  return (name: Name, id = `${form}-${name}`) => ({
    name,
    id,
    errors: errorsFor(errors, name),
    defaultValue: values?.[name],
  });
}
