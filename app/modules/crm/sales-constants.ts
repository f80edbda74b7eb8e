import type { CampaignStatus, CampaignType, OpportunityStage } from "#app/generated/prisma/enums.ts";

// Enum values shared by services and pages (no server code here, so route components may import it).

export const OPPORTUNITY_STAGES = [
  "prospecting",
  "qualification",
  "proposal",
  "negotiation",
  "won",
  "lost",
] as const satisfies readonly OpportunityStage[];

export const CAMPAIGN_TYPES = [
  "telephone",
  "website",
  "email",
  "media",
  "exhibition",
  "promotion",
  "upsell",
  "member_interaction",
  "stated_needs",
  "intelligence",
  "network",
] as const satisfies readonly CampaignType[];

export const CAMPAIGN_STATUSES = [
  "planning",
  "active",
  "adjusting",
  "completed",
  "cancelled",
] as const satisfies readonly CampaignStatus[];

/** Percent of target reached (null when no target), not capped: 130 means 30 % over target. */
export function progressPercent(actual: string | number, target: string | number | null | undefined): number | null {
  const t = Number(target ?? 0);
  if (!t || !Number.isFinite(t)) return null;
  return Math.round((Number(actual) / t) * 100);
}
