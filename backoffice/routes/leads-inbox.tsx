import { ChevronLeft, ChevronRight, ChevronsLeft, Filter, Inbox, Magnet, Plus, Search, SearchX, X } from "lucide-react";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useFetcher,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import type { StaffPrincipal } from "#app/modules/auth/staff-principal.server.ts";
import {
  listDistributionRules,
  listRuleStaffChoices,
  RIGHT_KEYS,
} from "#app/modules/leads/distribution-rules.server.ts";
import {
  canRunBatch,
  countSelection,
  createLeadBatch,
  previewDistribution,
  type BatchActor,
  type BatchRequest,
  type BatchSelection,
} from "#app/modules/leads/lead-batches.server.ts";
import { inboxFilters, parseInboxQuery } from "#app/modules/leads/lead-inbox-filters.ts";
import {
  countUnseenNewLeads,
  leadFilterOptions,
  leadViewer,
  listLeads,
  seesOthersLeads,
  type LeadCursor,
} from "#app/modules/leads/lead-queries.server.ts";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BATCH_PATH } from "#backoffice/components/distribution-ui.tsx";
import {
  BatchToolbar,
  PreviewDialog,
  type RuleChoice,
  type StaffChoice,
} from "#backoffice/components/lead-batch-toolbar.tsx";
import {
  contactAtCompany,
  LEAD_STATUSES,
  LeadStatusBadge,
  leadStatusLabel,
  RelativeTime,
  routedByLabel,
} from "#backoffice/components/lead-ui.tsx";

// 线索收件箱: 我的新线索 for every owner, 全部线索 (team or all scope) for managers. Keyset pages on
// id (`?after=` older, `?before=` newer); no page numbers, no total count: both would cost a scan.

const PATH = "/crm/leads";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePermission(request, "leads", "browse");
  const viewer = leadViewer(principal);
  const query = parseInboxQuery(new URL(request.url).searchParams);
  const managers = seesOthersLeads(viewer);
  const { tab, filters } = inboxFilters(query, managers);
  const cursor = (value: number | undefined): LeadCursor | null =>
    value ? { id: value, seen: query.seen === "1" } : null;

  const canTransfer = canRunBatch(principal, "transfer");
  const canDistribute = canRunBatch(principal, "distribute_manual");
  const batching = canTransfer || canDistribute;
  const [page, options, unseen, rules, staff] = await Promise.all([
    listLeads(db, viewer, { tab, filters, after: cursor(query.after), before: cursor(query.before) }),
    leadFilterOptions(db, viewer),
    countUnseenNewLeads(db, principal.staff.id),
    batching && canDistribute ? listDistributionRules(db) : Promise.resolve([]),
    batching ? listRuleStaffChoices(db) : Promise.resolve([]),
  ]);

  return {
    tab,
    query: {
      category: query.category ?? null,
      campaign: query.campaign ?? null,
      owner: filters.ownerId ?? null,
      status: filters.status ?? null,
      from: query.from ?? "",
      to: query.to ?? "",
      q: query.q ?? "",
    },
    paged: Boolean(query.after || query.before),
    page,
    options,
    unseen,
    managers,
    canAdd: can(principal, "leads", "add"),
    now: Date.now(),
    batch: {
      canTransfer,
      canDistribute,
      rules: rules
        .filter((r) => r.active)
        .map((r): RuleChoice => ({ id: r.id, name: r.name, isCatchAll: r.isCatchAll })),
      staff: staff.map((s): StaffChoice => ({ id: s.id, name: s.name, teamName: s.teamName, status: s.status })),
    },
  };
}

// ───────────────────────────── Batch operations ─────────────────────────────

const LeadId = z.coerce.number().int().positive().max(2_147_483_647);
const MAX_SELECTED_IDS = 1_000;

function batchActor(principal: StaffPrincipal, ip: string | null): BatchActor {
  return { staffId: principal.staff.id, teamId: principal.staff.teamId, subject: principal, ipAddress: ip };
}

