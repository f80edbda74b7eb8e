import { Target } from "lucide-react";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { listOpportunities, opportunityOwnerOptions } from "#app/modules/crm/opportunities.server.ts";
import { opportunityList } from "#app/modules/crm/opportunity-list-query.ts";
import { OPPORTUNITY_STAGES } from "#app/modules/crm/sales-constants.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { FilterSelect } from "#app/ui/list/filter-bar.tsx";
import { listLinks } from "#app/ui/list/list-links.ts";
import { ListPage } from "#app/ui/list/list-page.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import {
  opportunityColumns,
  OPPORTUNITIES_PATH as PATH,
} from "#backoffice/components/opportunities/opportunity-columns.tsx";
import { formatMoney } from "#app/lib/format/money.ts";
import { StageBadge } from "#backoffice/components/sales-ui.tsx";
import { ModulePageHeader } from "#backoffice/components/module-page-header.tsx";

// 机会 list: the viewer's data scope, filters by stage and owner, totals over the filter result.

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "opportunities", action: "browse" });
  const query = opportunityList.parse(new URL(request.url).searchParams);
  const [list, owners, views] = await Promise.all([
    listOpportunities(db, actor, {
      filters: { stage: query.stage, ownerId: query.owner, campaignId: query.campaign, q: query.q },
      sort: { key: query.sort, dir: query.dir },
      page: query.page,
    }),
    opportunityOwnerOptions(db, actor),
    loadListViews(db, actor, opportunityList, query, PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, owners, query, views };
}

export const meta = titleMeta("sales.opportunities.title");

export default function OpportunitiesListPage() {
  const { items, total, page, pageCount, totals, owners, query, views } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();

  return (
    <ListPage
      links={listLinks(opportunityList, PATH, query)}
      header={
        <>
          <ModulePageHeader
            module="opportunities"
            title={t("sales.opportunities.title")}
            description={t("sales.opportunities.description")}
          />
          <dl className="grid gap-3 sm:grid-cols-3">
            {[
              { label: t("sales.opportunities.totalAmount", { count: total.count }), value: totals.amount },
              { label: t("sales.opportunities.openAmount"), value: totals.open },
              { label: t("sales.opportunities.wonAmount"), value: totals.won },
            ].map((s) => (
              <div key={s.label} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
                <dt className="text-xs text-slate-500">{s.label}</dt>
                <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">
                  {formatMoney(s.value, locale)}
                </dd>
              </div>
            ))}
          </dl>
        </>
      }
      views={views}
      total={total}
      search={{
        id: "opportunities-q",
        label: t("sales.opportunities.filters"),
        placeholder: t("sales.opportunities.searchPlaceholder"),
      }}
      filterFields={
        <>
          <FilterSelect
            name="stage"
            label={t("sales.opportunity.stage")}
            value={query.stage}
            options={OPPORTUNITY_STAGES.map((s) => ({ value: s, label: t(`sales.stage.${s}`) }))}
          />
          {owners.length > 0 ? (
            <FilterSelect
              name="owner"
              label={t("sales.opportunity.owner")}
              value={query.owner}
              options={owners.map((o) => ({ value: o.id, label: o.name }))}
            />
          ) : null}
          {query.campaign ? <input type="hidden" name="campaign" value={query.campaign} /> : null}
        </>
      }
      table={{
        columns: opportunityColumns,
        rows: items,
        rowKey: (o) => o.id,
        cardAside: (o) => <StageBadge stage={o.stage} />,
        label: t("sales.opportunities.title"),
      }}
      empty={{
        icon: <Target className="size-5" aria-hidden />,
        title: t("sales.opportunities.empty"),
        description: t("sales.opportunities.emptyHint"),
        filteredTitle: t("sales.opportunities.emptyFiltered"),
      }}
      pages={{ page, pageCount }}
    />
  );
}
