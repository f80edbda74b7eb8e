import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { isFailure, type FieldErrors } from "#app/lib/service-result.ts";

// Readers for what an action answered (`useActionData()`), whatever else its union holds.

/** The field errors of a refused form, or none. */
export function fieldErrors(result: { status: string } | null | undefined): FieldErrors {
  return isFailure(result) && result.status === "invalid" ? result.fieldErrors : {};
}

/** The form-level errors of a refused form, or none. */
export function formErrors(result: { status: string } | null | undefined): MessageKey[] {
  return isFailure(result) && result.status === "invalid" ? result.formErrors : [];
}

/** What was typed into a refused form (no secrets), to refill the fields when the page renders again. */
export function submittedValues(result: { status: string } | null | undefined): Record<string, string> | null {
  return isFailure(result) && result.status === "invalid" ? result.values : null;
}
