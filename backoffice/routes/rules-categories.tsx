import { FolderTree, Plus, Route as RouteIcon } from "lucide-react";
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
import {
  createRegistrationCategory,
  getCategoryFormOptions,
} from "#app/modules/leads/distribution/registration-categories.server.ts";
import { RULES_MANAGER } from "#app/modules/leads/distribution/rules-access.server.ts";
import { CATEGORY_KINDS, categoryList } from "#app/modules/leads/distribution/rules-list-query.ts";
import { listCategoryPage } from "#app/modules/leads/distribution/rules-lists.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { FilterBar, FilterSelect, SearchField } from "#app/ui/list/filter-bar.tsx";
import { ListPage } from "#app/ui/list/list-page.tsx";
import { PageNumbers } from "#app/ui/list/pager.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { NewCategoryCard } from "#backoffice/components/rules/new-category-card.tsx";
import { categoryColumns } from "#backoffice/components/rules/rules-columns.tsx";
import { categoryValuesFrom } from "#backoffice/components/rules-category-form.tsx";
import { RoutingOrder, RULES_PATHS, RulesTabs } from "#backoffice/components/rules-ui.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 营销规则 › 登记分类: every website channel with its routing and keys, and the form for a new one.

const PATH = RULES_PATHS.categories;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const query = categoryList.parse(new URL(request.url).searchParams);
  const [list, views, options] = await Promise.all([
    listCategoryPage(db, query),
    loadListViews(db, actor, categoryList, query, PATH),
    getCategoryFormOptions(db),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, query, views, options };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const formData = await request.formData();
  if (formIntent(formData) !== "create") throw data(null, { status: 400 });
  const form = Object.fromEntries(formData);
  const result = await createRegistrationCategory(db, actor, form, { ipAddress: clientIp(context) });
  if (result.ok) return redirectWithFlash(`${PATH}/${result.categoryId}`, "flash.rules.categoryCreated");
  if (result.reason === "not-found") throw data(null, { status: 404 });
  return data({ fieldErrors: result.fieldErrors, values: categoryValuesFrom(form) }, { status: 400 });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "rules.categories.title");

export default function RegistrationCategoriesPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const { query } = d;
  const href = (overrides: Parameters<typeof categoryList.hrefFor>[2]) => categoryList.hrefFor(PATH, query, overrides);
  const newButton = (
    <ButtonLink to="#new-category">
      <Plus aria-hidden className="size-4" />
      {t("rules.categories.new")}
    </ButtonLink>
  );

  return (
    <ListPage
      header={
        <>
          <PageHeader
            icon={<FolderTree aria-hidden className="size-6" />}
            eyebrow={t("rules.eyebrow")}
            title={t("rules.categories.title")}
            description={t("rules.categories.description")}
            actions={newButton}
          />
          <RulesTabs />
        </>
      }
      views={d.views}
      total={d.total}
      filters={
        <FilterBar
          carry={categoryList.carry(query)}
          clearHref={categoryList.isFiltered(query) ? href(categoryList.cleared()) : null}
        >
          <SearchField defaultValue={query.q} placeholder={t("rules.categories.search")} />
          <FilterSelect
            name="kind"
            label={t("rules.col.kind")}
            value={query.kind}
            options={CATEGORY_KINDS.map((k) => ({ value: k, label: t(`rules.kind.${k}`) }))}
          />
          <FilterSelect
            name="active"
            label={t("rules.filter.active")}
            value={query.active}
            options={[
              { value: "yes", label: t("rules.active.on") },
              { value: "no", label: t("rules.active.off") },
            ]}
          />
        </FilterBar>
      }
      table={{
        columns: categoryColumns,
        rows: d.rows,
        rowKey: (c) => c.id,
        label: t("list.table.label", { title: t("rules.categories.title") }),
        sort: {
          key: query.sort,
          dir: query.dir,
          hrefFor: (key) => href(categoryList.isSortKey(key) ? categoryList.sortToggle(query, key) : {}),
        },
      }}
      empty={{
        filtered: categoryList.isFiltered(query),
        clearHref: href(categoryList.cleared()),
        icon: <FolderTree aria-hidden className="size-5" />,
        title: t("rules.categories.empty.title"),
        description: t("rules.categories.empty.body"),
        action: newButton,
      }}
      pager={<PageNumbers page={d.page} pageCount={d.pageCount} hrefFor={(p) => href({ page: p })} />}
    >
      <Card>
        <CardHeader
          icon={<RouteIcon aria-hidden className="size-4" />}
          title={t("rules.routing.title")}
          description={t("rules.routing.description")}
        />
        <div className="p-5">
          <RoutingOrder />
        </div>
      </Card>
      <NewCategoryCard options={d.options} result={result ?? null} />
    </ListPage>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={PATH} backLabel="rules.error.backToRules" texts="rules.error" />;
}
