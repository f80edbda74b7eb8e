import { ScrollText, ShieldCheck, Split, UserCog, UsersRound } from "lucide-react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { createRole, listRoles, RoleForm } from "#app/modules/admin/roles.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { runFormAction } from "#backoffice/components/record-action.server.ts";

// 角色管理 (/crm/admin/roles): every role with its member and grant counts, and "new role".

export const ROLES_PATH = "/crm/admin/roles";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  return { roles: await listRoles(db) };
}

export async function action(args: ActionFunctionArgs) {
  return runFormAction(args, { module: "admin", action: "modify" }, RoleForm, createRole, {
    successTo: (v) => `${ROLES_PATH}/${v.id}`,
    flash: "flash.created",
  });
}

export const meta = titleMeta("adminRoles.list.title");

export default function RolesListPage() {
  const { roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = fieldErrors(result);

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={t("adminRoles.eyebrow")}
        title={t("adminRoles.list.title")}
        description={t("adminRoles.list.description")}
        icon={<ShieldCheck className="size-6" aria-hidden />}
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink to={`${ROLES_PATH}/overrides`} variant="secondary" size="sm" icon={UserCog}>
              {t("adminRoles.list.overridesLink")}
            </ButtonLink>
            <ButtonLink to={`${ROLES_PATH}/conflicts`} variant="secondary" size="sm" icon={Split}>
              {t("adminRoles.list.conflictsLink")}
            </ButtonLink>
            <ButtonLink to="/crm/admin/audit" variant="secondary" size="sm" icon={ScrollText}>
              {t("adminRoles.list.auditLink")}
            </ButtonLink>
          </div>
        }
      />

      <Card>
        {roles.length === 0 ? (
          <CardBody className="text-sm text-slate-500">{t("adminRoles.list.empty")}</CardBody>
        ) : (
          <table className="w-full text-sm">
            <thead className="border-b border-slate-100 text-left text-xs text-slate-500">
              <tr>
                <th className="px-5 py-3 font-medium">{t("adminRoles.field.name")}</th>
                <th className="hidden px-5 py-3 font-medium md:table-cell">{t("adminRoles.field.description")}</th>
                <th className="px-5 py-3 text-right font-medium">{t("adminRoles.list.members")}</th>
                <th className="px-5 py-3 text-right font-medium">{t("adminRoles.list.grants")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {roles.map((role) => (
                <tr key={role.id}>
                  <td className="px-5 py-3">
                    <Link to={`${ROLES_PATH}/${role.id}`} className="font-medium text-blue-700 hover:underline">
                      {role.name}
                    </Link>
                    {role.isAdmin ? (
                      <Badge tone="violet" className="ml-2">
                        {t("adminRoles.list.adminBadge")}
                      </Badge>
                    ) : null}
                  </td>
                  <td className="hidden px-5 py-3 text-slate-500 md:table-cell">{role.description ?? ""}</td>
                  <td className="px-5 py-3 text-right tabular-nums">{role.memberCount}</td>
                  <td className="px-5 py-3 text-right tabular-nums">{role.isAdmin ? "—" : role.grantCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>

      <Card className="max-w-2xl">
        <CardHeader icon={<UsersRound className="size-4" aria-hidden />} title={t("adminRoles.create.title")} />
        <Form method="post">
          <CardBody className="space-y-4">
            <FailureNotice result={result} refusalsOnly />
            <TextField name="name" label={t("adminRoles.field.name")} required maxLength={100} errors={errors.name} />
            <TextField
              name="description"
              label={t("adminRoles.field.description")}
              optional
              maxLength={500}
              errors={errors.description}
            />
            <SubmitButton pendingLabel={t("common.submitting")}>{t("adminRoles.create.submit")}</SubmitButton>
          </CardBody>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
