import type { z } from "zod";
import type { Db } from "#app/lib/db.server.ts";
import { formValues, parseForm } from "#app/lib/forms.server.ts";
import { fail, respond, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { ProductInput } from "./product-input.ts";
import { saveProduct } from "./products.server.ts";

// The catalog's record forms (product, price scheme), new and edit alike: parse, save, and on a
// refusal answer with what was typed so the page refills it; on success go to the record with a flash.

export async function saveRecordForm<S extends z.ZodType>(
  form: FormData,
  schema: S,
  save: (value: z.output<S>) => Promise<ServiceResult<{ id: number }>>,
  target: { path: string; isNew: boolean },
) {
  const parsed = await parseForm(form, schema);
  if (parsed.status !== "ok") return fail(parsed);
  const saved = await save(parsed.value);
  if (saved.status === "invalid") return fail({ ...saved, values: formValues(form) });
  return respond(saved, {
    successTo: (value) => `${target.path}/${value.id}`,
    flash: target.isNew ? "flash.created" : "flash.saved",
  });
}

export function saveProductForm(db: Db, actor: StaffActor, id: number | null, form: FormData) {
  return saveRecordForm(form, ProductInput, (value) => saveProduct(db, actor, id, value), {
    path: "/crm/products",
    isNew: id === null,
  });
}
