import { Inbox, Magnet, Plus } from "lucide-react";
import { useMemo } from "react";
import { data, redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { loadLookupChoices } from "#app/modules/crm/lookup-choices.server.ts";
import {
  listDistributionRules,
  listRuleStaffChoices,
} from "#app/modules/leads/distribution/distribution-rules.server.ts";
import { batchRequestFrom, batchSelectionFrom } from "#app/modules/leads/record/lead-batch-form.server.ts";
import {
  canRunBatch,
  countSelection,
  createLeadBatch,
  previewDistribution,
} from "#app/modules/leads/record/lead-batches.server.ts";
import { inboxFilters, inboxSort, leadList } from "#app/modules/leads/record/lead-inbox-filters.ts";
import {
  countLeads,
  countUnseenNewLeads,
  decodeLeadCursor,
  encodeLeadCursor,
  leadFilterOptions,
  listLeads,
  seesOthersLeads,
} from "#app/modules/leads/record/lead-queries.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { listLinks } from "#app/ui/list/list-links.ts";
import { ListPage } from "#app/ui/list/list-page.tsx";
import { KeysetPager } from "#app/ui/list/pager.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { BATCH_PATH } from "#backoffice/components/distribution-ui.tsx";
import { ModulePageHeader } from "#backoffice/components/module-page-header.tsx";
import {
  BatchToolbar,
  PreviewDialog,
  type RuleChoice,
  type StaffChoice,
} from "#backoffice/components/lead-batch-toolbar.tsx";
import { useBatchSelection } from "#backoffice/components/leads/batch-selection.ts";
import {
  isUnseen,
  LEADS_PATH as PATH,
  LeadStatusCell,
  leadColumns,
} from "#backoffice/components/leads/lead-columns.tsx";
import { LeadFilterBar, LeadTabs } from "#backoffice/components/leads/lead-filters.tsx";
import { SelectAllBanner } from "#backoffice/components/leads/select-all-banner.tsx";

// 线索收件箱: 我的新线索 for every owner, 全部线索 (team or all scope) for managers. Keyset pages on
// (sort column, id) with an opaque `?cursor=`; the total is counted up to a cap (decision 022).

const LEADS_BROWSE = { module: "leads", action: "browse" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, LEADS_BROWSE);
  const query = leadList.parse(new URL(request.url).searchParams);
  const managers = seesOthersLeads(actor);
  const { tab, filters } = inboxFilters(query, managers);
  const position = decodeLeadCursor(query.cursor);

  const canTransfer = canRunBatch(actor, "transfer");
  const canDistribute = canRunBatch(actor, "distribute_manual");
  const batching = canTransfer || canDistribute;
  const [page, total, options, unseen, toClaim, views, rules, staff] = await Promise.all([
    listLeads(db, actor, {
      tab,
      filters,
      sort: inboxSort(query),
      after: position?.direction === "after" ? position.cursor : null,
      before: position?.direction === "before" ? position.cursor : null,
    }),
    countLeads(db, actor, { tab, filters }),
    Promise.all([leadFilterOptions(db, actor), loadLookupChoices(db, { sources: "lead_source" })]).then(
      ([base, lookups]) => ({ ...base, ...lookups }),
    ),
    countUnseenNewLeads(db, actor.staffId),
    countLeads(db, actor, { tab: "toClaim" }),
    loadListViews(db, actor, leadList, query, PATH),
    batching && canDistribute ? listDistributionRules(db) : Promise.resolve([]),
    batching ? listRuleStaffChoices(db) : Promise.resolve([]),
  ]);
  if (views.redirect) throw redirect(views.redirect);

  const at = (cursor: string | null) => leadList.hrefFor(PATH, query, { cursor });
  return {
    query,
    items: page.items,
    total,
    views,
    firstHref: query.cursor ? at(null) : null,
    prevHref: page.prev ? at(encodeLeadCursor("before", page.prev)) : null,
    nextHref: page.next ? at(encodeLeadCursor("after", page.next)) : null,
    more: Boolean(page.prev || page.next),
    options,
    unseen,
    toClaim: toClaim.count,
    managers,
    canAdd: can(actor, "leads", "add"),
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

const incomplete = () =>
  data({ intent: "error" as const, error: { key: "distribution.batch.error.incomplete" as const } }, { status: 400 });

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, LEADS_BROWSE);
  const form = await request.formData().catch(() => new FormData());
  const selection = batchSelectionFrom(form, seesOthersLeads(actor));
  const intent = form.get("intent");
  if (intent === "count") return { intent: "count" as const, ...(await countSelection(db, actor, selection)) };

  const request_ = batchRequestFrom(form);
  if (!request_) return incomplete();
  if (!canRunBatch(actor, request_.kind)) throw data(null, { status: 403 });

  if (intent === "preview" && request_.kind === "distribute_rules") {
    const ruleIds = request_.ruleIds;
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
  const result = await createLeadBatch(db, actor, selection, request_, { ipAddress: clientIp(context) });
  if (!result.ok) return data({ intent: "error" as const, error: result.error }, { status: 400 });
  return redirect(`${BATCH_PATH}/${result.batchId}`);
}

export const meta = titleMeta("leadInbox.title");

export default function LeadsInbox() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const { query, items } = data;
  const columns = useMemo(() => leadColumns(data.now), [data.now]);
  const pageIds = useMemo(() => items.map((r) => r.id), [items]);
  const selection = useBatchSelection({
    enabled: data.batch.canTransfer || data.batch.canDistribute,
    pageIds,
    filterQuery: leadList.searchOf(query),
  });
  const mine = query.tab === "mine";
  const links = listLinks(leadList, PATH, query);
  const newLead = (
    <ButtonLink to={`${PATH}/new`}>
      <Plus className="size-4" aria-hidden />
      {t("leadInbox.new")}
    </ButtonLink>
  );

  return (
    <ListPage
      links={links}
      header={
        <ModulePageHeader
          module="leads"
          title={t("leadInbox.title")}
          description={t("leadInbox.description")}
          actions={data.canAdd ? newLead : null}
        />
      }
      tabs={<LeadTabs query={query} unseen={data.unseen} toClaim={data.toClaim} managers={data.managers} />}
      views={data.views}
      total={data.total}
      filters={<LeadFilterBar query={query} options={data.options} managers={data.managers} />}
      toolbar={
        selection.enabled ? (
          <>
            <BatchToolbar
              selectedCount={selection.total}
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
            <SelectAllBanner selection={selection} pageSize={items.length} more={data.more} />
          </>
        ) : null
      }
      table={{
        columns,
        rows: items,
        rowKey: (row) => row.id,
        label: t("leadInbox.title"),
        selection: selection.enabled
          ? {
              state: selection,
              rowLabel: (row) => t("distribution.inbox.selectRow", { number: row.number }),
              pageLabel: t("distribution.inbox.selectPage"),
            }
          : undefined,
        rowClassName: (row) => (isUnseen(row) ? "bg-blue-50/30" : undefined),
        cardAside: (row) => <LeadStatusCell row={row} />,
      }}
      pastEndHref={query.cursor ? data.firstHref : null}
      empty={{
        filteredTitle: t("leadInbox.empty.filteredTitle"),
        filteredDescription: t("leadInbox.empty.filteredBody"),
        icon: mine ? <Inbox className="size-5" aria-hidden /> : <Magnet className="size-5" aria-hidden />,
        title: mine
          ? t("leadInbox.empty.mineTitle")
          : query.tab === "toClaim"
            ? t("leadInbox.tab.toClaim")
            : t("leadInbox.empty.allTitle"),
        description: mine
          ? t("leadInbox.empty.mineBody")
          : query.tab === "toClaim"
            ? t("leadInbox.empty.toClaim")
            : data.managers
              ? t("leadInbox.empty.allBody")
              : t("leadInbox.empty.allMineBody"),
        action: mine ? (
          <ButtonLink to={`${PATH}?tab=all`} variant="secondary">
            {data.managers ? t("leadInbox.tab.all") : t("leadInbox.tab.allMine")}
          </ButtonLink>
        ) : data.canAdd ? (
          newLead
        ) : null,
      }}
      pager={<KeysetPager firstTo={data.firstHref} prevTo={data.prevHref} nextTo={data.nextHref} />}
    >
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
    </ListPage>
  );
}
