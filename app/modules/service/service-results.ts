import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { isMessageKey } from "#app/lib/forms.server.ts";
import { invalid, ok, type FieldErrors, type ServiceResult as Result } from "#app/lib/service-result.ts";
import type { ServiceResult } from "./service-requests.server.ts";

// The service-request functions answer `{ok, value} | {ok: false, errors}` (their tests and the
// portal rely on it); actions answer with the one ServiceResult of the form kit. This is the bridge:
// each refused field keeps its message, the form's own notice repeats them, and `intent` travels in
// the values so a page with several forms shows the errors under the one that was sent.

export function asResult<T>(outcome: ServiceResult<T>, intent: string): Result<T> {
  if (outcome.ok) return ok(outcome.value);
  const fieldErrors: FieldErrors = {};
  const messages = new Set<MessageKey>();
  for (const [field, keys] of Object.entries(outcome.errors)) {
    const known = keys.filter(isMessageKey);
    if (known.length === 0) continue;
    fieldErrors[field] = known;
    for (const key of known) messages.add(key);
  }
  return invalid(fieldErrors, messages.size > 0 ? [...messages] : ["validation.invalid"], { intent });
}
