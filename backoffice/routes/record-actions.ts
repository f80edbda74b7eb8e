import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { IdParam, checkbox } from "#app/lib/schemas.ts";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { moveToBin } from "#app/modules/crm/recycle-bin/recycle-bin.server.ts";
import { ACCESS_REQUEST_POLICY } from "#app/modules/crm/sharing/access-policy.ts";
import { ownershipPanel, revokeShare, shareRecord, transferRecords } from "#app/modules/crm/sharing/sharing.server.ts";
import { runPageIntent, type PageIntentArgs } from "#backoffice/components/record-action.server.ts";

// The back end of the record actions menu (record-ownership-actions.tsx) on company and contact
// pages: GET ?entity=&id= answers what the menu offers (JSON); POST transfers, shares, revokes a
// share or moves the record to the bin, then returns to the page it came from.

const Entity = z.enum(["contact", "company"]);
const Target = z.object({ entity: Entity, id: IdParam });
const LIST = { contact: "/crm/contacts", company: "/crm/companies" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, ACCESS_REQUEST_POLICY);
  const url = new URL(request.url);
  const parsed = Target.safeParse({ entity: url.searchParams.get("entity"), id: url.searchParams.get("id") });
  if (!parsed.success) throw data(null, { status: 404 });
  const panel = await ownershipPanel(db, actor, parsed.data.entity, parsed.data.id);
  if (!panel) throw data(null, { status: 404 });
  return panel;
}

const back = (entity: "contact" | "company", id: number) => `${LIST[entity]}/${id}`;
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), IdParam.optional());

async function transfer({ actor, form: formData, ipAddress: ip }: PageIntentArgs) {
  const parsed = await parseForm(formData, Target.extend({ toStaffId: IdParam, includeOpen: checkbox() }));
  if (parsed.status !== "ok") return respond(parsed, { successTo: "/crm" });
  const { entity, id, toStaffId, includeOpen } = parsed.value;
  const result = await transferRecords(db, actor, { entity, ids: [id], toStaffId, includeOpen }, { ipAddress: ip });
  return respond(result, { successTo: back(entity, id), flash: "flash.recordAdmin.transferred" });
}

async function share({ actor, form: formData, ipAddress: ip }: PageIntentArgs) {
  const parsed = await parseForm(
    formData,
    Target.extend({ staffId: optionalId, teamId: optionalId, canEdit: checkbox() }),
  );
  if (parsed.status !== "ok") return respond(parsed, { successTo: "/crm" });
  const { entity, id, staffId, teamId, canEdit } = parsed.value;
  const result = await shareRecord(db, actor, { entity, id, staffId, teamId, canEdit }, { ipAddress: ip });
  return respond(result, { successTo: back(entity, id), flash: "flash.recordAdmin.shared" });
}

async function revoke({ actor, form: formData, ipAddress: ip }: PageIntentArgs) {
  const parsed = await parseForm(formData, z.object({ shareId: IdParam }));
  if (parsed.status !== "ok") return respond(parsed, { successTo: "/crm" });
  const result = await revokeShare(db, actor, parsed.value.shareId, { ipAddress: ip });
  return respond(result, { successTo: (v) => back(v.entity, v.recordId), flash: "flash.recordAdmin.unshared" });
}

async function remove({ actor, form: formData, ipAddress: ip }: PageIntentArgs) {
  const parsed = await parseForm(formData, Target.extend({ withContacts: checkbox() }));
  if (parsed.status !== "ok") return respond(parsed, { successTo: "/crm" });
  const { entity, id, withContacts } = parsed.value;
  const result = await moveToBin(db, actor, { entity, id, withContacts }, { ipAddress: ip });
  return respond(result, { successTo: LIST[entity], flash: "flash.recordAdmin.binned" });
}

export async function action(args: ActionFunctionArgs) {
  return runPageIntent(args, ACCESS_REQUEST_POLICY, { transfer, share, revoke, delete: remove });
}
