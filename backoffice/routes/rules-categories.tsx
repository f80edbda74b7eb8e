import { Plus, Route as RouteIcon } from "lucide-react";
import {
  data,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  createRegistrationCategory,
  getCategoryFormOptions,
} from "#app/modules/leads/distribution/registration-categories.server.ts";
import { RULES_MANAGER } from "#app/modules/leads/distribution/rules-access.server.ts";
import { categoryList } from "#app/modules/leads/distribution/rules-list-query.ts";
import { listCategoryPage } from "#app/modules/leads/distribution/rules-lists.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { categoryValuesFrom } from "#backoffice/components/rules-category-form.tsx";
import { RoutingOrder, RulesTabs } from "#backoffice/components/rules-ui.tsx";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import { NewCategoryCard } from "#backoffice/components/rules/new-category-card.tsx";
import { categoriesScreen } from "#backoffice/components/rules/rules-screens.ts";
import { orNotFound, readRulesCreate } from "#backoffice/components/rules/rules-request.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 营销规则 › 登记分类: every website channel with its routing and keys, and the form for a new one.

const PATH = categoriesScreen.path;

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

export async function action(args: ActionFunctionArgs) {
  const { actor, form, audit } = await readRulesCreate(args);
  const result = orNotFound(await createRegistrationCategory(db, actor, form, audit));
  if (result.ok) return redirectWithFlash(`${PATH}/${result.categoryId}`, "flash.rules.categoryCreated");
  return data({ fieldErrors: result.fieldErrors, values: categoryValuesFrom(form) }, { status: 400 });
}

export const meta = titleMeta(categoriesScreen.title);

export default function RegistrationCategoriesPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const newButton = (
    <ButtonLink to="#new-category">
      <Plus aria-hidden className="size-4" />
      {t("rules.categories.new")}
    </ButtonLink>
  );
  return (
    <ScreenListPage
      screen={categoriesScreen}
      list={d}
      actions={newButton}
      emptyAction={newButton}
      belowHeading={<RulesTabs />}
    >
      <SectionCard icon={RouteIcon} title={t("rules.routing.title")} description={t("rules.routing.description")} flush>
        <div className="p-5">
          <RoutingOrder />
        </div>
      </SectionCard>
      <NewCategoryCard options={d.options} result={result ?? null} />
    </ScreenListPage>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={PATH} backLabel="rules.error.backToRules" texts="rules.error" />;
}
