import { isMessageKey } from "#app/lib/forms.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { forbidden, invalid, notFound, ok, type FieldErrors, type ServiceResult } from "#app/lib/service-result.ts";
import type { Mutation } from "./campaigns.server.ts";

// The campaign services answer with their own `Mutation`; the back-office actions answer with the
// one ServiceResult shape. This is the single translation between the two.

/** Text a refused form sent (no files), with the intent, so the page refills the right form. */
function sentValues(intent: string, formData: FormData): Record<string, string> {
  const values: Record<string, string> = { intent };
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !(name in values)) values[name] = value.slice(0, 2000);
  }
  return values;
}

/**
 * A campaign mutation as a ServiceResult: field errors become typed message keys (an unknown key
 * reads "invalid"), and a refusal remembers its intent and what was typed.
 */
export function campaignResult<T extends object>(
  mutation: Mutation<T>,
  intent: string,
  formData: FormData,
): ServiceResult<T> {
  switch (mutation.kind) {
    case "ok":
      return ok<T>(mutation);
    case "forbidden":
      return forbidden();
    case "not-found":
      return notFound();
    case "invalid": {
      const errors: FieldErrors = {};
      for (const [field, keys] of Object.entries(mutation.errors)) {
        errors[field] = keys.map((key): MessageKey => (isMessageKey(key) ? key : "sales.error.invalid"));
      }
      return invalid(errors, [], sentValues(intent, formData));
    }
  }
}