function idsOf(values: FormDataEntryValue[]): number[] {
  const ids: number[] = [];
  for (const v of values.slice(0, MAX_SELECTED_IDS)) {
    const parsed = LeadId.safeParse(v);
    if (parsed.success) ids.push(parsed.data);
  }
  return ids;
}

/** The selection a batch form names: checked rows, or every lead the (posted) inbox filter lists. */
function selectionFrom(form: FormData, principal: StaffPrincipal): BatchSelection {
  if (form.get("selection") === "filter") {
    const query = parseInboxQuery(new URLSearchParams(String(form.get("filterQuery") ?? "")));
    const { tab, filters } = inboxFilters(query, seesOthersLeads(leadViewer(principal)));
    return { kind: "filter", tab, filters };
  }
  return { kind: "ids", ids: idsOf(form.getAll("leadId")) };
}

function requestFrom(form: FormData): BatchRequest | null {
  switch (form.get("op")) {
    case "transfer": {
      const to = LeadId.safeParse(form.get("toStaffId"));
      return to.success ? { kind: "transfer", toStaffId: to.data } : null;
    }
    case "rules":
      return { kind: "distribute_rules", ruleIds: idsOf(form.getAll("ruleId")) };
    case "manual":
      return {
        kind: "distribute_manual",
        assignees: idsOf(form.getAll("assignee")).map((staffId) => ({
          staffId,
          ...(Object.fromEntries(RIGHT_KEYS.map((k) => [k, form.get(`${k}_${staffId}`) === "on"])) as Record<
            (typeof RIGHT_KEYS)[number],
            boolean
          >),
        })),
      };
    case "recall":
      return {
        kind: "recall",
        fromStaffIds: form.get("recallScope") === "some" ? idsOf(form.getAll("fromStaffId")) : "all",
      };
    default:
      return null;
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const principal = await requirePermission(request, "leads", "browse");
  const actor = batchActor(principal, clientIp(context));
  const form = await request.formData();
  const selection = selectionFrom(form, principal);
  const intent = form.get("intent");

  if (intent === "count") return { intent: "count" as const, ...(await countSelection(db, actor, selection)) };

  const batchRequest = requestFrom(form);
  if (!batchRequest) {
    return data(
      { intent: "error" as const, error: { key: "distribution.batch.error.incomplete" as const } },
      { status: 400 },
    );
  }
  if (!canRunBatch(principal, batchRequest.kind)) throw data(null, { status: 403 });

  if (intent === "preview" && batchRequest.kind === "distribute_rules") {
    const ruleIds = batchRequest.ruleIds;
    if (ruleIds !== "all" && ruleIds.length === 0) {
      return data(
        { intent: "error" as const, error: { key: "distribution.batch.error.noRules" as const } },
        { status: 400 },
      );
    }
    const preview = await previewDistribution(db, actor, selection, ruleIds);
    return { intent: "preview" as const, preview, ruleIds: ruleIds === "all" ? [] : ruleIds, at: Date.now() };
  }
  if (intent !== "apply") throw data(null, { status: 400 });
  const result = await createLeadBatch(db, actor, selection, batchRequest);
  if (!result.ok) return data({ intent: "error" as const, error: result.error }, { status: 400 });
  return redirect(`${BATCH_PATH}/${result.batchId}`);
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "leadInbox.title");

type LoaderData = Awaited<ReturnType<typeof loader>>;

function hrefFor(data: Pick<LoaderData, "tab" | "query">, extra: Record<string, string | number | null> = {}): string {
  const params = new URLSearchParams();
  if (data.tab !== "mine") params.set("tab", data.tab);
  const q = data.query;
  const keep: Record<string, string | number | null> = {
    q: q.q || null,
    category: q.category,
    campaign: q.campaign,
    status: q.status,
    owner: q.owner,
    from: q.from || null,
    to: q.to || null,
    ...extra,
  };
  for (const [k, v] of Object.entries(keep)) if (v !== null && v !== "") params.set(k, String(v));
  const search = params.toString();
  return search ? `${PATH}?${search}` : PATH;
}

function cursorParams(direction: "after" | "before", cursor: { id: number; seen: boolean }) {
  return { [direction]: cursor.id, seen: cursor.seen ? "1" : null };
}

export default function LeadsInbox() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const { tab, query, page, options } = data;
  const filtered = Boolean(
    query.q || query.category || query.campaign || query.status || query.owner || query.from || query.to,
  );
  const advancedActive = Boolean(
    query.category || query.campaign || query.status || query.owner || query.from || query.to,
  );
  const allLabel = data.managers ? t("leadInbox.tab.all") : t("leadInbox.tab.allMine");
  const selection = useBatchSelection(data);

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={t("backoffice.nav.group.marketing")}
        title={t("leadInbox.title")}
        description={t("leadInbox.description")}
        icon={<Magnet className="size-6" aria-hidden />}
        actions={
          data.canAdd ? (
            <ButtonLink to={`${PATH}/new`}>
              <Plus className="size-4" aria-hidden />
              {t("leadInbox.new")}
            </ButtonLink>
          ) : null
        }
      />

      <Card>
        <nav aria-label={t("leadInbox.tabs.label")} className="flex gap-1 border-b border-slate-100 px-3 pt-2 sm:px-5">
          <TabLink to={PATH} current={tab === "mine"}>
            {t("leadInbox.tab.mine")}
            {data.unseen > 0 ? (
              <span className="ml-1.5 rounded-full bg-blue-600 px-1.5 py-px text-[11px] leading-4 font-semibold text-white tabular-nums">
                <span className="sr-only">{t("leadInbox.tab.unseenCount", { count: data.unseen })}</span>
                <span aria-hidden>{data.unseen}</span>
              </span>
            ) : null}
          </TabLink>
          <TabLink to={`${PATH}?tab=all`} current={tab === "all"}>
            {allLabel}
          </TabLink>
        </nav>

        <Form method="get" role="search" className="space-y-3 border-b border-slate-100 px-5 py-3">
          {tab === "all" ? <input type="hidden" name="tab" value="all" /> : null}
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor="lead-q" className="sr-only">
              {t("leadInbox.search.label")}
            </label>
            <div className="relative min-w-0 flex-1 sm:max-w-sm">
              <Search
                aria-hidden
                className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
              />
              <input
                id="lead-q"
                type="search"
                name="q"
                defaultValue={query.q}
                placeholder={t("leadInbox.search.placeholder")}
                className={cn(INPUT, "pl-9")}
              />
            </div>
            <Button type="submit" variant="secondary" size="sm">
              {t("leadInbox.filter.apply")}
            </Button>
            {filtered ? (
              <Link
                to={hrefFor({ tab, query: EMPTY_QUERY })}
                className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900"
              >
                <X className="size-4" aria-hidden />
                {t("leadInbox.filter.clear")}
              </Link>
            ) : null}
          </div>
          <details open={advancedActive} className="group">
            <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 text-sm font-medium text-slate-600 select-none hover:text-slate-900 [&::-webkit-details-marker]:hidden">
              <Filter className="size-4" aria-hidden />
              {t("leadInbox.filter.more")}
              {advancedActive ? <span className="size-1.5 rounded-full bg-blue-600" aria-hidden /> : null}
            </summary>
            <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
              <SelectField
                id="lead-category"
                name="category"
                label={t("leadInbox.filter.category")}
                value={query.category}
              >
                {options.categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id="lead-campaign"
                name="campaign"
                label={t("leadInbox.filter.campaign")}
                value={query.campaign}
              >
                {options.campaigns.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </SelectField>
              {tab === "all" ? (
                <SelectField id="lead-status" name="status" label={t("leadInbox.filter.status")} value={query.status}>
                  {LEAD_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {leadStatusLabel(s, t)}
                    </option>
                  ))}
                </SelectField>
              ) : null}
              {tab === "all" && data.managers ? (
                <SelectField id="lead-owner" name="owner" label={t("leadInbox.filter.owner")} value={query.owner}>
                  {options.owners.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.status === "inactive" ? t("leadInbox.filter.ownerInactive", { name: o.name }) : o.name}
                    </option>
                  ))}
                </SelectField>
              ) : null}
              <div className="space-y-1">
                <label htmlFor="lead-from" className={LABEL}>
                  {t("leadInbox.filter.from")}
                </label>
                <input id="lead-from" type="date" name="from" defaultValue={query.from} className={INPUT} />
              </div>
              <div className="space-y-1">
                <label htmlFor="lead-to" className={LABEL}>
                  {t("leadInbox.filter.to")}
                </label>
                <input id="lead-to" type="date" name="to" defaultValue={query.to} className={INPUT} />
              </div>
            </div>
          </details>
        </Form>

        {page.items.length === 0 ? (
          <EmptyList data={data} filtered={filtered} />
        ) : (
          <>
            {selection.enabled ? (
              <>
                <BatchToolbar
                  selectedCount={selection.count}
                  ids={selection.ids}
                  allMatching={selection.allMatching}
                  filterQuery={selection.filterQuery}
                  canTransfer={data.batch.canTransfer}
                  canDistribute={data.batch.canDistribute}
                  rules={data.batch.rules}
                  staff={data.batch.staff}
                  error={selection.error}
                  onClear={selection.clear}
                />
                <SelectAllBanner
                  selection={selection}
                  pageSize={page.items.length}
                  more={Boolean(page.next || page.prev)}
                />
              </>
            ) : null}
            <LeadTable data={data} selection={selection} />
            <LeadCards data={data} selection={selection} />
            <Pager data={data} />
          </>
        )}
      </Card>
      {selection.preview ? (
        <PreviewDialog
          preview={selection.preview.preview}
          ruleIds={selection.preview.ruleIds}
          ids={selection.ids}
          allMatching={selection.allMatching}
          filterQuery={selection.filterQuery}
          onClose={selection.closePreview}
        />
      ) : null}
    </div>
  );
}

