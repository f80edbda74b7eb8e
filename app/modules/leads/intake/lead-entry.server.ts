import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { isMessageKey } from "#app/lib/forms.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { invalid, ok, type FieldErrors, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { submitLead } from "./lead-intake.server.ts";
import { assignableOwners } from "../record/lead-queries.server.ts";
import { parseLeadSubmission } from "./lead-submission.ts";

// Staff enter a lead by hand (a phone call, a business card): the same intake service as the web
// forms, with the owner chosen by the person entering it among those their leads × add scope
// reaches, instead of by the token rules.

export const ENTRY_CONTACT = ["name", "title", "email", "mobile", "phone", "fax"] as const;
export const ENTRY_COMPANY = ["name", "province", "city", "address", "phone", "fax"] as const;

export interface LeadEntryInput {
  contact: Partial<Record<(typeof ENTRY_CONTACT)[number], string>>;
  company: Partial<Record<(typeof ENTRY_COMPANY)[number], string>>;
  requirement?: string;
  ownerStaffId?: string | number | null;
  /** A fresh id per rendered form: a double click or a resubmitted POST replays the first lead. */
  submissionId?: string | null;
}

/** Whom the actor may give a new lead to. */
export function entryOwners(db: DbOrTx, actor: StaffActor) {
  return assignableOwners(db, actor);
}

const SubmissionId = z.uuid();

/** The intake's error paths and keys as the form's fields (`contact.name`, `ownerStaffId`). */
function entryErrors(errors: Record<string, string[]>): { fieldErrors: FieldErrors; formErrors: MessageKey[] } {
  const fieldErrors: FieldErrors = {};
  const formErrors: MessageKey[] = [];
  const keys = (list: string[]) => list.map((k) => (isMessageKey(k) ? k : "leads.error.invalid"));
  for (const [path, list] of Object.entries(errors)) {
    if (path === "contact" || path === "company") {
      // The 联系人@单位 rule: the full sentence above the form, a short reminder beside both names.
      if (!formErrors.includes("leads.error.contactOrCompany")) formErrors.push("leads.error.contactOrCompany");
      const name = `${path}.name`;
      fieldErrors[name] = [
        ...new Set<MessageKey>([...(fieldErrors[name] ?? []), "leadInbox.create.contactOrCompanyShort"]),
      ];
    } else if (path === "owner" || path === "ownerStaffId") {
      fieldErrors.ownerStaffId = keys(list);
    } else if (path.startsWith("contact.") || path.startsWith("company.") || path === "requirement") {
      fieldErrors[path] = [...new Set([...(fieldErrors[path] ?? []), ...keys(list)])];
    } else {
      formErrors.push(...keys(list));
    }
  }
  return { fieldErrors, formErrors };
}

/** What was typed, under the form's field names, so the page can refill a refused form. */
function typed(input: LeadEntryInput): Record<string, string> {
  const values: Record<string, string> = { requirement: input.requirement ?? "" };
  for (const [k, v] of Object.entries(input.contact)) values[`contact.${k}`] = v ?? "";
  for (const [k, v] of Object.entries(input.company)) values[`company.${k}`] = v ?? "";
  if (input.ownerStaffId) values.ownerStaffId = String(input.ownerStaffId);
  return values;
}

export async function enterLeadByHand(
  db: Db,
  actor: StaffActor,
  input: LeadEntryInput,
  context: { ipAddress?: string | null; userAgent?: string | null },
): Promise<ServiceResult<{ leadId: number }>> {
  const owners = await entryOwners(db, actor);
  const ownerId = Number(input.ownerStaffId || actor.staffId);
  const submissionId = SubmissionId.safeParse(input.submissionId);
  const values = { contact: input.contact, company: input.company, requirement: input.requirement ?? "" };
  if (!owners.some((o) => o.id === ownerId)) {
    // Report the owner together with whatever else is wrong, so the form shows every problem at once.
    const parsed = parseLeadSubmission(values);
    const { fieldErrors, formErrors } = entryErrors(parsed.success ? {} : parsed.errors);
    return invalid({ ...fieldErrors, ownerStaffId: ["leads.error.ownerNotFound"] }, formErrors, typed(input));
  }
  const result = await submitLead(db, values, {
    categoryId: null,
    source: "staff",
    idempotencyKey: submissionId.success ? `staff-form:${actor.staffId}:${submissionId.data}` : null,
    actorStaffId: actor.staffId,
    ownerStaffId: ownerId,
    submitterIp: context.ipAddress ?? null,
    userAgent: context.userAgent ?? null,
  });
  if (result.status === "invalid") {
    const { fieldErrors, formErrors } = entryErrors(result.errors);
    return invalid(fieldErrors, formErrors, typed(input));
  }
  if (result.status === "keyReused") return invalid({}, ["intake.form.resubmitted"], typed(input));
  return ok({ leadId: result.lead.id });
}
