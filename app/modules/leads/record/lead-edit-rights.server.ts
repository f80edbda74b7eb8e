import { z } from "zod";
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import { conflictStrategyFor, resolveConflict } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { companyNameKey, contactPhoneKey, emailKey } from "#app/modules/crm/match-keys.ts";
import { canAccessLead } from "./lead-queries.server.ts";

// Who may edit which field group of a lead (#5, decision 013):
//   need    = requirement          contact = contact* fields
//   company = company* fields      status  = identification, label, demand status (and the status flow)
// The owner, and staff whose leads × modify scope covers the owner (team / all managers), edit every
// group. A salesperson the lead was distributed to edits only the groups granted on their assignment,
// and only while the lead is unclaimed or claimed by them; a recalled assignment grants nothing.

export const FIELD_GROUPS = ["need", "contact", "company", "status"] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export type EditRights = Record<FieldGroup, boolean>;

export type EditRightsReason = "manager" | "owner" | "supervisor" | "assignee" | "claimed-by-other" | "none";

export interface LeadEditRights {
  rights: EditRights;
  reason: EditRightsReason;
}

const NONE: EditRights = { need: false, contact: false, company: false, status: false };
const ALL: EditRights = { need: true, contact: true, company: true, status: true };

interface RightsLead {
  ownerId: number;
  owner: { teamId: number | null };
  claimedById: number | null;
  /** The claimer's team: a manager whose scope covers the claimer keeps working the lead (#14 item 17). */
  claimedBy: { teamId: number | null } | null;
}

interface RightsAssignment {
  canEditNeed: boolean;
  canEditContact: boolean;
  canEditCompany: boolean;
  canEditStatus: boolean;
  recalledAt: Date | null;
}

/** Pure rule: the actor's rights on a lead given their assignment row (or null). */
export function editRightsFor(
  actor: StaffActor,
  lead: RightsLead,
  assignment: RightsAssignment | null,
): LeadEditRights {
  const staffId = actor.staffId;
  if (lead.ownerId === staffId) return { rights: { ...ALL }, reason: "owner" };
  // Administrators pass every check, whatever the conflict strategy.
  if (actor.isAdmin) return { rights: { ...ALL }, reason: "manager" };
  // Owner scope only (no assignments passed): an assignment alone must not make one a manager.
  const manager = canAccessLead(actor, { ownerId: lead.ownerId, owner: lead.owner }, "modify");
  if (!assignment || assignment.recalledAt) {
    if (manager) return { rights: { ...ALL }, reason: "manager" };
    return { rights: { ...NONE }, reason: supervises(actor, lead) ? "supervisor" : "none" };
  }
  // A claim shuts out the other assignees, but not the claimer's own manager (leads × modify over
  // the claimer): a manager must not lose a lead because one of his reps said 我处理 (#14 item 17).
  const claimedByOther = lead.claimedById !== null && lead.claimedById !== staffId && !supervises(actor, lead);
  const business: EditRights = claimedByOther
    ? { ...NONE }
    : {
        need: assignment.canEditNeed,
        contact: assignment.canEditContact,
        company: assignment.canEditCompany,
        status: assignment.canEditStatus,
      };
  // A distribution grant exists: the leads conflict strategy weighs it against the role (seed §2.P.5).
  const strategy = conflictStrategyFor(actor, "leads");
  const rights = Object.fromEntries(
    FIELD_GROUPS.map((g) => [g, resolveConflict(strategy, manager, business[g])]),
  ) as EditRights;
  const any = FIELD_GROUPS.some((g) => rights[g]);
  const reason: EditRightsReason =
    manager && FIELD_GROUPS.every((g) => rights[g])
      ? "manager"
      : claimedByOther && !any
        ? "claimed-by-other"
        : "assignee";
  return { rights, reason };
}

/** The claimer is in the actor's leads × modify scope: the actor may follow the lead up (notes, tasks). */
function supervises(actor: StaffActor, lead: RightsLead): boolean {
  if (lead.claimedById === null || !lead.claimedBy) return false;
  return canAccessLead(actor, { ownerId: lead.claimedById, owner: lead.claimedBy }, "modify");
}

