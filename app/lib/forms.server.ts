import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import type { z } from "zod";
import type { MessageKey } from "./i18n/translate.ts";
import { zhCN } from "./i18n/messages/zh-CN/index.ts";
import { IdParam } from "./schemas.ts";
import type { FlashKey } from "./flash.ts";
import {
  fail,
  invalid,
  ok,
  respond,
  type FieldErrors,
  type Invalid,
  type Ok,
  type ServiceResult,
} from "./service-result.ts";

// The one way an action reads a form (decision 021): Conform parses the FormData against the zod
// schema (empty fields → undefined, checkboxes → booleans, `items[0].name` → nested values) and
// every zod message comes back as a typed i18n key, field by field.

type Issue = z.core.$ZodIssue;

/** The top-level field names of a form schema (nested fields are reported under Conform paths). */
export type FieldName<S extends z.ZodType> = Extract<keyof z.input<S>, string>;
export type ParsedForm<S extends z.ZodType> = Ok<z.output<S>> | Invalid<FieldName<S>>;

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(zhCN, value);
}

/** A key for zod's own messages (a schema without `msg(…)` on that check). */
function fallbackKey(issue: Issue): MessageKey {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "validation.required" : "validation.invalid";
    case "too_big":
      return issue.origin === "number" ? "validation.number" : "validation.tooLong";
    case "too_small":
      return issue.origin === "number" ? "validation.number" : "validation.tooShort";
    case "invalid_format":
      return issue.format === "email" ? "validation.invalidEmail" : "validation.invalid";
    case "invalid_value":
      return "validation.choose";
    default:
      return "validation.invalid";
  }
}

function messageKeys(issues: Issue[]): MessageKey[] {
  const keys = issues.map((issue) => (isMessageKey(issue.message) ? issue.message : fallbackKey(issue)));
  return [...new Set(keys)];
}

// Never echoed back to the page: the browser keeps nothing of a password once the answer arrives.
const SECRET_FIELD = /password|secret|token|website/i;

/** The typed text of a form (no secrets), for refilling it after a refusal the service made. */
export function formValues(formData: FormData | URLSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !SECRET_FIELD.test(name) && !(name in values)) values[name] = value.slice(0, 2000);
  }
  return values;
}

/**
 * Reads and validates a form: `ok(value)` typed by the schema, or `invalid(fieldErrors, formErrors,
 * values)` with i18n keys, ready for `respond`/`fail`. Pass the request, or its FormData when the
 * action has already read it (e.g. to dispatch on `intent`).
 */
export async function parseForm<S extends z.ZodType>(
  input: Request | FormData | URLSearchParams,
  schema: S,
): Promise<ParsedForm<S>> {
  const formData = input instanceof Request ? await input.formData() : input;
  const submission = parseWithZod(formData, { schema, formatError: messageKeys });
  if (submission.status === "success") return ok(submission.value);

  const entries = Object.entries(submission.error ?? {}).flatMap(([name, keys]) =>
    keys && keys.length > 0 ? [[name, keys] as const] : [],
  );
  // Conform names the fields by the schema's paths, so these keys are the schema's field names (or
  // nested paths under them); TypeScript cannot follow that through the generic schema.
  const fieldErrors = Object.fromEntries(entries.filter(([name]) => name !== "")) as FieldErrors<FieldName<S>>;
  const formErrors = entries.find(([name]) => name === "")?.[1] ?? [];
  const nothingSaid = formErrors.length === 0 && entries.length === 0;
  return invalid(fieldErrors, nothingSaid ? ["validation.invalid"] : formErrors, formValues(formData));
}

/** A numeric id from the URL (`params.id`); anything else is a 404, never a 500. */
export function requireIdParam(value: string | undefined): number {
  const parsed = IdParam.safeParse(value);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
}

/** An optional id from the query string (`?company=12` prefills); anything else is none. */
export function queryId(params: URLSearchParams, name: string): number | null {
  const parsed = IdParam.safeParse(params.get(name) ?? undefined);
  return parsed.success ? parsed.data : null;
}

/** The submit button's `intent` (the action dispatches on it); "" when absent. */
export function formIntent(formData: FormData): string {
  const intent = formData.get("intent");
  return typeof intent === "string" ? intent : "";
}

/**
 * An action's dispatcher: runs the named function for the form's `intent` with `args`. An intent the
 * route does not know is a 400 (nothing changed), never a 500.
 *
 *   return runIntent(formData, { link, unlink }, { actor, memberId, formData });
 */
export function runIntent<A, F extends (args: A) => unknown>(
  formData: FormData,
  intents: Readonly<Record<string, F>>,
  args: A,
): ReturnType<F> {
  return dispatchIntent(formIntent(formData), args, intents) as ReturnType<F>;
}

/**
 * The same dispatch for an intent already read (e.g. from a parsed form): runs `handlers[intent]`.
 * An unknown intent (including inherited names such as "toString") is a 400 unless `unknown`
 * answers it (e.g. with a form error).
 */
export function dispatchIntent<C, R>(
  intent: string,
  context: C,
  handlers: Readonly<Record<string, (context: C) => R>>,
  unknown?: () => R,
): R {
  const handle = Object.hasOwn(handlers, intent) ? handlers[intent] : undefined;
  if (handle) return handle(context);
  if (unknown) return unknown();
  throw data(null, { status: 400 });
}

/**
 * The maker of a module's form intents (for `runIntent` tables): each intent reads the form against
 * its schema, calls the service and answers — a redirect with a flash to where `landing` says (or the
 * intent's own `to`), or the refusal. Every intent of one page lands the same way, so it is said once:
 *
 *   const intent = schemaIntents<ContractIntentArgs>((a) => a.to);
 *   export const lineIntents = { "line-add": intent(LineAddSchema, (a, v) => addLine(db, a.actor, a.id, v)) };
 */
export function schemaIntents<A extends { form: FormData }>(landing: (args: A) => string) {
  return <S extends z.ZodType, T>(
      schema: S,
      call: (args: A, value: z.output<S>) => Promise<ServiceResult<T>>,
      flash: FlashKey = "flash.saved",
      to: (args: A, value: T) => string = landing,
    ) =>
    async (args: A) => {
      const parsed = await parseForm(args.form, schema);
      if (parsed.status !== "ok") return fail(parsed);
      return respond(await call(args, parsed.value), { successTo: (value: T) => to(args, value), flash });
    };
}
