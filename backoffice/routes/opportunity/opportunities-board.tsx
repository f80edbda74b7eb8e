import { List, Plus } from "lucide-react";
import { useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam, runIntent } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { boardIntents } from "#app/modules/crm/opportunities/opportunity-actions.server.ts";
import { loadOpportunityBoard } from "#app/modules/crm/opportunities/opportunity-board.server.ts";
import { teamOptions } from "#app/modules/crm/opportunities/opportunity-links.server.ts";
import { opportunityList } from "#app/modules/crm/opportunities/opportunity-list-query.ts";
import { opportunityOwnerOptions } from "#app/modules/crm/opportunities/opportunity-list.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { FilterBar, SearchField } from "#app/ui/list/filter-bar.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { MODULE_ICONS } from "#backoffice/components/nav.ts";
import { OpportunityBoard } from "#backoffice/components/opportunities/opportunity-board.tsx";
import {
  OPPORTUNITIES_BOARD_PATH,
  OPPORTUNITIES_PATH,
} from "#backoffice/components/opportunities/opportunity-columns.tsx";
import {
  OpportunityFilterFields,
  OpportunityRangeFields,
  rangeFiltered,
} from "#backoffice/components/opportunities/opportunity-filter-fields.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 机会看板 (/crm/opportunities/board): the actor's opportunities by stage of a sales method, with the
// list's filters (same URL fields), column sums, and moves by drag, arrow keys or the card's menu.

const POLICY = { module: "opportunities", action: "browse" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const query = opportunityList.parse(new URL(request.url).searchParams);
  const [board, owners, teams] = await Promise.all([
    loadOpportunityBoard(db, actor, query),
    opportunityOwnerOptions(db, actor),
    teamOptions(db),
  ]);
  return { ...board, owners, teams, query, canAdd: can(actor, "opportunities", "add") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const form = await request.formData();
  const id = requireIdParam(String(form.get("opportunityId") ?? ""));
  const url = new URL(request.url);
  const to = `${url.pathname}${url.search}`;
  return runIntent(form, boardIntents, { actor, id, form, ipAddress: clientIp(context), to });
}

export const meta = titleMeta("opportunities.board.title");

export default function OpportunitiesBoardPage() {
  const { columns, owners, teams, query, canAdd, method } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const Icon = MODULE_ICONS.opportunities;
  const listHref = opportunityList.hrefFor(OPPORTUNITIES_PATH, query);
  const clear = OPPORTUNITIES_BOARD_PATH;
  const filtered = Boolean(query.q || query.owner || query.team || query.company || rangeFiltered(query));
  return (
    <div className="space-y-6">
      <PageHeader
        icon={<Icon aria-hidden className="size-6" />}
        title={t("opportunities.board.title")}
        description={t("opportunities.board.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink to={listHref} variant="secondary" icon={List}>
              {t("opportunities.list")}
            </ButtonLink>
            {canAdd ? (
              <ButtonLink to={`${OPPORTUNITIES_PATH}/new`} icon={Plus}>
                {t("opportunities.new")}
              </ButtonLink>
            ) : null}
          </div>
        }
      />
      <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <FilterBar
          clearHref={filtered ? clear : null}
          advanced={<OpportunityRangeFields query={query} />}
          advancedActive={rangeFiltered(query)}
        >
          <SearchField
            id="board-q"
            defaultValue={query.q ?? ""}
            label={t("sales.opportunities.filters")}
            placeholder={t("sales.opportunities.searchPlaceholder")}
          />
          <OpportunityFilterFields query={query} options={{ stages: method.stages, owners, teams }} withStage={false} />
        </FilterBar>
      </div>
      <OpportunityBoard
        columns={columns}
        moreHref={(stage) => opportunityList.hrefFor(OPPORTUNITIES_PATH, query, { stage })}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/opportunities" backLabel="sales.opportunity.back" />;
}