/** What the rights on a lead depend on besides its owner and claimer: their teams and the actor's assignment. */
export function leadRightsInclude(staffId: number) {
  return {
    owner: { select: { teamId: true } },
    claimedBy: { select: { teamId: true } },
    assignments: { where: { staffId } },
  } as const;
}

/** Locks the lead row first: rights depend on the claim, which a concurrent 我处理 may be setting. */
export async function lockLead(tx: DbOrTx, leadId: number): Promise<void> {
  await tx.$queryRaw`SELECT \`id\` FROM \`Lead\` WHERE \`id\` = ${leadId} FOR UPDATE`;
}

/** Loads what the rule needs and answers it; null when the lead does not exist. */
export async function leadEditRights(db: DbOrTx, actor: StaffActor, leadId: number): Promise<LeadEditRights | null> {
  const lead = await db.lead.findUnique({
    where: { id: leadId },
    select: { ownerId: true, claimedById: true, ...leadRightsInclude(actor.staffId) },
  });
  if (!lead) return null;
  return editRightsFor(actor, lead, lead.assignments[0] ?? null);
}

// ───────────────────────────── Editing one group ─────────────────────────────

export type LeadWorkErrorKey = Extract<MessageKey, `leadWork.error.${string}`>;

function blank(value: unknown): unknown {
  if (typeof value !== "string") return value ?? null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function text(max: number) {
  return z.preprocess(
    blank,
    z
      .string({ error: "leadWork.error.invalid" satisfies LeadWorkErrorKey })
      .max(max, { error: "leadWork.error.tooLong" satisfies LeadWorkErrorKey })
      .nullable(),
  );
}

const PHONE_CHARS = /^[+0-9０-９\s\-－–—()（）.,、#*/转分机xXeEtT:：]+$/u;
function phone() {
  return z.preprocess(
    blank,
    z
      .string({ error: "leadWork.error.invalid" satisfies LeadWorkErrorKey })
      .max(50, { error: "leadWork.error.tooLong" satisfies LeadWorkErrorKey })
      .refine((v) => PHONE_CHARS.test(v) && (v.normalize("NFKC").match(/\d/g)?.length ?? 0) >= 5, {
        error: "leadWork.error.invalidPhone" satisfies LeadWorkErrorKey,
      })
      .nullable(),
  );
}

function email() {
  return z.preprocess(
    (v) => {
      const b = blank(v);
      return typeof b === "string" ? b.normalize("NFKC").toLowerCase() : b;
    },
    z
      .string({ error: "leadWork.error.invalid" satisfies LeadWorkErrorKey })
      .max(191, { error: "leadWork.error.tooLong" satisfies LeadWorkErrorKey })
      .pipe(z.email({ error: "leadWork.error.invalidEmail" satisfies LeadWorkErrorKey }))
      .nullable(),
  );
}

export const IDENTIFICATION_LABELS = ["false_info", "has_need", "prospect", "competitor", "doubtful"] as const;

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const GROUP_SCHEMAS = {
  need: z.object({ requirement: text(5000) }),
  contact: z.object({
    contactName: text(100),
    contactTitle: text(100),
    contactEmail: email(),
    contactPhone: phone(),
    contactMobile: phone(),
    contactFax: phone(),
  }),
  company: z.object({
    companyName: text(200),
    companyProvince: text(50),
    companyCity: text(50),
    companyAddress: text(255),
    companyPhone: phone(),
    companyFax: phone(),
  }),
  status: z.object({
    identified: checkbox,
    identificationLabel: z.preprocess(
      blank,
      z.enum(IDENTIFICATION_LABELS, { error: "leadWork.error.invalidChoice" satisfies LeadWorkErrorKey }).nullable(),
    ),
    demandStatus: text(200),
  }),
} satisfies Record<FieldGroup, z.ZodObject>;

export type GroupValues<G extends FieldGroup> = z.output<(typeof GROUP_SCHEMAS)[G]>;
export type GroupField<G extends FieldGroup> = keyof GroupValues<G> & string;
export type GroupFieldErrors = Partial<Record<string, LeadWorkErrorKey>>;

/** Thrown when the actor may not edit the group (the route answers 403; nothing was written). */
export class LeadEditForbiddenError extends Error {
  constructor(
    readonly leadId: number,
    readonly group: FieldGroup,
    readonly reason: EditRightsReason,
  ) {
    super(`Not allowed to edit the ${group} fields of lead ${leadId} (${reason})`);
    this.name = "LeadEditForbiddenError";
  }
}

export class LeadNotFoundError extends Error {
  constructor(readonly leadId: number) {
    super(`Lead ${leadId} not found`);
    this.name = "LeadNotFoundError";
  }
}

export type UpdateGroupResult = { ok: true; changed: string[] } | { ok: false; fieldErrors: GroupFieldErrors };

export function parseGroup<G extends FieldGroup>(
  group: G,
  values: unknown,
): { ok: true; data: GroupValues<G> } | { ok: false; fieldErrors: GroupFieldErrors } {
  const parsed = GROUP_SCHEMAS[group].safeParse(values ?? {});
  if (parsed.success) return { ok: true, data: parsed.data as GroupValues<G> };
  const fieldErrors: GroupFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && !(field in fieldErrors)) {
      fieldErrors[field] = issue.message.startsWith("leadWork.error.")
        ? (issue.message as LeadWorkErrorKey)
        : "leadWork.error.invalid";
    }
  }
  return { ok: false, fieldErrors };
}

