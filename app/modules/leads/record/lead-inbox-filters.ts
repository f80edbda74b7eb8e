import { defineListQuery, listFilters, type ListQuery } from "#app/ui/list/list-query.ts";
import type { LeadListFilters, LeadSort, LeadTab } from "./lead-queries.server.ts";

// The lead inbox's query string (tab, filter bar, sort, cursor, view, columns), shared by the inbox
// page and the batch operations that act on "every lead matching this filter": both read the same
// parameters the same way, so a batch takes exactly the leads the list shows.

export const INBOX_STATUSES = ["new", "assigned", "contacted", "qualified", "converted", "closed"] as const;

/** Column ids of the lead list, in display order (backoffice/components/leads/lead-columns.tsx). */
export const LEAD_COLUMNS = ["number", "who", "company", "category", "routedBy", "owner", "status", "created"] as const;

export const leadList = defineListQuery({
  key: "crm.leads",
  filters: {
    tab: listFilters.choice(["mine", "toClaim", "all"], "mine"),
    category: listFilters.id(),
    campaign: listFilters.id(),
    /** 线索来源: a lead_source code. */
    source: listFilters.text(40),
    owner: listFilters.id(),
    status: listFilters.oneOf(INBOX_STATUSES),
    from: listFilters.day(),
    to: listFilters.day(),
  },
  sorts: { created: "desc", contact: "asc", company: "asc" },
  defaultSort: "created",
  columns: LEAD_COLUMNS,
  defaultColumns: LEAD_COLUMNS.filter((c) => c !== "company"),
  sticky: ["tab"],
});

export type InboxQuery = ListQuery<(typeof leadList.definition)["filters"], "created" | "contact" | "company">;

/** Date inputs mean days in China Standard Time, the organisation's clock. */
export function dayStart(value: string | undefined, offsetDays = 0): Date | null {
  if (!value) return null;
  const date = new Date(`${value}T00:00:00+08:00`);
  if (Number.isNaN(date.getTime())) return null;
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date;
}

export function parseInboxQuery(entries: URLSearchParams | FormData): InboxQuery {
  return leadList.parse(entries);
}

/** Tab and filters as listLeads takes them; `managers` = the viewer sees other people's leads. */
export function inboxFilters(query: InboxQuery, managers: boolean): { tab: LeadTab; filters: LeadListFilters } {
  const tab: LeadTab = query.tab;
  return {
    tab,
    filters: {
      categoryId: query.category,
      campaignId: query.campaign,
      sourceCode: query.source,
      status: tab === "all" ? query.status : undefined,
      ownerId: tab === "all" && managers ? query.owner : undefined,
      createdFrom: dayStart(query.from),
      createdBefore: dayStart(query.to, 1),
      q: query.q || undefined,
    },
  };
}

export function inboxSort(query: InboxQuery): LeadSort {
  return { key: query.sort, dir: query.dir };
}
