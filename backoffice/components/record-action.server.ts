import type { ActionFunctionArgs } from "react-router";
import type { z } from "zod";
import type { FlashKey } from "#app/lib/flash.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { db, type Db } from "#app/lib/db.server.ts";
import { parseForm, requireIdParam, runIntent } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { fail, respond, type RespondOptions, type ServiceResult } from "#app/lib/service-result.ts";
import type { AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor, StaffPolicy } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";

// The actions of back-office pages, said once. `runFormAction`: a page with one form. `runRecordIntent`:
// the action of a back-office record page whose forms post an `intent` (a role, a team, a staff
// account, a classroom, a member's tab …): the guard first (an anonymous or refused visitor learns
// nothing about the id), then the record id from the URL, the posted form, and the intent's named
// function with all of it. Field names fit `schemaIntents` (app/lib/forms.server.ts).

export interface RecordIntentArgs {
  actor: StaffActor;
  /** The record's id from the URL. */
  id: number;
  form: FormData;
  /** The caller's address, for the audit row (the module intent tables take it by this name). */
  ipAddress: string;
  /** The same as services take it. */
  meta: AuditMeta;
}

export async function runRecordIntent<F extends (args: RecordIntentArgs) => unknown>(
  { request, params, context }: Pick<ActionFunctionArgs, "request" | "params" | "context">,
  policy: StaffPolicy,
  idParam: string,
  intents: Readonly<Record<string, F>>,
  readForm: (request: Request) => Promise<FormData> = (r) => r.formData(),
): Promise<Awaited<ReturnType<F>>> {
  const actor = await requireStaffActor(request, policy);
  const id = requireIdParam(params[idParam]);
  const form = await readForm(request);
  const ipAddress = clientIp(context);
  return await runIntent(form, intents, { actor, id, form, ipAddress, meta: { ipAddress } });
}

/**
 * The action of one tab of a record (an opportunity's, an order's, a contract's): `runRecordIntent`,
 * and the intents also get `to`, the tab's own URL, where they go back to after a change.
 */
export function runTabIntent<R>(
  args: Pick<ActionFunctionArgs, "request" | "params" | "context">,
  policy: StaffPolicy,
  idParam: string,
  tabPath: (id: number) => string,
  intents: Readonly<Record<string, (args: RecordIntentArgs & { to: string }) => R>>,
): Promise<Awaited<R>> {
  const withTo = Object.fromEntries(
    Object.entries(intents).map(([intent, run]) => [intent, (a: RecordIntentArgs) => run({ ...a, to: tabPath(a.id) })]),
  );
  return runRecordIntent(args, policy, idParam, withTo);
}

/**
 * The answer of one of several forms on a page: success → `to` with the flash (a function of the
 * value, e.g. "no changes"); a refusal → the failure tagged with its intent, so the page shows it
 * beside the form it came from.
 */
export function respondTagged<T>(
  intent: string,
  result: ServiceResult<T>,
  to: string,
  flash: FlashKey | ((value: T) => FlashKey),
) {
  if (result.status !== "ok") return fail({ ...result, intent });
  return redirectWithFlash(to, typeof flash === "function" ? flash(result.value) : flash);
}

/**
 * The action of a page with one form (a "new role", "new template", "invite" form): the guard, the
 * form read by `schema` (invalid → 400 with the field errors), the service (`createRole(db, actor,
 * value, meta)`), and its answer (redirect with a flash, or the refusal).
 */
export async function runFormAction<S extends z.ZodType, T>(
  { request, context }: Pick<ActionFunctionArgs, "request" | "context">,
  policy: StaffPolicy,
  schema: S,
  service: (database: Db, actor: StaffActor, value: z.output<S>, meta: AuditMeta) => Promise<ServiceResult<T>>,
  done: RespondOptions<T>,
) {
  const actor = await requireStaffActor(request, policy);
  const parsed = await parseForm(request, schema);
  if (parsed.status !== "ok") return fail(parsed);
  return respond(await service(db, actor, parsed.value, { ipAddress: clientIp(context) }), done);
}

export type PageIntentArgs = Omit<RecordIntentArgs, "id">;

/** `runRecordIntent` for a page that is not one record (a settings page, a list's bulk forms). */
export async function runPageIntent<F extends (args: PageIntentArgs) => unknown>(
  { request, context }: Pick<ActionFunctionArgs, "request" | "context">,
  policy: StaffPolicy,
  intents: Readonly<Record<string, F>>,
  readForm: (request: Request) => Promise<FormData> = (r) => r.formData(),
): Promise<Awaited<ReturnType<F>>> {
  const actor = await requireStaffActor(request, policy);
  const form = await readForm(request);
  const ipAddress = clientIp(context);
  return await runIntent(form, intents, { actor, form, ipAddress, meta: { ipAddress } });
}
