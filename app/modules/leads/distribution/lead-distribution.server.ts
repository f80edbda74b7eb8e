import type { Db, Tx } from "#app/lib/db.server.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { inScope, scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { notifyStaff } from "#app/modules/notifications/notifications.server.ts";

// Single-lead distribution primitives (#5): distribute to salespeople with field-group rights,
// recall them, transfer ownership. Each runs inside the caller's transaction (manual actions wrap one
// call; the batch worker wraps one chunk), locks the lead row first so it serialises with a
// concurrent claim, recall or batch on the same lead, writes one LeadEvent when — and only when —
// something changed, and is idempotent: replaying a call after a crash adds no rows and no history.
// See docs/decisions/013-lead-claim-and-field-rights.md.

export interface AssigneeRights {
  staffId: number;
  canEditNeed: boolean;
  canEditContact: boolean;
  canEditCompany: boolean;
  canEditStatus: boolean;
}

export const RIGHT_KEYS = ["canEditNeed", "canEditContact", "canEditCompany", "canEditStatus"] as const;

interface LockedLead {
  id: number;
  number: string;
  status: string;
  ownerId: number;
  claimedById: number | null;
  contactName: string | null;
  companyName: string | null;
}

/** Reads the lead with a row lock held until the transaction ends, or null when it is gone. */
export async function lockLead(tx: Tx, leadId: number): Promise<LockedLead | null> {
  const rows = await tx.$queryRaw<LockedLead[]>`
    SELECT \`id\`, \`number\`, \`status\`, \`ownerId\`, \`claimedById\`, \`contactName\`, \`companyName\`
    FROM \`Lead\` WHERE \`id\` = ${leadId} FOR UPDATE`;
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    id: Number(row.id),
    ownerId: Number(row.ownerId),
    claimedById: row.claimedById === null ? null : Number(row.claimedById),
  };
}

function sameRights(a: AssigneeRights, b: AssigneeRights): boolean {
  return RIGHT_KEYS.every((k) => a[k] === b[k]);
}

function rightsOf(a: AssigneeRights): AssigneeRights {
  return {
    staffId: a.staffId,
    canEditNeed: Boolean(a.canEditNeed),
    canEditContact: Boolean(a.canEditContact),
    canEditCompany: Boolean(a.canEditCompany),
    canEditStatus: Boolean(a.canEditStatus),
  };
}

async function tellStaff(
  tx: Tx,
  staffIds: number[],
  lead: LockedLead,
  kind: "distributed" | "transferred",
): Promise<void> {
  if (!staffIds.length) return;
  const staff = await tx.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, locale: true } });
  const who = [lead.contactName, lead.companyName].filter(Boolean).join(" @ ") || lead.number;
  for (const s of staff) {
    const t = createTranslator(isLocale(s.locale) ? s.locale : DEFAULT_LOCALE);
    await notifyStaff(tx, {
      staffId: s.id,
      type: kind === "distributed" ? "lead.distributed" : "lead.transferred",
      title: t(kind === "distributed" ? "leadWork.notify.distributed" : "leadWork.notify.transferred", {
        number: lead.number,
        who,
      }),
      link: `/crm/leads/${lead.id}`,
    });
  }
}

/**
 * Distributes a lead to salespeople with the field groups each may edit. New people are added (and
 * told through the bell), recalled people are restored, people already holding an active assignment
 * get their rights updated. The owner is skipped: they edit everything anyway. A `new` lead becomes
 * `assigned`. Returns `changed: false` (and writes nothing) when the lead is gone or nothing differs.
 */
