import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { dispatchIntent, formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { IdParam } from "#app/lib/schemas.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { RULES_MANAGER, type RulesResult } from "#app/modules/leads/distribution/rules-access.server.ts";

// The posted request of a 营销规则 record page (a category, a token group, a distribution rule),
// read once by the route's action and handed to the function its intent dispatches to.

export interface RulesRequest {
  actor: StaffActor;
  /** The record's id from the URL. */
  id: number;
  formData: FormData;
  form: Record<string, FormDataEntryValue>;
  audit: { ipAddress: string };
  /** The id of a row the form acts on (a key, a member) in hidden field `name`; a bad one is a 400. */
  rowId: (name: string) => number;
}

/** A rules record page's data for the rules manager, or 404 when the id is malformed or unknown. */
async function loadRulesRecord<T>(
  request: Request,
  idParam: string | undefined,
  load: (database: typeof db, id: number) => Promise<T | null>,
): Promise<T> {
  await requireStaffActor(request, RULES_MANAGER);
  const page = await load(db, requireIdParam(idParam));
  if (!page) throw data(null, { status: 404 });
  return page;
}

/** The "new …" form under a rules list (intent `create`), for the rules manager only. */
export async function readRulesCreate({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const formData = await request.formData();
  if (formIntent(formData) !== "create") throw data(null, { status: 400 });
  return { actor, form: Object.fromEntries(formData), audit: { ipAddress: clientIp(context) } };
}

/** Checks the rules manager first, then the id in `params[idParam]` (404 when malformed). */
async function readRulesRequest(
  { request, params, context }: ActionFunctionArgs,
  idParam: string,
): Promise<RulesRequest> {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const id = requireIdParam(params[idParam]);
  const formData = await request.formData();
  const form = Object.fromEntries(formData);
  return { actor, id, formData, form, audit: { ipAddress: clientIp(context) }, rowId: (name) => postedId(form[name]) };
}

/**
 * The server half of a rules record page whose id is `params[idParam]`, both for the rules manager
 * only: `load` for its loader (404 for a malformed or unknown id) and `dispatch` for its action,
 * which reads the request once and runs the handler of the posted `intent` (unknown: 400).
 */
export function rulesRecordPage(idParam: string) {
  return {
    load: <T>({ request, params }: LoaderFunctionArgs, load: (database: typeof db, id: number) => Promise<T | null>) =>
      loadRulesRecord(request, params[idParam], load),
    dispatch: async <R>(
      args: ActionFunctionArgs,
      handlers: Readonly<Record<string, (request: RulesRequest) => R>>,
    ): Promise<R> => {
      const request = await readRulesRequest(args, idParam);
      return dispatchIntent(formIntent(request.formData), request, handlers);
    },
  };
}

/** A record that vanished (or never existed) answers 404 rather than a form error. */
export function orNotFound<T extends object, F extends string>(
  result: RulesResult<T, F>,
): Exclude<RulesResult<T, F>, { reason: "not-found" }> {
  if (!result.ok && result.reason === "not-found") throw data(null, { status: 404 });
  return result as Exclude<RulesResult<T, F>, { reason: "not-found" }>;
}

/** The id of a row the form acts on (a key, a member): a hidden field, so a bad one is a bad request. */
function postedId(value: FormDataEntryValue | undefined): number {
  const parsed = IdParam.safeParse(value);
  if (!parsed.success) throw data(null, { status: 400 });
  return parsed.data;
}
