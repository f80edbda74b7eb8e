import { applicableRules, type MatchableLead, type MatchableRule } from "./distribution-rule-matching.ts";

// What distributeLeadTx and recallLeadTx (lead-distribution.server.ts) would do to one lead, decided
// in memory from the lead and its assignment rows, so a batch chunk can load everything once and
// write every lead's changes in a few multi-row statements (decision 058). Pure: no database, no
// clock. The single-lead primitives stay the reference: lead-batch-equivalence.test.ts runs both
// paths on identical random leads and compares every row they write.

export interface PlanRights {
  staffId: number;
  canEditNeed: boolean;
  canEditContact: boolean;
  canEditCompany: boolean;
  canEditStatus: boolean;
}

export type PlanFlags = Omit<PlanRights, "staffId">;
type Flags = PlanFlags;

export interface PlanLead {
  id: number;
  status: string;
  ownerId: number;
  claimedById: number | null;
}

/** One of the lead's LeadAssignment rows as stored. */
export interface PlanAssignment extends PlanRights {
  id: number;
  recalledAt: Date | null;
}

/** One distributeLeadTx call: these people, remembered with this rule (null: by hand). */
export interface DistributionStep {
  assignees: readonly PlanRights[];
  ruleId: number | null;
}

export type AssignmentWrite =
  | { kind: "create"; staffId: number; flags: Flags; ruleId: number | null }
  | { kind: "restore"; id: number; staffId: number; flags: Flags; ruleId: number | null }
  | { kind: "rights"; id: number; staffId: number; flags: Flags };

export interface AssigneeChange extends PlanRights {
  change: "added" | "restored" | "rights";
}

export interface DistributedDetail {
  assignees: AssigneeChange[];
  ruleId?: number;
  batchId?: number;
  statusFrom?: "new";
  statusTo?: "assigned";
}

export interface LeadDistributionPlan {
  /** At least one step changed something (one history row per changed step). */
  changed: boolean;
  /** The lead goes from `new` to `assigned`. */
  toAssigned: boolean;
  /** The final write per person (a later step's change folded into an earlier step's write). */
  writes: AssignmentWrite[];
  events: DistributedDetail[];
  /** People to tell through the bell, in the order the primitive tells them (per step, by staff id). */
  notify: number[];
}

const FLAG_KEYS = ["canEditNeed", "canEditContact", "canEditCompany", "canEditStatus"] as const;

function flagsOf(a: Flags): Flags {
  return {
    canEditNeed: Boolean(a.canEditNeed),
    canEditContact: Boolean(a.canEditContact),
    canEditCompany: Boolean(a.canEditCompany),
    canEditStatus: Boolean(a.canEditStatus),
  };
}

function sameFlags(a: Flags, b: Flags): boolean {
  return FLAG_KEYS.every((k) => Boolean(a[k]) === Boolean(b[k]));
}

/**
 * The rule steps of a distribute-by-rules batch for one lead, exactly as the batch applies them: one
 * step per applied rule in evaluation order; someone named by two applied rules keeps the rights of
 * the first (later steps leave them out); a rule left with nobody is no step.
 */
export function ruleSteps<R extends MatchableRule & { assignees: ReadonlyArray<PlanRights & { name?: string }> }>(
  lead: MatchableLead,
  rules: readonly R[],
): { applied: R[]; steps: DistributionStep[] } {
  const applied = applicableRules(lead, rules);
  const given = new Set<number>();
  const steps: DistributionStep[] = [];
  for (const rule of applied) {
    const assignees = rule.assignees
      .filter((a) => !given.has(a.staffId))
      .map((a) => ({ staffId: a.staffId, ...flagsOf(a) }));
    for (const a of assignees) given.add(a.staffId);
    if (assignees.length > 0) steps.push({ assignees, ruleId: rule.id });
  }
  return { applied, steps };
}

interface Held {
  id: number | null;
  flags: Flags;
  active: boolean;
}

