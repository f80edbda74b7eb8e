import { data } from "react-router";
import type { Db } from "#app/lib/db.server.ts";
import { formValues, parseForm } from "#app/lib/forms.server.ts";
import { failureStatus } from "#app/lib/service-result.ts";
import type { AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { regionPickerOptions } from "../regions/divisions.server.ts";
import { CompanyFormSchema } from "./company-form.ts";
import { createCompany, updateCompany, type CompanyWriteResult } from "./company-write.server.ts";

// The company form's two intents as the create and edit pages answer them: "region" (the picker's
// no-JS refresh: render the form again with the next level's options, nothing saved) and the save.
// A refusal comes back with what was typed, so the form shows it again.

export type CompanyFormAnswer =
  | { status: "region"; values: Record<string, string>; regions: ReturnType<typeof regionPickerOptions> }
  | (Exclude<CompanyWriteResult, { status: "ok" }> & {
      values: Record<string, string>;
      regions: ReturnType<typeof regionPickerOptions>;
    });

function optionsFor(values: Record<string, string>) {
  return regionPickerOptions({ provinceCode: values.provinceCode || null, cityCode: values.cityCode || null });
}

/** The region refresh: the typed values and the options for the chosen province and city. */
export function regionRefresh(form: FormData) {
  const values = formValues(form);
  return data({ status: "region" as const, values, regions: optionsFor(values) });
}

/**
 * Saves the form (create when `companyId` is null). Ok → the saved company's id; otherwise the
 * action's data response (400/404 with field errors, or 409 with the duplicate candidates).
 */
export async function saveCompanyForm(
  db: Db,
  actor: StaffActor,
  companyId: number | null,
  form: FormData,
  meta: AuditMeta,
) {
  const values = formValues(form);
  const regions = optionsFor(values);
  const parsed = await parseForm(form, CompanyFormSchema);
  if (parsed.status !== "ok") {
    return { ok: false as const, response: data({ ...parsed, values, regions }, { status: 400 }) };
  }
  const result =
    companyId === null
      ? await createCompany(db, actor, parsed.value, meta)
      : await updateCompany(db, actor, companyId, parsed.value, meta);
  if (result.status === "ok") return { ok: true as const, id: result.value.id };
  const status = result.status === "duplicates" ? 409 : failureStatus(result);
  return { ok: false as const, response: data({ ...result, values, regions }, { status }) };
}