export async function distributeLeadTx(
  tx: Tx,
  leadId: number,
  assignees: AssigneeRights[],
  actorStaffId: number,
  opts: { ruleId?: number | null; batchId?: number } = {},
): Promise<{ changed: boolean }> {
  const lead = await lockLead(tx, leadId);
  if (!lead) return { changed: false };

  // One entry per person; the last one given wins.
  const wanted = new Map<number, AssigneeRights>();
  for (const a of assignees) if (a.staffId !== lead.ownerId) wanted.set(a.staffId, rightsOf(a));
  if (!wanted.size) return { changed: false };

  const existing = await tx.leadAssignment.findMany({
    where: { leadId, staffId: { in: [...wanted.keys()] } },
  });
  const byStaff = new Map(existing.map((e) => [e.staffId, e]));
  const now = new Date();
  const ruleId = opts.ruleId ?? null;
  const changes: Array<AssigneeRights & { change: "added" | "restored" | "rights" }> = [];
  const toNotify: number[] = [];

  for (const rights of wanted.values()) {
    const current = byStaff.get(rights.staffId);
    const { staffId, ...flags } = rights;
    if (!current) {
      await tx.leadAssignment.create({
        data: { leadId, staffId, ...flags, ruleId, assignedById: actorStaffId, assignedAt: now },
      });
      changes.push({ ...rights, change: "added" });
      toNotify.push(staffId);
    } else if (current.recalledAt) {
      await tx.leadAssignment.update({
        where: { id: current.id },
        data: { ...flags, ruleId, assignedById: actorStaffId, assignedAt: now, recalledAt: null },
      });
      changes.push({ ...rights, change: "restored" });
      toNotify.push(staffId);
    } else if (!sameRights(current, rights)) {
      await tx.leadAssignment.update({ where: { id: current.id }, data: flags });
      changes.push({ ...rights, change: "rights" });
    }
  }
  if (!changes.length) return { changed: false };

  if (lead.status === "new") {
    await tx.lead.update({ where: { id: leadId }, data: { status: "assigned" } });
  }
  await tx.leadEvent.create({
    data: {
      leadId,
      type: "distributed",
      actorType: "staff",
      actorId: actorStaffId,
      detail: {
        assignees: changes.map((c) => ({ ...c })),
        ...(ruleId !== null ? { ruleId } : {}),
        ...(opts.batchId !== undefined ? { batchId: opts.batchId } : {}),
        ...(lead.status === "new" ? { statusFrom: "new", statusTo: "assigned" } : {}),
      },
    },
  });
  await tellStaff(tx, toNotify, lead, "distributed");
  return { changed: true };
}

/**
 * Recalls a lead from some (or all) of its active assignees: their assignment is kept as recalled
 * (history, and a later redistribution restores it), a claim held by one of them is cleared, and when
 * nobody active remains an `assigned` lead goes back to `new` — back with the owner, ready to be
 * distributed again. Recalling someone who holds no active assignment is a no-op.
 */
export async function recallLeadTx(
  tx: Tx,
  leadId: number,
  fromStaffIds: number[] | "all",
  actorStaffId: number,
  opts: { batchId?: number } = {},
): Promise<{ changed: boolean }> {
  const lead = await lockLead(tx, leadId);
  if (!lead) return { changed: false };
  if (fromStaffIds !== "all" && !fromStaffIds.length) return { changed: false };

  const active = await tx.leadAssignment.findMany({
    where: { leadId, recalledAt: null, ...(fromStaffIds === "all" ? {} : { staffId: { in: fromStaffIds } }) },
    select: { id: true, staffId: true },
  });
  if (!active.length) return { changed: false };

  const now = new Date();
  await tx.leadAssignment.updateMany({ where: { id: { in: active.map((a) => a.id) } }, data: { recalledAt: now } });
  const recalled = active.map((a) => a.staffId).sort((a, b) => a - b);
  const claimCleared = lead.claimedById !== null && recalled.includes(lead.claimedById);
  const remaining = await tx.leadAssignment.count({ where: { leadId, recalledAt: null } });
  const backToNew = remaining === 0 && lead.status === "assigned";
  if (claimCleared || backToNew) {
    await tx.lead.update({
      where: { id: leadId },
      data: {
        ...(claimCleared ? { claimedById: null, claimedAt: null } : {}),
        ...(backToNew ? { status: "new" } : {}),
      },
    });
  }
  await tx.leadEvent.create({
    data: {
      leadId,
      type: "recalled",
      actorType: "staff",
      actorId: actorStaffId,
      detail: {
        fromStaffIds: recalled,
        ...(claimCleared ? { claimClearedStaffId: lead.claimedById } : {}),
        ...(backToNew ? { statusFrom: "assigned", statusTo: "new" } : {}),
        ...(opts.batchId !== undefined ? { batchId: opts.batchId } : {}),
      },
    },
  });
  return { changed: true };
}

export class LeadTransferTargetError extends Error {
  constructor(readonly staffId: number) {
    super(`Staff ${staffId} cannot own leads (missing or inactive)`);
    this.name = "LeadTransferTargetError";
  }
}

/**
 * The owner gives the lead up: `toStaffId` becomes the owner (and sees it as unseen). Assignments stay
 * as they are, except that the new owner's own assignment is ended — owners edit everything anyway.
 * Throws LeadTransferTargetError when the target is missing or inactive (a parameter error the caller
 * checks once, not per lead).
 */
