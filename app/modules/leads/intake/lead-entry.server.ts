import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { isMessageKey } from "#app/lib/forms.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { invalid, ok, type FieldErrors, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { visibleCampaignsWhere } from "#app/modules/campaigns/campaign-access.server.ts";
import { submitLead } from "./lead-intake.server.ts";
import { assignableOwners } from "../record/lead-queries.server.ts";
import { parseLeadSubmission } from "./lead-submission.ts";
import { pickedLeadSource } from "../record/lead-source.server.ts";

// Staff enter a lead by hand (a phone call, a business card): the same intake service as the web
// forms, with the owner chosen by the person entering it among those their leads × add scope
// reaches, instead of by the token rules, and optionally the 营销战役 it came from (#14 item 18).

export const ENTRY_CONTACT = ["name", "title", "email", "mobile", "phone", "fax"] as const;
export const ENTRY_COMPANY = ["name", "province", "city", "address", "phone", "fax"] as const;

export interface LeadEntryInput {
  contact: Partial<Record<(typeof ENTRY_CONTACT)[number], string>>;
  company: Partial<Record<(typeof ENTRY_COMPANY)[number], string>>;
  requirement?: string;
  ownerStaffId?: string | number | null;
  /** One of `entryCampaigns`; empty for none. */
  campaignId?: string | number | null;
  /** 线索来源: an active lead_source code; empty for the channel's ("staff"). */
  sourceCode?: string | null;
  /** A fresh id per rendered form: a double click or a resubmitted POST replays the first lead. */
  submissionId?: string | null;
}

/** Whom the actor may give a new lead to. */
export function entryOwners(db: DbOrTx, actor: StaffActor) {
  return assignableOwners(db, actor);
}

/** Campaigns that are running (active, or being adjusted mid-run): the only ones a new lead may join. */
const RUNNING_CAMPAIGNS = ["active", "adjusting"] as const;

/** The running campaigns the actor may see (owner, participant or campaigns scope), by name. */
export async function entryCampaigns(db: DbOrTx, actor: StaffActor): Promise<Array<{ id: number; name: string }>> {
  return db.campaign.findMany({
    where: { AND: [{ status: { in: [...RUNNING_CAMPAIGNS] } }, await visibleCampaignsWhere(db, actor)] },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

const SubmissionId = z.uuid();
const CampaignId = z.coerce.number().int().positive().max(2_147_483_647);

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
  if (input.campaignId) values.campaignId = String(input.campaignId);
  if (input.sourceCode) values.sourceCode = String(input.sourceCode).slice(0, 40);
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
  const campaign = await chosenCampaign(db, actor, input.campaignId);
  const ownerOk = owners.some((o) => o.id === ownerId);
  const sourceCode = await pickedLeadSource(db, input.sourceCode);
  if (!ownerOk || campaign === "invalid" || sourceCode === "invalid") {
    // Report these together with whatever else is wrong, so the form shows every problem at once.
    const parsed = parseLeadSubmission(values);
    const { fieldErrors, formErrors } = entryErrors(parsed.success ? {} : parsed.errors);
    if (!ownerOk) fieldErrors.ownerStaffId = ["leads.error.ownerNotFound"];
    if (campaign === "invalid") fieldErrors.campaignId = ["leadInbox.create.campaignUnavailable"];
    if (sourceCode === "invalid") fieldErrors.sourceCode = ["adminEnums.leadSource.invalid"];
    return invalid(fieldErrors, formErrors, typed(input));
  }
  const result = await submitLead(db, values, {
    categoryId: null,
    source: "staff",
    idempotencyKey: submissionId.success ? `staff-form:${actor.staffId}:${submissionId.data}` : null,
    actorStaffId: actor.staffId,
    ownerStaffId: ownerId,
    campaignId: campaign,
    sourceCode,
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

/** The campaign picked on the form: null for none, "invalid" when it is not one the actor may pick. */
async function chosenCampaign(
  db: DbOrTx,
  actor: StaffActor,
  raw: LeadEntryInput["campaignId"],
): Promise<number | null | "invalid"> {
  if (raw === undefined || raw === null || String(raw).trim() === "") return null;
  const id = CampaignId.safeParse(raw);
  if (!id.success) return "invalid";
  const found = await db.campaign.findFirst({
    where: {
      AND: [{ id: id.data }, { status: { in: [...RUNNING_CAMPAIGNS] } }, await visibleCampaignsWhere(db, actor)],
    },
    select: { id: true },
  });
  return found ? found.id : "invalid";
}
