import { FolderTree, Plus, Route as RouteIcon } from "lucide-react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import {
  createRegistrationCategory,
  getCategoryFormOptions,
  listRegistrationCategories,
} from "#app/modules/leads/registration-categories.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { RULES_MANAGER } from "#app/modules/leads/rules-access.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import {
  CategoryFields,
  categoryValuesFrom,
  EMPTY_CATEGORY,
  type CategoryFieldName,
} from "#backoffice/components/rules-category-form.tsx";
import {
  ActiveBadge,
  KindBadge,
  Notice,
  RoutingOrder,
  RULES_PATHS,
  RulesErrorBoundary,
  RulesTabs,
  StaffStatusBadge,
  type UiError,
} from "#backoffice/components/rules-ui.tsx";

// 营销规则 › 登记分类: every website channel with its routing and keys, and the form for a new one.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, RULES_MANAGER);
  const [categories, options] = await Promise.all([listRegistrationCategories(db), getCategoryFormOptions(db)]);
  return { categories, options };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const form = Object.fromEntries(await request.formData());
  if (form.intent !== "create") throw data(null, { status: 400 });
  const result = await createRegistrationCategory(db, actor, form, { ipAddress: clientIp(context) });
  if (result.ok) return redirect(`${RULES_PATHS.categories}/${result.categoryId}?notice=created`);
  if (result.reason === "not-found") throw data(null, { status: 404 });
  return data(
    {
      fieldErrors: result.fieldErrors as Partial<Record<CategoryFieldName, UiError>>,
      values: categoryValuesFrom(form),
    },
    { status: 400 },
  );
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "rules.categories.title");