/** Plain field values (strings, booleans, null, enum strings) as a JSON column value. */
function toJson(value: Record<string, unknown>): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonObject;
}

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/**
 * Validates and saves one field group. Throws LeadNotFoundError / LeadEditForbiddenError (checked
 * inside the transaction against the locked row, so a claim that lands meanwhile is respected);
 * returns field errors for invalid input. Writes a LeadEvent "edited" and an audit row when a value
 * changed; match keys follow contact and company edits.
 */
export async function updateLeadGroup<G extends FieldGroup>(
  db: Db,
  actor: StaffActor,
  leadId: number,
  group: G,
  values: unknown,
  options: { ipAddress?: string | null } = {},
): Promise<UpdateGroupResult> {
  const parsed = parseGroup(group, values);
  return db.$transaction(async (tx) => {
    await lockLead(tx, leadId);
    const lead = await tx.lead.findUnique({ where: { id: leadId }, include: leadRightsInclude(actor.staffId) });
    if (!lead) throw new LeadNotFoundError(leadId);
    const { rights, reason } = editRightsFor(actor, lead, lead.assignments[0] ?? null);
    if (!rights[group]) throw new LeadEditForbiddenError(leadId, group, reason);
    if (!parsed.ok) return parsed;

    const data = parsed.data as Record<string, unknown>;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(data)) {
      const current = (lead as Record<string, unknown>)[field];
      if (!same(current, value)) {
        before[field] = current ?? null;
        after[field] = value ?? null;
      }
    }
    const changed = Object.keys(after);
    if (!changed.length) return { ok: true, changed };

    const update: Prisma.LeadUpdateInput = { ...after };
    if (group === "contact") {
      const merged = { ...lead, ...after } as typeof lead;
      update.emailKey = emailKey(merged.contactEmail);
      update.phoneKey = contactPhoneKey({ mobile: merged.contactMobile, phone: merged.contactPhone });
    }
    if (group === "company") {
      const name = (after.companyName ?? lead.companyName) as string | null;
      update.companyKey = name ? companyNameKey(name) || null : null;
    }
    await tx.lead.update({ where: { id: leadId }, data: update });
    await tx.leadEvent.create({
      data: {
        leadId,
        type: group === "status" ? "identified" : "edited",
        actorType: "staff",
        actorId: actor.staffId,
        detail: toJson({ group, fields: changed, before, after }),
      },
    });
    await recordStaffAudit(tx, actor, {
      action: group === "status" ? "lead.identified" : "lead.edited",
      entityType: "Lead",
      entityId: leadId,
      before: toJson(before),
      after: toJson(after),
      ipAddress: options.ipAddress ?? null,
    });
    return { ok: true, changed };
  });
}
