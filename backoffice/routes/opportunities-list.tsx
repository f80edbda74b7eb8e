import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { listOpportunities, opportunityOwnerOptions } from "#app/modules/crm/opportunities.server.ts";
import { opportunityList } from "#app/modules/crm/opportunity-list-query.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { FilterSelect } from "#app/ui/list/filter-bar.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import {
  OPPORTUNITIES_PATH as PATH,
  opportunitiesScreen,
} from "#backoffice/components/opportunities/opportunity-columns.tsx";
import { formatMoney } from "#app/lib/format/money.ts";

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

export const meta = titleMeta(opportunitiesScreen.title);

export default function OpportunitiesListPage() {
  const { items, total, page, pageCount, totals, owners, query, views } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();

  return (
    <ScreenListPage
      screen={opportunitiesScreen}
      list={{ rows: items, total, page, pageCount, query, views }}
      belowHeading={
        <dl className="grid gap-3 sm:grid-cols-3">
          {[
            { label: t("sales.opportunities.totalAmount", { count: total.count }), value: totals.amount },
            { label: t("sales.opportunities.openAmount"), value: totals.open },
            { label: t("sales.opportunities.wonAmount"), value: totals.won },
          ].map((s) => (
            <div key={s.label} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
              <dt className="text-xs text-slate-500">{s.label}</dt>
              <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{formatMoney(s.value, locale)}</dd>
            </div>
          ))}
        </dl>
      }
      extraFilters={
        <>
          {owners.length > 0 ? (
            <FilterSelect
              name="owner"
              label={t("common.owner")}
              value={query.owner}
              options={owners.map((o) => ({ value: o.id, label: o.name }))}
            />
          ) : null}
          {query.campaign ? <input type="hidden" name="campaign" value={query.campaign} /> : null}
        </>
      }
    />
  );
}