/** distributeLeadTx once per step, in order, on one lead (each step sees what the earlier ones did). */
export function planLeadDistribution(
  lead: PlanLead,
  existing: readonly PlanAssignment[],
  steps: readonly DistributionStep[],
  batchId?: number,
): LeadDistributionPlan {
  const held = new Map<number, Held>(
    existing.map((a) => [a.staffId, { id: a.id, flags: flagsOf(a), active: a.recalledAt === null }]),
  );
  const writes = new Map<number, AssignmentWrite>();
  const events: DistributedDetail[] = [];
  const notify: number[] = [];
  let status = lead.status;
  let toAssigned = false;

  for (const step of steps) {
    // One entry per person, the last one given wins; the owner edits everything anyway.
    const wanted = new Map<number, PlanRights>();
    for (const a of step.assignees) if (a.staffId !== lead.ownerId) wanted.set(a.staffId, { ...a, ...flagsOf(a) });
    const changes: AssigneeChange[] = [];
    const told: number[] = [];
    for (const rights of wanted.values()) {
      const { staffId } = rights;
      const flags = flagsOf(rights);
      const current = held.get(staffId);
      const earlier = writes.get(staffId);
      if (!current) {
        held.set(staffId, { id: null, flags, active: true });
        writes.set(staffId, { kind: "create", staffId, flags, ruleId: step.ruleId });
        changes.push({ staffId, ...flags, change: "added" });
        told.push(staffId);
      } else if (!current.active) {
        current.active = true;
        current.flags = flags;
        writes.set(staffId, { kind: "restore", id: current.id!, staffId, flags, ruleId: step.ruleId });
        changes.push({ staffId, ...flags, change: "restored" });
        told.push(staffId);
      } else if (!sameFlags(current.flags, flags)) {
        current.flags = flags;
        // Only the rights change: a row this plan creates or restores keeps its rule and time.
        writes.set(
          staffId,
          earlier && earlier.kind !== "rights"
            ? { ...earlier, flags }
            : { kind: "rights", id: current.id!, staffId, flags },
        );
        changes.push({ staffId, ...flags, change: "rights" });
      }
    }
    if (changes.length === 0) continue;
    const fromNew = status === "new";
    if (fromNew) {
      status = "assigned";
      toAssigned = true;
    }
    events.push({
      assignees: changes,
      ...(step.ruleId !== null ? { ruleId: step.ruleId } : {}),
      ...(batchId !== undefined ? { batchId } : {}),
      ...(fromNew ? { statusFrom: "new" as const, statusTo: "assigned" as const } : {}),
    });
    notify.push(...told.sort((a, b) => a - b));
  }
  return { changed: events.length > 0, toAssigned, writes: [...writes.values()], events, notify };
}

export interface RecalledDetail {
  fromStaffIds: number[];
  claimClearedStaffId?: number;
  statusFrom?: "assigned";
  statusTo?: "new";
  batchId?: number;
}

export interface LeadRecallPlan {
  /** The assignment rows that become recalled. */
  assignmentIds: number[];
  clearClaim: boolean;
  backToNew: boolean;
  detail: RecalledDetail;
}

/** recallLeadTx on one lead, from its active assignment rows; null when there is nothing to recall. */
export function planLeadRecall(
  lead: PlanLead,
  active: ReadonlyArray<{ id: number; staffId: number }>,
  fromStaffIds: readonly number[] | "all",
  batchId?: number,
): LeadRecallPlan | null {
  if (fromStaffIds !== "all" && fromStaffIds.length === 0) return null;
  const from = fromStaffIds === "all" ? null : new Set(fromStaffIds);
  const recalling = active.filter((a) => from === null || from.has(a.staffId));
  if (recalling.length === 0) return null;
  const recalled = recalling.map((a) => a.staffId).sort((a, b) => a - b);
  const clearClaim = lead.claimedById !== null && recalled.includes(lead.claimedById);
  const backToNew = active.length === recalling.length && lead.status === "assigned";
  return {
    assignmentIds: recalling.map((a) => a.id),
    clearClaim,
    backToNew,
    detail: {
      fromStaffIds: recalled,
      ...(clearClaim ? { claimClearedStaffId: lead.claimedById! } : {}),
      ...(backToNew ? { statusFrom: "assigned" as const, statusTo: "new" as const } : {}),
      ...(batchId !== undefined ? { batchId } : {}),
    },
  };
}
