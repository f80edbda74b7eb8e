import type { MessageKey } from "#app/lib/i18n/translate.ts";

/** Field errors as the form kit's fields take them, from either shape a service page's action answers. */
export type ServiceFormErrors = Readonly<Record<string, MessageKey | readonly MessageKey[] | undefined>>;

export function errorsFor(errors: ServiceFormErrors, field: string): readonly MessageKey[] | undefined {
  const value = errors[field];
  if (value === undefined) return undefined;
  return typeof value === "string" ? [value] : value;
}
