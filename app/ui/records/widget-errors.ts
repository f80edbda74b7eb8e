import type { FieldErrors } from "#app/lib/service-result.ts";
import { fieldErrors, submittedValues } from "../form/action-result.ts";

/**
 * The field errors of the action answer (`useActionData()`) when it refused this widget's intent;
 * a page holds several forms, and only the one that was sent shows its errors. Takes the raw action
 * data (any shape), so pages whose actions answer other things too can pass it as it is.
 */
export function widgetErrors(result: unknown, intent: string): FieldErrors {
  const answer = isStatusObject(result) ? result : null;
  return submittedValues(answer)?.intent === intent ? fieldErrors(answer) : {};
}

function isStatusObject(value: unknown): value is { status: string } {
  return typeof value === "object" && value !== null && typeof (value as { status?: unknown }).status === "string";
}
