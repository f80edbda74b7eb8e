import { UsersRound } from "lucide-react";
import {
  data,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { formIntent } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { RULES_MANAGER } from "#app/modules/leads/distribution/rules-access.server.ts";
import { tokenGroupList } from "#app/modules/leads/distribution/rules-list-query.ts";
import { listTokenGroupPage } from "#app/modules/leads/distribution/rules-lists.server.ts";
import { createTokenGroup } from "#app/modules/leads/distribution/token-groups.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { FilterBar, FilterSelect, SearchField } from "#app/ui/list/filter-bar.tsx";
import { ListPage } from "#app/ui/list/list-page.tsx";
import { PageNumbers } from "#app/ui/list/pager.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { NewTokenGroupCard } from "#backoffice/components/rules/new-token-group-card.tsx";
import { tokenGroupColumns } from "#backoffice/components/rules/rules-columns.tsx";
import { RULES_PATHS, RulesTabs } from "#backoffice/components/rules-ui.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 营销规则 › 网站线索持有人: the token groups, who is next in each, and a form for a new one.

const PATH = RULES_PATHS.groups;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const query = tokenGroupList.parse(new URL(request.url).searchParams);
  const [list, views] = await Promise.all([
    listTokenGroupPage(db, query),
    loadListViews(db, actor, tokenGroupList, query, PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, query, views };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const formData = await request.formData();
  if (formIntent(formData) !== "create") throw data(null, { status: 400 });
  const form = Object.fromEntries(formData);
  const result = await createTokenGroup(db, actor, form, { ipAddress: clientIp(context) });
  if (result.ok) return redirectWithFlash(`${PATH}/${result.groupId}`, "flash.rules.groupCreated");
  if (result.reason === "not-found") throw data(null, { status: 404 });
  const name = typeof form.name === "string" ? form.name : "";
  return data({ fieldErrors: { name: result.fieldErrors.name }, name }, { status: 400 });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "rules.groups.title");

export default function TokenGroupsPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const { query } = d;
  const href = (overrides: Parameters<typeof tokenGroupList.hrefFor>[2]) =>
    tokenGroupList.hrefFor(PATH, query, overrides);

  return (
    <ListPage
      header={
        <>
          <PageHeader
            icon={<UsersRound aria-hidden className="size-6" />}
            eyebrow={t("rules.eyebrow")}
            title={t("rules.groups.title")}
            description={t("rules.groups.description")}
          />
          <RulesTabs />
        </>
      }
      views={d.views}
      total={d.total}
      filters={
        <FilterBar
          carry={tokenGroupList.carry(query)}
          clearHref={tokenGroupList.isFiltered(query) ? href(tokenGroupList.cleared()) : null}
        >
          <SearchField defaultValue={query.q} placeholder={t("rules.groups.search")} />
          <FilterSelect
            name="used"
            label={t("rules.filter.used")}
            value={query.used}
            options={[
              { value: "yes", label: t("rules.filter.usedYes") },
              { value: "no", label: t("rules.filter.usedNo") },
            ]}
          />
        </FilterBar>
      }
      table={{
        columns: tokenGroupColumns,
        rows: d.rows,
        rowKey: (g) => g.id,
        label: t("list.table.label", { title: t("rules.groups.title") }),
        sort: {
          key: query.sort,
          dir: query.dir,
          hrefFor: (key) => href(tokenGroupList.isSortKey(key) ? tokenGroupList.sortToggle(query, key) : {}),
        },
      }}
      empty={{
        filtered: tokenGroupList.isFiltered(query),
        clearHref: href(tokenGroupList.cleared()),
        icon: <UsersRound aria-hidden className="size-5" />,
        title: t("rules.groups.empty.title"),
        description: t("rules.groups.empty.body"),
      }}
      pager={<PageNumbers page={d.page} pageCount={d.pageCount} hrefFor={(p) => href({ page: p })} />}
    >
      <NewTokenGroupCard result={result ?? null} />
    </ListPage>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={PATH} backLabel="rules.groups.back" texts="rules.error" />;
}