type Selection = ReturnType<typeof useBatchSelection>;

/** Checked rows of this page, or "every lead matching the filter" (counted on the server). */
function useBatchSelection(data: LoaderData) {
  const actionData = useActionData<typeof action>();
  const counter = useFetcher<typeof action>();
  const enabled = data.batch.canTransfer || data.batch.canDistribute;
  const pageIds = useMemo(() => data.page.items.map((r) => r.id), [data.page.items]);
  const pageKey = pageIds.join(",");
  const [checked, setChecked] = useState<Set<number>>(() => new Set());
  // "All matching the filter" belongs to the page it was chosen on: another page or filter drops it.
  // Checked ids need no reset: only the ones on this page count.
  const [allMatchingOn, setAllMatchingOn] = useState<string | null>(null);
  const allMatching = allMatchingOn === pageKey;
  const setAllMatching = useCallback((on: boolean) => setAllMatchingOn(on ? pageKey : null), [pageKey]);
  const [closedPreview, setClosedPreview] = useState<number | null>(null);
  const filterQuery = hrefFor(data).split("?")[1] ?? "";

  const toggle = useCallback(
    (id: number, on: boolean) => {
      setAllMatching(false);
      setChecked((prev) => {
        const next = new Set(prev);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      });
    },
    [setAllMatching],
  );
  const togglePage = useCallback(
    (on: boolean) => {
      setAllMatching(false);
      setChecked(on ? new Set(pageIds) : new Set());
    },
    [pageIds, setAllMatching],
  );
  const clear = useCallback(() => {
    setAllMatching(false);
    setChecked(new Set());
  }, [setAllMatching]);
  const selectAllMatching = () => {
    setAllMatching(true);
    setChecked(new Set(pageIds));
    void counter.submit({ intent: "count", selection: "filter", filterQuery }, { method: "post" });
  };
  const matching = counter.data && counter.data.intent === "count" ? counter.data : null;
  const preview = actionData && actionData.intent === "preview" && actionData.at !== closedPreview ? actionData : null;
  const ids = pageIds.filter((id) => checked.has(id));
  return {
    enabled,
    ids,
    checked,
    allMatching,
    filterQuery,
    matching: allMatching ? matching : null,
    counting: allMatching && counter.state !== "idle",
    count: allMatching ? (matching?.count ?? ids.length) : ids.length,
    allOnPage: ids.length > 0 && ids.length === pageIds.length,
    toggle,
    togglePage,
    clear,
    selectAllMatching,
    selectPageOnly: () => setAllMatching(false),
    preview,
    closePreview: () => setClosedPreview(preview?.at ?? null),
    error: actionData && actionData.intent === "error" ? actionData.error : null,
  };
}

