import { ArrowRight, Plus, RefreshCcw, UsersRound } from "lucide-react";
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
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { RULES_MANAGER } from "#app/modules/leads/rules-access.server.ts";
import { createTokenGroup, listTokenGroups } from "#app/modules/leads/token-groups.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import {
  errorText,
  Field,
  fieldAria,
  inputClass,
  Notice,
  RULES_PATHS,
  RulesErrorBoundary,
  RulesTabs,
  type UiError,
} from "#backoffice/components/rules-ui.tsx";

// 营销规则 › 网站线索持有人: the token groups, who is next in each, and a form for a new one.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, RULES_MANAGER);
  const deleted = new URL(request.url).searchParams.get("notice") === "deleted";
  return { groups: await listTokenGroups(db), deleted };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const form = Object.fromEntries(await request.formData());
  if (form.intent !== "create") throw data(null, { status: 400 });
  const result = await createTokenGroup(db, actor, form, { ipAddress: clientIp(context) });
  if (result.ok) return redirect(`${RULES_PATHS.groups}/${result.groupId}?notice=created`);
  if (result.reason === "not-found") throw data(null, { status: 404 });
  return data(
    { fieldErrors: result.fieldErrors as { name?: UiError }, name: typeof form.name === "string" ? form.name : "" },
    { status: 400 },
  );
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "rules.groups.title");

export default function TokenGroupsPage() {
  const { groups, deleted } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "create";
  const nameError = errorText(t, result?.fieldErrors.name);

  return (
    <div className="space-y-6">
      <PageHeader
        icon={<UsersRound aria-hidden className="size-6" />}
        eyebrow={t("rules.eyebrow")}
        title={t("rules.groups.title")}
        description={t("rules.groups.description")}
      />
      <RulesTabs />
      {deleted && !result ? <Notice tone="success">{t("rules.notice.group.deleted")}</Notice> : null}

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader
            title={t("rules.groups.list.title")}
            description={t("rules.groups.list.count", { count: groups.length })}
          />
          {groups.length === 0 ? (
            <EmptyState
              icon={<UsersRound aria-hidden className="size-5" />}
              title={t("rules.groups.empty.title")}
              description={t("rules.groups.empty.body")}
            />
          ) : (
            <ul className="divide-y divide-slate-100">
              {groups.map((g) => (
                <li key={g.id}>
                  <Link
                    to={`${RULES_PATHS.groups}/${g.id}`}
                    className="group flex flex-col gap-3 px-5 py-4 hover:bg-slate-50/80 sm:flex-row sm:items-center"
                  >
                    <div className="min-w-0 flex-1">
                      <p className="font-medium text-slate-900 group-hover:text-blue-700">{g.name}</p>
                      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-500">
                        <span>{t("rules.groups.members", { count: g.memberCount })}</span>
                        <span aria-hidden className="text-slate-300">
                          ·
                        </span>
                        <span className={g.eligibleCount === 0 ? "font-medium text-amber-700" : undefined}>
                          {t("rules.groups.eligible", { count: g.eligibleCount })}
                        </span>
                      </p>
                      <p className="mt-1.5 flex flex-wrap gap-1.5">
                        {g.categories.length === 0 ? (
                          <span className="text-xs text-slate-400">{t("rules.groups.unused")}</span>
                        ) : (
                          g.categories.map((c) => (
                            <Badge key={c.id} tone={c.active ? "blue" : "slate"}>
                              {c.name}
                            </Badge>
                          ))
                        )}
                      </p>
                    </div>
                    <div className="flex shrink-0 items-center gap-3 sm:text-right">
                      <div>
                        <p className="text-xs text-slate-500">{t("rules.groups.nextLabel")}</p>
                        {g.next ? (
                          <p className="font-medium text-slate-900">{g.next.name}</p>
                        ) : (
                          <p className="text-sm font-medium text-amber-700">{t("rules.groups.nobody")}</p>
                        )}
                      </div>
                      <ArrowRight aria-hidden className="size-4 text-slate-300 group-hover:text-blue-600" />
                    </div>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <div className="space-y-6">
          <Card id="new-group">
            <CardHeader
              icon={<Plus aria-hidden className="size-4" />}
              title={t("rules.groups.new")}
              description={t("rules.groups.new.description")}
            />
            <Form method="post" noValidate className="space-y-4 p-5">
              <input type="hidden" name="intent" value="create" />
              <Field id="group-name" label={t("rules.groups.name")} error={nameError} required>
                <input
                  id="group-name"
                  name="name"
                  required
                  maxLength={100}
                  defaultValue={result?.name ?? ""}
                  placeholder={t("rules.groups.name.placeholder")}
                  className={inputClass}
                  {...fieldAria("group-name", nameError)}
                />
              </Field>
              <Button type="submit" disabled={saving} className="w-full">
                <Plus aria-hidden className="size-4" />
                {t("rules.groups.create")}
              </Button>
            </Form>
          </Card>

          <Card>
            <CardHeader icon={<RefreshCcw aria-hidden className="size-4" />} title={t("rules.groups.how.title")} />
            <ul className="space-y-2.5 p-5 text-sm leading-6 text-slate-600">
              <li>{t("rules.groups.how.1")}</li>
              <li>{t("rules.groups.how.2")}</li>
              <li>{t("rules.groups.how.3")}</li>
            </ul>
          </Card>
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <RulesErrorBoundary error={error} />;
}
