import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { formStrings } from "#app/modules/service/service-form-results.server.ts";

/**
 * A form posted on a service record page (asset, contract), for a staff member who may modify
 * service records: the id from the URL, the intent and the string fields.
 */
export async function readServiceRecordPost(request: Request, idParam: string | undefined) {
  const actor = await requireStaffActor(request, { module: "service", action: "modify" });
  const id = requireIdParam(idParam);
  const form = await request.formData();
  return { actor, id, intent: formIntent(form), values: formStrings(form) };
}