function SelectAllBanner({ selection, pageSize, more }: { selection: Selection; pageSize: number; more: boolean }) {
  const { t } = useI18n();
  if (!selection.allOnPage || !more) return null;
  return (
    <p className="flex flex-wrap items-center justify-center gap-x-2 gap-y-1 border-b border-slate-100 bg-slate-50 px-5 py-2 text-sm text-slate-700">
      {selection.allMatching ? (
        <>
          <span aria-live="polite">
            {selection.counting || !selection.matching
              ? t("distribution.inbox.allMatching.counting")
              : selection.matching.overLimit
                ? t("distribution.inbox.allMatching.overLimit", { count: selection.matching.count })
                : t("distribution.inbox.allMatching.selected", { count: selection.matching.count })}
          </span>
          <button
            type="button"
            onClick={selection.selectPageOnly}
            className="font-medium text-blue-700 hover:underline"
          >
            {t("distribution.inbox.allMatching.pageOnly")}
          </button>
        </>
      ) : (
        <>
          <span>{t("distribution.inbox.pageSelected", { count: pageSize })}</span>
          <button
            type="button"
            onClick={selection.selectAllMatching}
            className="font-medium text-blue-700 hover:underline"
          >
            {t("distribution.inbox.allMatching.select")}
          </button>
        </>
      )}
    </p>
  );
}

