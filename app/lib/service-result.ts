import { data, redirect } from "react-router";
import { flashLocation, type FlashKey, type FlashVars } from "./flash.ts";
import type { MessageKey } from "./i18n/translate.ts";

// One answer shape for everything an action can end in. Services return a `ServiceResult<T>`;
// `parseForm` returns its `ok`/`invalid` half; `respond` turns either into the HTTP answer:
//   ok → 302 to `successTo` (with a flash), invalid → 400, forbidden → 403, not-found → 404,
//   conflict → 409, rate-limited → 429 (+ Retry-After). The failures come back to the page as
//   `useActionData()` and render with <FormNotice result> and the fields' `errors`.

/** Field name → the messages to show under it (typed i18n keys). Nested fields use Conform paths. */
export type FieldErrors<F extends string = string> = Partial<Record<F, MessageKey[]>>;

export interface Ok<T> {
  status: "ok";
  value: T;
}
export interface Invalid<F extends string = string> {
  status: "invalid";
  fieldErrors: FieldErrors<F>;
  /** Problems of the form as a whole (shown in the notice above it). */
  formErrors: MessageKey[];
  /** What was typed (text fields only, secrets dropped), so a page rendered without JS can refill. */
  values: Record<string, string>;
}
export interface Forbidden {
  status: "forbidden";
  message: MessageKey;
}
export interface NotFound {
  status: "not-found";
  message: MessageKey;
}
export interface Conflict {
  status: "conflict";
  message: MessageKey;
  details?: Record<string, string | number>;
}
export interface RateLimited {
  status: "rate-limited";
  message: MessageKey;
  retryAfterSeconds: number;
  /** Whole minutes to wait, at least 1: the `{minutes}` of the message. */
  minutes: number;
}

export type Failure<F extends string = string> = Invalid<F> | Forbidden | NotFound | Conflict | RateLimited;
export type ServiceResult<T, F extends string = string> = Ok<T> | Failure<F>;

export function ok<T>(value: T): Ok<T>;
export function ok(): Ok<undefined>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { status: "ok", value };
}

/** A refusal tied to fields (`{nickname: ["account.profile.nicknameTaken"]}`) and/or the whole form. */
export function invalid<F extends string>(
  fieldErrors: FieldErrors<F>,
  formErrors: MessageKey[] = [],
  values: Record<string, string> = {},
): Invalid<F> {
  return { status: "invalid", fieldErrors, formErrors, values };
}

export function forbidden(message: MessageKey = "form.forbidden"): Forbidden {
  return { status: "forbidden", message };
}

export function notFound(message: MessageKey = "form.notFound"): NotFound {
  return { status: "not-found", message };
}

/** A service's own "forbidden" / "not-found" outcome as the ServiceResult of the same name (default message). */
export function refusal(kind: "forbidden" | "not-found"): Forbidden | NotFound {
  return kind === "forbidden" ? forbidden() : notFound();
}

export function conflict(message: MessageKey = "form.conflict", details?: Record<string, string | number>): Conflict {
  return details ? { status: "conflict", message, details } : { status: "conflict", message };
}

export function rateLimited(retryAfterSeconds: number, message: MessageKey = "form.rateLimited"): RateLimited {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return { status: "rate-limited", message, retryAfterSeconds: seconds, minutes: Math.ceil(seconds / 60) };
}

export function isOk<T, F extends string>(result: ServiceResult<T, F>): result is Ok<T> {
  return result.status === "ok";
}

const STATUS: Record<Failure["status"], number> = {
  invalid: 400,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "rate-limited": 429,
};

/** The HTTP status a failure is answered with. */
export function failureStatus(result: Failure): number {
  return STATUS[result.status];
}

/**
 * Answers a failure as action data with its status (400/403/404/409/429). Extra properties ride
 * along (e.g. `{...result, form: "email"}` when two forms post to one action).
 */
export function fail<R extends Failure>(result: R) {
  const failure: Failure = result;
  const headers: HeadersInit | undefined =
    failure.status === "rate-limited" ? { "Retry-After": String(failure.retryAfterSeconds) } : undefined;
  return data<R>(result, { status: STATUS[failure.status], headers });
}

export interface RespondOptions<T> {
  /** Where to go on success (post/redirect/get); a function of the value for "go to the new record". */
  successTo: string | ((value: T) => string);
  /** The one-shot confirmation shown there. */
  flash?: FlashKey | ((value: T) => FlashKey | null) | null;
  flashVars?: FlashVars | ((value: T) => FlashVars | undefined);
  /** Extra headers for the success redirect (e.g. Set-Cookie). */
  headers?: HeadersInit;
}

type OkValue<R> = R extends Ok<infer T> ? T : never;

function failed<R extends { status: string }>(result: R): result is Exclude<R, { status: "ok" }> & Failure {
  return result.status !== "ok";
}

/**
 * Maps a result to the action's answer: success → redirect (with flash); failure → `data(failure,
 * {status})`. Routes `return respond(await doThing(db, actor, parsed.value), {successTo, flash})`.
 */
export function respond<R extends ServiceResult<unknown>>(result: R, options: RespondOptions<OkValue<R>>) {
  if (failed(result)) return fail(result);
  // Not a failure, so the ok branch of R: its value has R's ok type.
  const value = (result as Ok<OkValue<R>>).value;
  const to = typeof options.successTo === "function" ? options.successTo(value) : options.successTo;
  const key = typeof options.flash === "function" ? options.flash(value) : options.flash;
  const vars = typeof options.flashVars === "function" ? options.flashVars(value) : options.flashVars;
  return redirect(key ? flashLocation(to, key, vars) : to, { headers: options.headers });
}

/** Whether an action's data (`useActionData()`) is one of the failures above. */
export function isFailure(result: { status: string } | null | undefined): result is Failure {
  return result != null && result.status in STATUS;
}
