import type { z } from "zod";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { respond } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { formStrings } from "#app/modules/service/service-form-results.server.ts";
import { checkRecordForm, recordResult } from "#app/modules/service/service-results.ts";

// The "new asset" / "new contract" form under a service list: check the posted fields against the
// service's schema, create the record, and open it (or answer with the form's errors, nothing saved).

/** The whole action: for staff who may add service records (the guard runs first). */
export async function createRecordFromForm<S extends z.ZodType>(
  request: Request,
  record: {
    schema: S;
    create: (input: z.input<S>, actor: StaffActor) => Promise<{ id: number }>;
    /** What the page says when the service refuses (company out of scope, a bad parent). */
    messages: { forbidden: MessageKey; fields?: Partial<Record<string, MessageKey>> };
    /** The list's path; the new record opens at `<listPath>/<id>`. */
    listPath: string;
  },
) {
  const actor = await requireStaffActor(request, { module: "service", action: "add" });
  const values = formStrings(await request.formData());
  const checked = checkRecordForm(record.schema, values);
  const result =
    checked.status === "ok"
      ? await recordResult(record.create(checked.value, actor), record.messages, values)
      : checked;
  return respond(result, { successTo: ({ id }) => `${record.listPath}/${id}`, flash: "flash.created" });
}
