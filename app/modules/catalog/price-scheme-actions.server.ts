import type { Db } from "#app/lib/db.server.ts";
import { respond } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { PriceSchemeInput } from "./price-scheme-input.ts";
import { discardPriceScheme, savePriceScheme, submitPriceScheme } from "./price-schemes.server.ts";
import { saveRecordForm } from "./product-actions.server.ts";

// The price-scheme pages' actions: save (new and edit), submit for approval, discard.

const SCHEMES_PATH = "/crm/price-schemes";

export function saveSchemeForm(db: Db, actor: StaffActor, id: number | null, form: FormData) {
  return saveRecordForm(form, PriceSchemeInput, (value) => savePriceScheme(db, actor, id, value), {
    path: SCHEMES_PATH,
    isNew: id === null,
  });
}

export async function submitSchemeForm(db: Db, actor: StaffActor, id: number) {
  return respond(await submitPriceScheme(db, actor, id), { successTo: `${SCHEMES_PATH}/${id}`, flash: "flash.saved" });
}

export async function discardSchemeForm(db: Db, actor: StaffActor, id: number) {
  return respond(await discardPriceScheme(db, actor, id), { successTo: `${SCHEMES_PATH}/${id}`, flash: "flash.saved" });
}
