import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey, Translate } from "#app/lib/i18n/translate.ts";
import {
  LEAD_STATUS_NAMES,
  leadSourceText,
  leadStatusText,
  type LeadStatusName,
} from "#app/modules/leads/record/lead-event-text.ts";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";

// Pieces shared by the lead inbox, the lead detail and the notifications page. Route modules should
// export only route APIs, so these live here.

// The status and source wording lives with the history sentences (lead-event-text.ts), one copy.
export const LEAD_STATUSES = LEAD_STATUS_NAMES;
export type { LeadStatusName };
export const leadStatusLabel = leadStatusText;
export const sourceLabel = leadSourceText;

const STATUS_TONES: Record<LeadStatusName, BadgeTone> = {
  new: "blue",
  assigned: "violet",
  contacted: "amber",
  qualified: "green",
  converted: "green",
  closed: "slate",
};

export function LeadStatusBadge({ status }: { status: LeadStatusName }) {
  const { t } = useI18n();
  return (
    <Badge tone={STATUS_TONES[status]} dot>
      {leadStatusLabel(status, t)}
    </Badge>
  );
}

export type RoutedByName = "token_group" | "campaign_owner" | "default_owner" | "manual";

/** The database says token_group; the labels (and the API) say token-group. */
export function routedByLabel(routedBy: RoutedByName, t: Translate): string {
  const key = `leads.routedBy.${routedBy.replace(/_/g, "-")}` as MessageKey;
  return t(key);
}

/** "联系人 @ 单位" as the seed writes it; either side may be missing, never both (the intake rule). */
export function contactAtCompany(lead: { contactName: string | null; companyName: string | null }): string {
  if (lead.contactName && lead.companyName) return `${lead.contactName} @ ${lead.companyName}`;
  return lead.contactName ?? lead.companyName ?? "—";
}
