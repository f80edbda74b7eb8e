import type { z } from "zod";
import { isMessageKey } from "#app/lib/forms.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { forbidden, invalid, ok, type FieldErrors, type ServiceResult as Result } from "#app/lib/service-result.ts";
import { AssetError } from "./assets.server.ts";
import { ContractError } from "./service-contracts.server.ts";
import type { ServiceResult } from "./service-requests.server.ts";

// The service functions answer in their own shapes (service requests `{ok, value} | {ok: false,
// errors}`; assets and contracts throw); actions answer with the one ServiceResult of the form kit.
// These are the bridges: each refused field keeps its message, the form's notice repeats them, and
// `intent` travels in the values so a page with several forms shows errors under the one that was sent.

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

/**
 * A record form (asset, contract) checked against the service's own schema: each refused field reads
 * "请检查这一项" under it and the form says which fields to fix. The service parses again.
 */
export function checkRecordForm<S extends z.ZodType>(schema: S, values: Record<string, string>): Result<z.input<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return ok(values as z.input<S>);
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] = ["zones.bo.error.field"];
  return invalid(fieldErrors, ["zones.bo.error.form"], values);
}

/** The services' AssetError / ContractError as the page's answer, with what the page says for each. */
export async function recordResult<T>(
  work: Promise<T>,
  messages: { forbidden: MessageKey; fields?: Partial<Record<string, MessageKey>> },
  values: Record<string, string>,
): Promise<Result<T>> {
  try {
    return ok(await work);
  } catch (error) {
    if (!(error instanceof AssetError || error instanceof ContractError)) throw error;
    if (error.code === "forbidden" || error.code === "wrong-company") return forbidden(messages.forbidden);
    const field = error.code === "bad-parent" ? "parentId" : null;
    const key = (field && messages.fields?.[field]) ?? "zones.bo.error.form";
    return invalid(field ? { [field]: [key] } : {}, [key], values);
  }
}
