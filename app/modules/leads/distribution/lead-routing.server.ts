import type { LeadRoutedBy, StaffStatus } from "#app/generated/prisma/client.ts";
import type { Tx } from "#app/lib/db.server.ts";
import { claimNextTurn, type RotationStaff, type SkippedMember } from "./token-rotation.server.ts";

// Who owns a new web lead (seed 000 §2.H.3, the interface-parameter fallback chain):
//   1. token group bound → the next eligible member in turn (token-rotation.server.ts);
//   2. no group, or nobody in it available → the bound campaign's owner, if that person is active;
//   3. otherwise → the category's designated person (指定人员), always: it is the required fallback.
// Staff entering a lead by hand choose the owner themselves ("manual").
// Every step taken is returned so the lead records why it landed where it did.

export type RoutedBy = "token-group" | "campaign-owner" | "default-owner" | "manual";

const TO_DB: Record<RoutedBy, LeadRoutedBy> = {
  "token-group": "token_group",
  "campaign-owner": "campaign_owner",
  "default-owner": "default_owner",
  manual: "manual",
};

export function routedByToDb(value: RoutedBy): LeadRoutedBy {
  return TO_DB[value];
}

export function routedByFromDb(value: LeadRoutedBy): RoutedBy {
  return (Object.keys(TO_DB) as RoutedBy[]).find((key) => TO_DB[key] === value) ?? "manual";
}

export type RoutingStep =
  | {
      code: "token-turn";
      groupId: number;
      group: string;
      position: number;
      cursorBefore: number;
      staffId: number;
      name: string;
    }
  | { code: "group-empty"; groupId: number; group: string }
  | { code: "group-no-eligible"; groupId: number; group: string }
  | { code: "no-token-group" }
  | { code: "campaign-owner"; campaignId: number; campaign: string; staffId: number; name: string }
  | {
      code: "campaign-owner-unavailable";
      campaignId: number;
      campaign: string;
      staffId: number;
      name: string;
      status: StaffStatus;
    }
  | { code: "no-campaign" }
  | { code: "designated"; staffId: number; name: string }
  | { code: "manual"; staffId: number; name: string };

export interface RoutingDecision {
  owner: RotationStaff;
  routedBy: RoutedBy;
  /** Set when the token group was consulted (also when it fell through). */
  tokenGroupId: number | null;
  /** The chosen member's position; only when routed by the token group. */
  position: number | null;
  steps: RoutingStep[];
  skipped: SkippedMember[];
}

export interface RoutableCategory {
  tokenGroupId: number | null;
  campaignId: number | null;
  designatedStaffId: number;
}

const STAFF_SELECT = { id: true, name: true, email: true, locale: true, status: true } as const;

/**
 * Routes one lead of a category inside the intake transaction. When the category has a token group
 * this claims the turn (locks the group row and advances its cursor), so call it in the same
 * transaction that creates the lead.
 */
export async function routeCategoryLead(tx: Tx, category: RoutableCategory): Promise<RoutingDecision> {
  const steps: RoutingStep[] = [];
  let skipped: SkippedMember[] = [];
  let tokenGroupId: number | null = null;

  const turn = category.tokenGroupId !== null ? await claimNextTurn(tx, category.tokenGroupId) : null;
  if (turn) {
    tokenGroupId = turn.groupId;
    skipped = turn.skipped;
    if (turn.chosen) {
      steps.push({
        code: "token-turn",
        groupId: turn.groupId,
        group: turn.groupName,
        position: turn.chosen.position,
        cursorBefore: turn.cursorBefore,
        staffId: turn.chosen.staff.id,
        name: turn.chosen.staff.name,
      });
      return {
        owner: turn.chosen.staff,
        routedBy: "token-group",
        tokenGroupId,
        position: turn.chosen.position,
        steps,
        skipped,
      };
    }
    steps.push({
      code: turn.memberCount === 0 ? "group-empty" : "group-no-eligible",
      groupId: turn.groupId,
      group: turn.groupName,
    });
  } else {
    steps.push({ code: "no-token-group" });
  }

  if (category.campaignId !== null) {
    const campaign = await tx.campaign.findUnique({
      where: { id: category.campaignId },
      select: { id: true, name: true, owner: { select: STAFF_SELECT } },
    });
    if (campaign) {
      const base = {
        campaignId: campaign.id,
        campaign: campaign.name,
        staffId: campaign.owner.id,
        name: campaign.owner.name,
      };
      if (campaign.owner.status === "active") {
        steps.push({ code: "campaign-owner", ...base });
        return { owner: campaign.owner, routedBy: "campaign-owner", tokenGroupId, position: null, steps, skipped };
      }
      steps.push({ code: "campaign-owner-unavailable", ...base, status: campaign.owner.status });
    } else {
      steps.push({ code: "no-campaign" });
    }
  } else {
    steps.push({ code: "no-campaign" });
  }

  const designated = await tx.staff.findUniqueOrThrow({
    where: { id: category.designatedStaffId },
    select: STAFF_SELECT,
  });
  steps.push({ code: "designated", staffId: designated.id, name: designated.name });
  return { owner: designated, routedBy: "default-owner", tokenGroupId, position: null, steps, skipped };
}

/**
 * A lead entered by staff: the owner they chose (or themselves). Null when that person does not
 * exist or is deactivated (an away colleague may still be chosen on purpose).
 */
export async function routeManualLead(tx: Tx, ownerStaffId: number): Promise<RoutingDecision | null> {
  const owner = await tx.staff.findUnique({ where: { id: ownerStaffId }, select: STAFF_SELECT });
  if (!owner || owner.status === "inactive") return null;
  return {
    owner,
    routedBy: "manual",
    tokenGroupId: null,
    position: null,
    steps: [{ code: "manual", staffId: owner.id, name: owner.name }],
    skipped: [],
  };
}