function RowCheckbox({ selection, id, label }: { selection: Selection; id: number; label: string }) {
  return (
    <input
      type="checkbox"
      checked={selection.allMatching || selection.checked.has(id)}
      onChange={(e) => selection.toggle(id, e.target.checked)}
      aria-label={label}
      className="relative z-10 size-4 rounded border-slate-300"
    />
  );
}

const EMPTY_QUERY: LoaderData["query"] = {
  category: null,
  campaign: null,
  owner: null,
  status: null,
  from: "",
  to: "",
  q: "",
};

const INPUT =
  "h-9 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 placeholder:text-slate-400 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none";
const LABEL = "block text-xs font-medium text-slate-600";

function SelectField(props: {
  id: string;
  name: string;
  label: string;
  value: string | number | null;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="space-y-1">
      <label htmlFor={props.id} className={LABEL}>
        {props.label}
      </label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ""} className={INPUT}>
        <option value="">{t("leadInbox.filter.any")}</option>
        {props.children}
      </select>
    </div>
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

function UnseenDot({ unseen }: { unseen: boolean }) {
  const { t } = useI18n();
  if (!unseen) return <span aria-hidden className="inline-block size-2" />;
  return (
    <span title={t("leadInbox.unseen")} className="inline-block size-2 shrink-0 rounded-full bg-blue-600">
      <span className="sr-only">{t("leadInbox.unseen")}</span>
    </span>
  );
}

type Row = LoaderData["page"]["items"][number];

function RoutedBy({ row }: { row: Row }) {
  const { t } = useI18n();
  return (
    <span>
      {routedByLabel(row.routedBy, t)}
      {row.routedBy === "token_group" && row.tokenGroupName ? (
        <span className="block text-xs text-slate-400">{row.tokenGroupName}</span>
      ) : null}
    </span>
  );
}

function LeadTable({ data, selection }: { data: LoaderData; selection: Selection }) {
  const { t } = useI18n();
  return (
    <div className="hidden overflow-x-auto md:block">
      <table className="min-w-full text-left text-sm">
        <thead className="border-b border-slate-100 bg-slate-50/60 text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            {selection.enabled ? (
              <th scope="col" className="w-10 py-2.5 pl-5">
                <input
                  type="checkbox"
                  checked={selection.allOnPage}
                  onChange={(e) => selection.togglePage(e.target.checked)}
                  aria-label={t("distribution.inbox.selectPage")}
                  className="size-4 rounded border-slate-300"
                />
              </th>
            ) : null}
            <th scope="col" className={cn("py-2.5 pr-3 font-medium", selection.enabled ? "pl-3" : "pl-5")}>
              {t("leadInbox.col.number")}
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              {t("leadInbox.col.who")}
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              {t("leadInbox.col.category")}
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              {t("leadInbox.col.routedBy")}
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              {t("leadInbox.col.owner")}
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              {t("leadInbox.col.status")}
            </th>
            <th scope="col" className="py-2.5 pr-5 pl-3 font-medium whitespace-nowrap">
              {t("leadInbox.col.created")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.page.items.map((row) => {
            const unseen = row.ownerSeenAt === null;
            return (
              <tr key={row.id} className={cn("group hover:bg-slate-50/80", unseen && "bg-blue-50/30")}>
                {selection.enabled ? (
                  <td className="py-3 pl-5 align-top">
                    <RowCheckbox
                      selection={selection}
                      id={row.id}
                      label={t("distribution.inbox.selectRow", { number: row.number })}
                    />
                  </td>
                ) : null}
                <td className={cn("py-3 pr-3 align-top whitespace-nowrap", selection.enabled ? "pl-3" : "pl-5")}>
                  <span className="inline-flex items-center gap-2">
                    <UnseenDot unseen={unseen} />
                    <Link to={`${PATH}/${row.id}`} className="font-mono text-[13px] text-blue-700 hover:underline">
                      {row.number}
                    </Link>
                  </span>
                </td>
                <td className="max-w-72 min-w-48 px-3 py-3 align-top">
                  <Link
                    to={`${PATH}/${row.id}`}
                    className={cn(
                      "text-slate-900 group-hover:text-blue-700 hover:underline",
                      unseen && "font-semibold",
                    )}
                  >
                    {contactAtCompany(row)}
                  </Link>
                </td>
                <td className="px-3 py-3 align-top text-slate-600">
                  {row.categoryName ?? <span className="text-slate-400">{t("leadInbox.noCategory")}</span>}
                  {row.campaignName ? <span className="block text-xs text-slate-400">{row.campaignName}</span> : null}
                </td>
                <td className="px-3 py-3 align-top whitespace-nowrap text-slate-600">
                  <RoutedBy row={row} />
                </td>
                <td className="px-3 py-3 align-top whitespace-nowrap text-slate-700">{row.owner.name}</td>
                <td className="px-3 py-3 align-top">
                  <LeadStatusBadge status={row.status} />
                </td>
                <td className="py-3 pr-5 pl-3 align-top whitespace-nowrap text-slate-500 tabular-nums">
                  <RelativeTime value={row.createdAt} now={data.now} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Phones get one card per lead instead of a seven-column table. */
function LeadCards({ data, selection }: { data: LoaderData; selection: Selection }) {
  const { t } = useI18n();
  return (
    <ul className="divide-y divide-slate-100 md:hidden">
      {data.page.items.map((row) => {
        const unseen = row.ownerSeenAt === null;
        return (
          <li key={row.id} className={cn("relative px-5 py-3.5", unseen && "bg-blue-50/30")}>
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="flex items-center gap-2 font-mono text-xs text-slate-500">
                  {selection.enabled ? (
                    <RowCheckbox
                      selection={selection}
                      id={row.id}
                      label={t("distribution.inbox.selectRow", { number: row.number })}
                    />
                  ) : null}
                  <UnseenDot unseen={unseen} />
                  {row.number}
                </p>
                <Link
                  to={`${PATH}/${row.id}`}
                  className={cn(
                    "mt-1 block text-[15px] text-slate-900 after:absolute after:inset-0",
                    unseen && "font-semibold",
                  )}
                >
                  {contactAtCompany(row)}
                </Link>
              </div>
              <LeadStatusBadge status={row.status} />
            </div>
            <p className="mt-1.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-500">
              <span>{row.categoryName ?? t("leadInbox.noCategory")}</span>
              <span>{routedByLabel(row.routedBy, t)}</span>
              <span>{row.owner.name}</span>
              <RelativeTime value={row.createdAt} now={data.now} />
            </p>
          </li>
        );
      })}
    </ul>
  );
}

function Pager({ data }: { data: LoaderData }) {
  const { t } = useI18n();
  const { prev, next } = data.page;
  if (!prev && !next) return null;
  return (
    <nav
      aria-label={t("leadInbox.pager.label")}
      className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-5 py-3 text-sm"
    >
      <div className="flex gap-2">
        {data.paged ? (
          <ButtonLink to={hrefFor(data)} variant="ghost" size="sm">
            <ChevronsLeft className="size-4" aria-hidden />
            {t("leadInbox.pager.first")}
          </ButtonLink>
        ) : null}
      </div>
      <div className="flex gap-2">
        <PagerLink to={prev ? hrefFor(data, cursorParams("before", prev)) : null} rel="prev">
          <ChevronLeft className="size-4" aria-hidden />
          {t("leadInbox.pager.newer")}
        </PagerLink>
        <PagerLink to={next ? hrefFor(data, cursorParams("after", next)) : null} rel="next">
          {t("leadInbox.pager.older")}
          <ChevronRight className="size-4" aria-hidden />
        </PagerLink>
      </div>
    </nav>
  );
}

function PagerLink({ to, rel, children }: { to: string | null; rel: string; children: ReactNode }) {
  if (!to) {
    return (
      <span aria-disabled className="inline-flex h-8 items-center gap-1 rounded-md px-3 text-slate-300">
        {children}
      </span>
    );
  }
  return (
    <ButtonLink to={to} rel={rel} variant="secondary" size="sm">
      {children}
    </ButtonLink>
  );
}

function EmptyList({ data, filtered }: { data: LoaderData; filtered: boolean }) {
  const { t } = useI18n();
  if (data.paged) {
    return (
      <EmptyState
        icon={<Inbox className="size-5" aria-hidden />}
        title={t("leadInbox.empty.endTitle")}
        description={t("leadInbox.empty.endBody")}
      >
        <ButtonLink to={hrefFor(data)} variant="secondary">
          {t("leadInbox.pager.first")}
        </ButtonLink>
      </EmptyState>
    );
  }
  if (filtered) {
    return (
      <EmptyState
        icon={<SearchX className="size-5" aria-hidden />}
        title={t("leadInbox.empty.filteredTitle")}
        description={t("leadInbox.empty.filteredBody")}
      >
        <ButtonLink to={hrefFor({ tab: data.tab, query: EMPTY_QUERY })} variant="secondary">
          {t("leadInbox.filter.clear")}
        </ButtonLink>
      </EmptyState>
    );
  }
  if (data.tab === "mine") {
    return (
      <EmptyState
        icon={<Inbox className="size-5" aria-hidden />}
        title={t("leadInbox.empty.mineTitle")}
        description={t("leadInbox.empty.mineBody")}
      >
        <ButtonLink to={`${PATH}?tab=all`} variant="secondary">
          {data.managers ? t("leadInbox.tab.all") : t("leadInbox.tab.allMine")}
        </ButtonLink>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<Magnet className="size-5" aria-hidden />}
      title={t("leadInbox.empty.allTitle")}
      description={data.managers ? t("leadInbox.empty.allBody") : t("leadInbox.empty.allMineBody")}
    >
      {data.canAdd ? (
        <ButtonLink to={`${PATH}/new`}>
          <Plus className="size-4" aria-hidden />
          {t("leadInbox.new")}
        </ButtonLink>
      ) : null}
    </EmptyState>
  );
}