export default function RegistrationCategoriesPage() {
  const { categories, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "create";
  const noStaff = options.staff.length === 0;

  return (
    <div className="space-y-6">
      <PageHeader
        icon={<FolderTree aria-hidden className="size-6" />}
        eyebrow={t("rules.eyebrow")}
        title={t("rules.categories.title")}
        description={t("rules.categories.description")}
        actions={
          <ButtonLink to="#new-category">
            <Plus aria-hidden className="size-4" />
            {t("rules.categories.new")}
          </ButtonLink>
        }
      />
      <RulesTabs />

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

      <Card>
        <CardHeader
          title={t("rules.categories.list.title")}
          description={t("rules.categories.list.count", { count: categories.length })}
        />
        {categories.length === 0 ? (
          <EmptyState
            icon={<FolderTree aria-hidden className="size-5" />}
            title={t("rules.categories.empty.title")}
            description={t("rules.categories.empty.body")}
          >
            <ButtonLink to="#new-category">
              <Plus aria-hidden className="size-4" />
              {t("rules.categories.new")}
            </ButtonLink>
          </EmptyState>
        ) : (
          <>
            <ul className="divide-y divide-slate-100 md:hidden">
              {categories.map((c) => (
                <li key={c.id}>
                  <Link to={`${RULES_PATHS.categories}/${c.id}`} className="block px-5 py-4 hover:bg-slate-50/80">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900">{c.name}</span>
                      <KindBadge kind={c.kind} />
                      {c.active ? null : <ActiveBadge active={false} />}
                    </p>
                    <p className="mt-0.5 font-mono text-xs text-slate-500">{c.code}</p>
                    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                      <dt className="text-slate-500">{t("rules.col.tokenGroup")}</dt>
                      <dd className={c.tokenGroup ? "text-slate-700" : "text-slate-400"}>
                        {c.tokenGroup?.name ?? t("rules.unbound")}
                      </dd>
                      <dt className="text-slate-500">{t("rules.col.campaign")}</dt>
                      <dd className={c.campaign ? "text-slate-700" : "text-slate-400"}>
                        {c.campaign?.name ?? t("rules.unbound")}
                      </dd>
                      <dt className="text-slate-500">{t("rules.col.designated")}</dt>
                      <dd className="flex flex-wrap items-center gap-2 text-slate-700">
                        {c.designatedStaff.name}
                        <StaffStatusBadge status={c.designatedStaff.status} />
                      </dd>
                    </dl>
                    <p className="mt-2 text-xs text-slate-500">
                      {t("rules.category.summary", { leads: c.leadCount, keys: c.activeKeys })}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
            <div className="hidden overflow-x-auto md:block">
              <table className="min-w-full text-left text-sm">
                <thead className="border-b border-slate-100 bg-slate-50/60 text-xs font-medium tracking-wide text-slate-500 uppercase">
                  <tr>
                    <th scope="col" className="px-5 py-2.5 font-medium">
                      {t("rules.col.category")}
                    </th>
                    <th scope="col" className="px-4 py-2.5 font-medium">
                      {t("rules.col.kind")}
                    </th>
                    <th scope="col" className="px-4 py-2.5 font-medium">
                      {t("rules.col.tokenGroup")}
                    </th>
                    <th scope="col" className="px-4 py-2.5 font-medium">
                      {t("rules.col.campaign")}
                    </th>
                    <th scope="col" className="px-4 py-2.5 font-medium">
                      {t("rules.col.designated")}
                    </th>
                    <th scope="col" className="px-4 py-2.5 font-medium">
                      {t("rules.col.status")}
                    </th>
                    <th scope="col" className="px-4 py-2.5 text-right font-medium whitespace-nowrap">
                      {t("rules.col.keys")}
                    </th>
                    <th scope="col" className="px-5 py-2.5 text-right font-medium whitespace-nowrap">
                      {t("rules.col.leads")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {categories.map((c) => (
                    <tr key={c.id} className="group hover:bg-slate-50/80">
                      <td className="min-w-40 px-5 py-3 align-top">
                        <Link
                          to={`${RULES_PATHS.categories}/${c.id}`}
                          className="font-medium text-slate-900 group-hover:text-blue-700 hover:underline"
                        >
                          {c.name}
                        </Link>
                        <p className="mt-0.5 font-mono text-xs text-slate-500">{c.code}</p>
                      </td>
                      <td className="px-4 py-3 align-top">
                        <KindBadge kind={c.kind} />
                      </td>
                      <td className="px-4 py-3 align-top whitespace-nowrap">
                        {c.tokenGroup ? (
                          <Link
                            to={`${RULES_PATHS.groups}/${c.tokenGroup.id}`}
                            className="text-slate-700 hover:text-blue-700 hover:underline"
                          >
                            {c.tokenGroup.name}
                          </Link>
                        ) : (
                          <span className="text-slate-400">{t("rules.unbound")}</span>
                        )}
                      </td>
                      <td className="min-w-36 px-4 py-3 align-top">
                        {c.campaign ? (
                          <span className="text-slate-700">{c.campaign.name}</span>
                        ) : (
                          <span className="text-slate-400">{t("rules.unbound")}</span>
                        )}
                      </td>
                      <td className="px-4 py-3 align-top whitespace-nowrap">
                        <span className="mr-2 text-slate-700">{c.designatedStaff.name}</span>
                        <StaffStatusBadge status={c.designatedStaff.status} />
                      </td>
                      <td className="px-4 py-3 align-top">
                        <ActiveBadge active={c.active} />
                      </td>
                      <td className="px-4 py-3 text-right align-top tabular-nums">
                        {c.activeKeys > 0 ? (
                          <Badge tone="blue">{c.activeKeys}</Badge>
                        ) : (
                          <span className="text-slate-400">0</span>
                        )}
                      </td>
                      <td className="px-5 py-3 text-right align-top text-slate-700 tabular-nums">
                        {c.leadCount.toLocaleString()}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Card>

      <Card id="new-category" className="scroll-mt-24">
        <CardHeader
          icon={<Plus aria-hidden className="size-4" />}
          title={t("rules.categories.new")}
          description={t("rules.categories.new.description")}
        />
        <Form method="post" className="space-y-5 p-5" noValidate>
          <input type="hidden" name="intent" value="create" />
          {result ? <Notice tone="error">{t("rules.form.fixErrors")}</Notice> : null}
          {noStaff ? <Notice tone="warning">{t("rules.categories.noStaff")}</Notice> : null}
          <CategoryFields
            idPrefix="new"
            values={result?.values ?? EMPTY_CATEGORY}
            errors={result?.fieldErrors ?? {}}
            options={options}
          />
          <div className="flex justify-end border-t border-slate-100 pt-5">
            <Button type="submit" disabled={saving || noStaff}>
              <Plus aria-hidden className="size-4" />
              {saving ? t("rules.form.saving") : t("rules.categories.create")}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <RulesErrorBoundary error={error} />;
}
