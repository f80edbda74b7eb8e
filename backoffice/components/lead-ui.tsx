import type { Locale } from "#app/lib/i18n/locales.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey, Translate } from "#app/lib/i18n/translate.ts";
import {
  LEAD_STATUS_NAMES,
  leadSourceText,
  leadStatusText,
  type LeadStatusName,
} from "#app/modules/leads/lead-event-text.ts";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";
import { relativeFormat } from "#app/lib/format/intl-cache.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";

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
    <Badge tone={STATUS_TONES[status]}>
      <span aria-hidden className="size-1.5 rounded-full bg-current opacity-70" />
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

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/**
 * "3 小时前" / "3 hours ago", measured against `now` from the loader so the server render and the
 * browser's hydration print the same text.
 */
export function formatRelative(value: Date | string, now: number, locale: Locale): string {
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  const rtf = relativeFormat(locale);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(0, "minute");
}

/** Relative time with the absolute time in a tooltip and a machine-readable datetime. */
export function RelativeTime({ value, now, className }: { value: Date | string; now: number; className?: string }) {
  const { locale } = useI18n();
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date, locale)} className={className}>
      {formatRelative(date, now, locale)}
    </time>
  );
}