export async function transferLeadTx(
  tx: Tx,
  leadId: number,
  toStaffId: number,
  actorStaffId: number,
  opts: { batchId?: number } = {},
): Promise<{ changed: boolean }> {
  const lead = await lockLead(tx, leadId);
  if (!lead) return { changed: false };
  if (lead.ownerId === toStaffId) return { changed: false };
  const target = await tx.staff.findUnique({ where: { id: toStaffId }, select: { status: true } });
  if (!target || target.status === "inactive") throw new LeadTransferTargetError(toStaffId);

  const now = new Date();
  await tx.lead.update({ where: { id: leadId }, data: { ownerId: toStaffId, ownerSeenAt: null } });
  const ended = await tx.leadAssignment.updateMany({
    where: { leadId, staffId: toStaffId, recalledAt: null },
    data: { recalledAt: now },
  });
  await tx.leadEvent.create({
    data: {
      leadId,
      type: "transferred",
      actorType: "staff",
      actorId: actorStaffId,
      detail: {
        fromOwnerId: lead.ownerId,
        toOwnerId: toStaffId,
        ...(ended.count ? { endedAssignmentStaffId: toStaffId } : {}),
        ...(opts.batchId !== undefined ? { batchId: opts.batchId } : {}),
      },
    },
  });
  await tellStaff(tx, [toStaffId], lead, "transferred");
  return { changed: true };
}

// ───────────────────────────── By hand, from the lead page ─────────────────────────────

/** The one transaction a manual action runs in, with the actor's permission checked against the locked row. */
export type ManualResult =
  | { kind: "done"; changed: boolean }
  | { kind: "not-found" }
  /** Only the owner, or staff whose leads × modify scope covers the owner, may distribute, recall or transfer. */
  | { kind: "forbidden" }
  | { kind: "invalid-staff"; staffIds: number[] };

/** The owner, or staff whose leads × modify scope (team or all) covers the owner, manage a lead. */
async function mayManage(tx: Tx, actor: StaffActor, ownerId: number): Promise<boolean> {
  if (ownerId === actor.staffId) return true;
  const scope = scopeFor(actor, "leads", "modify");
  if (scope === null || scope === "own") return false;
  const owner = await tx.staff.findUnique({ where: { id: ownerId }, select: { teamId: true } });
  return inScope(
    scope,
    { id: actor.staffId, teamId: actor.teamId, teamIds: actor.teamIds },
    { ownerId, ownerTeamId: owner?.teamId ?? null },
  );
}

/** Active staff among the ids; the rest are reported back (inactive, away people are allowed: they return). */
async function unknownOrInactive(tx: Tx, staffIds: number[]): Promise<number[]> {
  const found = await tx.staff.findMany({
    where: { id: { in: staffIds }, status: { not: "inactive" } },
    select: { id: true },
  });
  const ok = new Set(found.map((s) => s.id));
  return staffIds.filter((id) => !ok.has(id));
}

export function distributeLeadByHand(
  db: Db,
  actor: StaffActor,
  leadId: number,
  assignees: AssigneeRights[],
): Promise<ManualResult> {
  return db.$transaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    if (!lead) return { kind: "not-found" };
    if (!(await mayManage(tx, actor, lead.ownerId))) return { kind: "forbidden" };
    const bad = await unknownOrInactive(
      tx,
      assignees.map((a) => a.staffId),
    );
    if (bad.length || !assignees.length) return { kind: "invalid-staff", staffIds: bad };
    const { changed } = await distributeLeadTx(tx, leadId, assignees, actor.staffId);
    return { kind: "done", changed };
  });
}

export function recallLeadByHand(
  db: Db,
  actor: StaffActor,
  leadId: number,
  fromStaffIds: number[] | "all",
): Promise<ManualResult> {
  return db.$transaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    if (!lead) return { kind: "not-found" };
    if (!(await mayManage(tx, actor, lead.ownerId))) return { kind: "forbidden" };
    const { changed } = await recallLeadTx(tx, leadId, fromStaffIds, actor.staffId);
    return { kind: "done", changed };
  });
}

export function transferLeadByHand(
  db: Db,
  actor: StaffActor,
  leadId: number,
  toStaffId: number,
): Promise<ManualResult> {
  return db.$transaction(async (tx) => {
    const lead = await lockLead(tx, leadId);
    if (!lead) return { kind: "not-found" };
    if (!(await mayManage(tx, actor, lead.ownerId))) return { kind: "forbidden" };
    if ((await unknownOrInactive(tx, [toStaffId])).length) return { kind: "invalid-staff", staffIds: [toStaffId] };
    const { changed } = await transferLeadTx(tx, leadId, toStaffId, actor.staffId);
    return { kind: "done", changed };
  });
}
