import type { FieldErrors } from "#app/lib/service-result.ts";
import { fieldErrors, submittedValues } from "../form/action-result.ts";

/**
 * The field errors of the action answer (`useActionData()`) when it refused this widget's intent;
 * a page holds several forms, and only the one that was sent shows its errors.
 */
export function widgetErrors(result: { status: string } | null | undefined, intent: string): FieldErrors {
  return submittedValues(result)?.intent === intent ? fieldErrors(result) : {};
}
