import { data, type ActionFunctionArgs } from "react-router";
import { db, type Db } from "#app/lib/db.server.ts";
import type { FlashKey } from "#app/lib/flash.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { fail, invalid, respond } from "#app/lib/service-result.ts";
import type { StaffActor, StaffPolicy } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  isRecordWidgetIntent,
  recordWidgetFlash,
  runRecordWidgetIntent,
  type RecordWidgetAccess,
  type RecordWidgetOutcome,
} from "#app/modules/notes/record-widget-actions.server.ts";

// The action of a record's notes-and-tasks tab (a company's, contact's, lead's or opportunity's
// 活动/跟进): the guard, the record id from the URL, the widget intent (anything else is a 400), the
// record's own access rule (its domain service, with the actor's scope in its query: unknown or out of
// scope → 404), the note or task, and back to the tab with a flash.

export interface RecordWidgetTab {
  policy: StaffPolicy;
  /** The route param holding the record's id. */
  idParam: string;
  access: (database: Db, actor: StaffActor, id: number) => Promise<RecordWidgetAccess | null>;
  /** The tab to come back to. */
  tabPath: (id: number) => string;
  flash?: (outcome: RecordWidgetOutcome) => FlashKey;
}

export async function runRecordWidgetAction(
  { request, params }: Pick<ActionFunctionArgs, "request" | "params">,
  tab: RecordWidgetTab,
) {
  const actor = await requireStaffActor(request, tab.policy);
  const id = requireIdParam(params[tab.idParam]);
  const form = await request.formData();
  const intent = formIntent(form);
  if (!isRecordWidgetIntent(intent)) return fail(invalid({}, ["validation.invalid"]));
  const access = await tab.access(db, actor, id);
  if (!access) throw data(null, { status: 404 });
  const result = await runRecordWidgetIntent(db, actor, intent, form, access);
  return respond(result, { successTo: tab.tabPath(id), flash: tab.flash ?? recordWidgetFlash });
}
