import type { LeadStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { canAccessLead } from "./lead-queries.server.ts";

// Status changes by the owner or a manager: new → contacted → qualified → closed. "assigned" and
// "converted" belong to distribution and conversion, which set them themselves; a converted lead is
// final here. Every change writes a LeadEvent and an audit row in the same transaction.

const TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ["contacted", "qualified", "closed"],
  assigned: ["contacted", "qualified", "closed"],
  contacted: ["qualified", "closed"],
  qualified: ["contacted", "closed"],
  // Reopening a closed lead puts it back into follow-up.
  closed: ["contacted"],
  converted: [],
};

export function nextLeadStatuses(current: LeadStatus): readonly LeadStatus[] {
  return TRANSITIONS[current];
}

export type ChangeLeadStatusResult =
  | { kind: "changed"; from: LeadStatus; to: LeadStatus }
  | { kind: "not-found" }
  | { kind: "forbidden" }
  | { kind: "invalid-transition"; from: LeadStatus }
  /** Someone else changed the status since the page was loaded; nothing was written. */
  | { kind: "conflict"; current: LeadStatus };

export async function changeLeadStatus(
  db: Db,
  input: {
    leadId: number;
    /** The status the actor saw; the change applies only if it is still current. */
    from: LeadStatus;
    to: LeadStatus;
    /** Needs leads × modify over the lead (or to own it). */
    actor: StaffActor;
    ipAddress?: string | null;
  },
): Promise<ChangeLeadStatusResult> {
  return db.$transaction(async (tx) => {
    const lead = await tx.lead.findUnique({
      where: { id: input.leadId },
      select: { id: true, status: true, ownerId: true, ownerSeenAt: true, owner: { select: { teamId: true } } },
    });
    if (!lead) return { kind: "not-found" };
    if (!canAccessLead(input.actor, lead, "modify")) return { kind: "forbidden" };
    if (lead.status !== input.from) return { kind: "conflict", current: lead.status };
    if (!TRANSITIONS[input.from].includes(input.to)) return { kind: "invalid-transition", from: input.from };

    const isOwner = lead.ownerId === input.actor.staffId;
    const updated = await tx.lead.updateMany({
      where: { id: lead.id, status: input.from },
      data: {
        status: input.to,
        // The owner acting on a lead has evidently seen it.
        ...(isOwner && !lead.ownerSeenAt ? { ownerSeenAt: new Date() } : {}),
      },
    });
    if (updated.count === 0) {
      const current = await tx.lead.findUniqueOrThrow({ where: { id: lead.id }, select: { status: true } });
      return { kind: "conflict", current: current.status };
    }
    await tx.leadEvent.create({
      data: {
        leadId: lead.id,
        type: "status_changed",
        actorType: "staff",
        actorId: input.actor.staffId,
        detail: { from: input.from, to: input.to },
      },
    });
    await recordStaffAudit(tx, input.actor, {
      action: "lead.status_changed",
      entityType: "Lead",
      entityId: lead.id,
      before: { status: input.from },
      after: { status: input.to },
      ipAddress: input.ipAddress ?? null,
    });
    return { kind: "changed", from: input.from, to: input.to };
  });
}
