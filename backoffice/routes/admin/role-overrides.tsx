import { UserCog } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { schemaIntents } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import {
  listOverrides,
  OverrideForm,
  overrideStaffOptions,
  removeOverride,
  setOverride,
} from "#app/modules/admin/permission-overrides.server.ts";
import { ACTIONS, isModule, MODULES, SCOPES } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { moduleName } from "#backoffice/components/nav.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { runPageIntent, type PageIntentArgs } from "#backoffice/components/record-action.server.ts";

// 个人权限例外 (/crm/admin/roles/overrides): grant or deny one module × action to one staff member,
// over their roles. `?staff=<id>` preselects the person (links from a role's member list).

const PATH = "/crm/admin/roles/overrides";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  const staff = IdParam.safeParse(new URL(request.url).searchParams.get("staff"));
  const [overrides, people] = await Promise.all([listOverrides(db), overrideStaffOptions(db)]);
  return { overrides, people, preselected: staff.success ? staff.data : null };
}

const intent = schemaIntents<PageIntentArgs>(() => PATH);

const INTENTS = {
  set: intent(OverrideForm, (a, v) => setOverride(db, a.actor, v, a.meta)),
  remove: intent(z.object({ id: IdParam }), (a, v) => removeOverride(db, a.actor, v.id, a.meta), "flash.deleted"),
};

export async function action(args: ActionFunctionArgs) {
  return runPageIntent(args, { module: "admin", action: "modify" }, INTENTS);
}

export const meta = titleMeta("adminRoles.overrides.title");

export default function RoleOverridesPage() {
  const { overrides, people, preselected } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = fieldErrors(result);
  const moduleLabel = (m: string) => (isModule(m) ? t(moduleName(m)) : m);

  return (
    <div className="space-y-6">
      <BackLink to="/crm/admin/roles">{t("adminRoles.back")}</BackLink>
      <PageHeader
        eyebrow={t("adminRoles.list.title")}
        title={t("adminRoles.overrides.title")}
        description={t("adminRoles.overrides.description")}
        icon={<UserCog className="size-6" aria-hidden />}
      />
      <FailureNotice result={result} refusalsOnly />

      <Card>
        <CardHeader title={t("adminRoles.overrides.add")} />
        <Form method="post">
          <CardBody className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
            <SelectField
              name="staffId"
              className="lg:col-span-2"
              label={t("adminRoles.members.staff")}
              placeholder={t("common.choose")}
              defaultValue={preselected ? String(preselected) : ""}
              options={people.map((p) => ({ value: String(p.id), label: `${p.name}（${p.email}）` }))}
              errors={errors.staffId}
            />
            <SelectField
              name="module"
              label={t("adminRoles.overrides.module")}
              options={MODULES.map((m) => ({ value: m, label: t(moduleName(m)) }))}
              errors={errors.module}
            />
            <SelectField
              name="action"
              label={t("adminRoles.overrides.action")}
              options={ACTIONS.map((a) => ({ value: a, label: t(`adminRoles.action.${a}`) }))}
              errors={errors.action}
            />
            <SelectField
              name="effect"
              label={t("adminRoles.overrides.effect")}
              options={[
                { value: "deny", label: t("adminRoles.overrides.deny") },
                ...SCOPES.map((s) => ({
                  value: s,
                  label: t("adminRoles.overrides.grant", { scope: t(`adminRoles.scope.${s}`) }),
                })),
              ]}
              errors={errors.effect}
            />
            <div className="lg:col-span-5">
              <SubmitButton intent="set" pendingLabel={t("common.saving")}>
                {t("adminRoles.overrides.add")}
              </SubmitButton>
            </div>
          </CardBody>
        </Form>
      </Card>

      <Card>
        {overrides.length === 0 ? (
          <CardBody className="text-sm text-slate-500">{t("adminRoles.overrides.empty")}</CardBody>
        ) : (
          <table className="w-full text-sm">
            <thead className="border-b border-slate-100 text-left text-xs text-slate-500">
              <tr>
                <th className="px-5 py-3 font-medium">{t("adminRoles.members.staff")}</th>
                <th className="px-5 py-3 font-medium">{t("adminRoles.overrides.module")}</th>
                <th className="px-5 py-3 font-medium">{t("adminRoles.overrides.action")}</th>
                <th className="px-5 py-3 font-medium">{t("adminRoles.overrides.effect")}</th>
                <th className="px-5 py-3">
                  <span className="sr-only">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {overrides.map((o) => {
                const cell = `${moduleLabel(o.module)} ${t(`adminRoles.action.${o.action}`)}`;
                return (
                  <tr key={o.id} className={preselected === o.staff.id ? "bg-blue-50/40" : undefined}>
                    <td className="px-5 py-2.5 font-medium text-slate-900">{o.staff.name}</td>
                    <td className="px-5 py-2.5">{moduleLabel(o.module)}</td>
                    <td className="px-5 py-2.5">{t(`adminRoles.action.${o.action}`)}</td>
                    <td className="px-5 py-2.5">
                      {o.scope === null ? (
                        <Badge tone="red">{t("adminRoles.overrides.deny")}</Badge>
                      ) : (
                        <Badge tone="green">
                          {t("adminRoles.overrides.grant", { scope: t(`adminRoles.scope.${o.scope}`) })}
                        </Badge>
                      )}
                    </td>
                    <td className="px-5 py-2.5 text-right">
                      <Form method="post">
                        <input type="hidden" name="id" value={o.id} />
                        <SubmitButton
                          intent="remove"
                          variant="ghost"
                          size="sm"
                          aria-label={t("adminRoles.overrides.removeNamed", { name: o.staff.name, cell })}
                        >
                          {t("common.remove")}
                        </SubmitButton>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/admin/roles" backLabel="adminRoles.back" />;
}
