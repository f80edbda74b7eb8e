import { z } from "zod";
import type { LeadListFilters, LeadTab } from "./lead-queries.server.ts";

// The lead inbox's query string (tab + filter bar), shared by the inbox page and the batch
// operations that act on "every lead matching this filter": both read the same parameters the same
// way, so a batch takes exactly the leads the list shows.

const id = z.coerce.number().int().positive().max(2_147_483_647);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const INBOX_STATUSES = ["new", "assigned", "contacted", "qualified", "converted", "closed"] as const;

export const InboxQuerySchema = z.object({
  tab: z.enum(["mine", "all"]).catch("mine"),
  after: id.optional().catch(undefined),
  before: id.optional().catch(undefined),
  seen: z.literal("1").optional().catch(undefined),
  category: id.optional().catch(undefined),
  campaign: id.optional().catch(undefined),
  owner: id.optional().catch(undefined),
  status: z.enum(INBOX_STATUSES).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

export type InboxQuery = z.infer<typeof InboxQuerySchema>;

/** Date inputs mean days in China Standard Time, the organisation's clock. */
export function dayStart(value: string | undefined, offsetDays = 0): Date | null {
  if (!value) return null;
  const date = new Date(`${value}T00:00:00+08:00`);
  if (Number.isNaN(date.getTime())) return null;
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date;
}

export function parseInboxQuery(entries: Iterable<[string, FormDataEntryValue | string]>): InboxQuery {
  const plain: Record<string, string> = {};
  for (const [k, v] of entries) if (typeof v === "string" && v !== "") plain[k] = v;
  return InboxQuerySchema.parse(plain);
}

/** Tab and filters as listLeads takes them; `managers` = the viewer sees other people's leads. */
export function inboxFilters(query: InboxQuery, managers: boolean): { tab: LeadTab; filters: LeadListFilters } {
  const tab: LeadTab = query.tab;
  return {
    tab,
    filters: {
      categoryId: query.category,
      campaignId: query.campaign,
      status: tab === "all" ? query.status : undefined,
      ownerId: tab === "all" && managers ? query.owner : undefined,
      createdFrom: dayStart(query.from),
      createdBefore: dayStart(query.to, 1),
      q: query.q,
    },
  };
}
