import type { z } from "zod";
import type { Db } from "#app/lib/db.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  invalid,
  ok,
  type Failure,
  type FieldErrors,
  type Invalid,
  type ServiceResult,
} from "#app/lib/service-result.ts";

// The asset and contract schemas (assets.server.ts, service-contracts.server.ts) read raw form
// strings and word their own checks as short codes ("date", "before-start"); this turns their issues
// into the form kit's typed keys, one list per field, for `respond`.

function keyOf(issue: z.core.$ZodIssue): MessageKey {
  if (issue.message === "date") return "validation.date";
  if (issue.message === "before-start") return "validation.endBeforeStart";
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" ? "validation.required" : "validation.number";
    case "too_big":
      return issue.origin === "string" ? "validation.tooLong" : "validation.number";
    case "invalid_value":
      return "validation.choose";
    case "invalid_type":
      return issue.expected === "number" ? "validation.number" : "validation.required";
    default:
      return "validation.invalid";
  }
}

/** A refused service form: the fields' keys, "see the marked fields" above it, and what was typed. */
export function invalidServiceForm(
  issues: readonly z.core.$ZodIssue[],
  values: Record<string, string>,
): Invalid<string> {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    const key = keyOf(issue);
    const list = (errors[field] ??= []);
    if (!list.includes(key)) list.push(key);
  }
  return invalid(errors, ["zones.bo.error.form"], values);
}

/** A form of the asset or contract page: the record's id from the URL and the form's strings. */
export type ServiceRecordForm = (
  db: Db,
  actor: StaffActor,
  recordId: number,
  values: Record<string, string>,
) => Promise<ServiceResult<undefined>>;

/**
 * One asset/contract form as a ServiceResult: `schema` checks the strings first (a refusal refills
 * `refill`), then `save` runs with the parsed values and `refused` maps what it throws.
 */
export async function saveServiceForm<S extends z.ZodType>(
  schema: S,
  values: Record<string, string>,
  refill: Record<string, string>,
  save: (data: z.output<S>) => Promise<unknown>,
  refused: (error: unknown) => Failure,
): Promise<ServiceResult<undefined>> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) return invalidServiceForm(parsed.error.issues, refill);
  try {
    await save(parsed.data);
    return ok();
  } catch (error) {
    return refused(error);
  }
}

/** A form's string fields (files dropped), as the service schemas take them. */
export function formStrings(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string" && !(name in values)) values[name] = value;
  return values;
}
