import { KanbanSquare, Plus } from "lucide-react";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { teamOptions } from "#app/modules/crm/opportunities/opportunity-links.server.ts";
import { opportunityList } from "#app/modules/crm/opportunities/opportunity-list-query.ts";
import { listOpportunities, opportunityOwnerOptions } from "#app/modules/crm/opportunities/opportunity-list.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import {
  OPPORTUNITIES_BOARD_PATH,
  OPPORTUNITIES_PATH as PATH,
  opportunitiesScreen,
} from "#backoffice/components/opportunities/opportunity-columns.tsx";
import {
  OpportunityFilterFields,
  OpportunityRangeFields,
} from "#backoffice/components/opportunities/opportunity-filter-fields.tsx";
import { OpportunityTotalsBar } from "#backoffice/components/opportunities/opportunity-totals.tsx";

// 机会 list: the viewer's data scope, filters by stage, owner, team, company, expected close and
// amount (shared with the board), totals (amount, open, won, weighted forecast) over the result.

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "opportunities", action: "browse" });
  const query = opportunityList.parse(new URL(request.url).searchParams);
  const [list, owners, teams, views] = await Promise.all([
    listOpportunities(db, actor, { filters: query, sort: { key: query.sort, dir: query.dir }, page: query.page }),
    opportunityOwnerOptions(db, actor),
    teamOptions(db),
    loadListViews(db, actor, opportunityList, query, PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  const { method, ...rest } = list;
  return { ...rest, stages: method.stages, owners, teams, query, views, canAdd: can(actor, "opportunities", "add") };
}

export const meta = titleMeta(opportunitiesScreen.title);

export default function OpportunitiesListPage() {
  const { items, total, page, pageCount, totals, stages, owners, teams, query, views, canAdd } =
    useLoaderData<typeof loader>();
  const { t } = useI18n();
  const boardHref = opportunityList.hrefFor(OPPORTUNITIES_BOARD_PATH, query, { page: 1 });
  return (
    <ScreenListPage
      screen={opportunitiesScreen}
      list={{ rows: items, total, page, pageCount, query, views }}
      actions={
        <div className="flex flex-wrap gap-2">
          <ButtonLink to={boardHref} variant="secondary" icon={KanbanSquare}>
            {t("opportunities.board")}
          </ButtonLink>
          {canAdd ? (
            <ButtonLink to={`${PATH}/new`} icon={Plus}>
              {t("opportunities.new")}
            </ButtonLink>
          ) : null}
        </div>
      }
      belowHeading={<OpportunityTotalsBar count={total.count} totals={totals} />}
      extraFilters={
        <>
          <OpportunityFilterFields query={query} options={{ stages, owners, teams }} withStage />
          <OpportunityRangeFields query={query} />
        </>
      }
    />
  );
}
