import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { lookupFilterOptions, type LookupChoice } from "#app/modules/crm/lookup-choices.ts";
import { leadList, type InboxQuery } from "#app/modules/leads/record/lead-inbox-filters.ts";
import { cn } from "#app/ui/cn.ts";
import { FilterBar, FilterDate, FilterSelect, SearchField } from "#app/ui/list/filter-bar.tsx";
import { LEAD_STATUSES, leadStatusLabel } from "#backoffice/components/lead-ui.tsx";
import { LEADS_PATH } from "./lead-columns.tsx";

// The inbox's tabs (我的新线索 with its unseen badge / 全部线索) and its filter bar.

export interface LeadFilterOptions {
  categories: Array<{ id: number; name: string }>;
  campaigns: Array<{ id: number; name: string }>;
  owners: Array<{ id: number; name: string; status: string }>;
  /** 线索来源 values (system table lead_source), inactive ones too. */
  sources?: readonly LookupChoice[];
}

export function LeadTabs({
  query,
  unseen,
  toClaim,
  managers,
}: {
  query: InboxQuery;
  unseen: number;
  toClaim: number;
  managers: boolean;
}) {
  const { t } = useI18n();
  // A tab keeps the sort and columns but not the filters, which may not apply to the other tab.
  const tabHref = (tab: InboxQuery["tab"]) =>
    leadList.hrefFor(LEADS_PATH, { ...leadList.defaults, sort: query.sort, dir: query.dir, cols: query.cols, tab });
  return (
    <nav
      aria-label={t("leadInbox.tabs.label")}
      className="flex gap-1 overflow-x-auto border-b border-slate-100 px-3 pt-2 sm:px-5"
    >
      <TabLink to={tabHref("mine")} current={query.tab === "mine"}>
        {t("common.myNewLeads")}
        <CountBadge count={unseen} label={t("leadInbox.tab.unseenCount", { count: unseen })} />
      </TabLink>
      <TabLink to={tabHref("toClaim")} current={query.tab === "toClaim"}>
        {t("leadInbox.tab.toClaim")}
        <CountBadge count={toClaim} label={t("leadInbox.tab.toClaimCount", { count: toClaim })} />
      </TabLink>
      <TabLink to={tabHref("all")} current={query.tab === "all"}>
        {managers ? t("leadInbox.tab.all") : t("leadInbox.tab.allMine")}
      </TabLink>
    </nav>
  );
}

function CountBadge({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return (
    <span className="ml-1.5 rounded-full bg-blue-600 px-1.5 py-px text-[11px] leading-4 font-semibold text-white tabular-nums">
      <span className="sr-only">{label}</span>
      <span aria-hidden>{count}</span>
    </span>
  );
}

function TabLink({ to, current, children }: { to: string; current: boolean; children: ReactNode }) {
  return (
    <Link
      to={to}
      aria-current={current ? "page" : undefined}
      className={cn(
        "-mb-px inline-flex items-center border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
        current
          ? "border-blue-600 text-blue-700"
          : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
      )}
    >
      {children}
    </Link>
  );
}

export function LeadFilterBar({
  query,
  options,
  managers,
}: {
  query: InboxQuery;
  options: LeadFilterOptions;
  managers: boolean;
}) {
  const { t, locale } = useI18n();
  const all = query.tab === "all";
  const advancedActive = Boolean(
    query.category || query.campaign || query.source || query.status || query.owner || query.from || query.to,
  );
  return (
    <FilterBar
      carry={leadList.carry(query)}
      clearHref={leadList.isFiltered(query) ? leadList.hrefFor(LEADS_PATH, query, leadList.cleared()) : null}
      advancedActive={advancedActive}
      advanced={
        <>
          <FilterSelect
            name="category"
            label={t("leadInbox.filter.category")}
            value={query.category}
            options={options.categories.map((c) => ({ value: c.id, label: c.name }))}
          />
          <FilterSelect
            name="campaign"
            label={t("leadInbox.filter.campaign")}
            value={query.campaign}
            options={options.campaigns.map((c) => ({ value: c.id, label: c.name }))}
          />
          {options.sources ? (
            <FilterSelect
              name="source"
              label={t("adminEnums.leadSource.label")}
              value={query.source}
              options={lookupFilterOptions(options.sources, locale)}
            />
          ) : null}
          {all ? (
            <FilterSelect
              name="status"
              label={t("leadInbox.filter.status")}
              value={query.status}
              options={LEAD_STATUSES.map((s) => ({ value: s, label: leadStatusLabel(s, t) }))}
            />
          ) : null}
          {all && managers ? (
            <FilterSelect
              name="owner"
              label={t("common.owner")}
              value={query.owner}
              options={options.owners.map((o) => ({
                value: o.id,
                label: o.status === "inactive" ? t("leadInbox.filter.ownerInactive", { name: o.name }) : o.name,
              }))}
            />
          ) : null}
          <FilterDate name="from" label={t("leadInbox.filter.from")} value={query.from} />
          <FilterDate name="to" label={t("leadInbox.filter.to")} value={query.to} />
        </>
      }
    >
      <SearchField
        id="lead-q"
        defaultValue={query.q}
        label={t("leadInbox.search.label")}
        placeholder={t("leadInbox.search.placeholder")}
      />
    </FilterBar>
  );
}
