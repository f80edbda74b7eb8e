import { Grid3x3, ShieldCheck, Trash2, UserPlus, UsersRound } from "lucide-react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm, schemaIntents } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import { fail, respond } from "#app/lib/service-result.ts";
import {
  assignRole,
  deleteRole,
  getRole,
  parseMatrix,
  RoleForm,
  saveRoleMatrix,
  staffWithoutRole,
  unassignRole,
  updateRole,
} from "#app/modules/admin/roles.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, FormNotice, SelectField, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { PermissionMatrix } from "#backoffice/components/admin/permission-matrix.tsx";
import { moduleName } from "#backoffice/components/nav.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { isModule } from "#app/modules/auth/permissions.ts";
import { runRecordIntent, type RecordIntentArgs } from "#backoffice/components/record-action.server.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// One role (/crm/admin/roles/:roleId): name, the module × action × scope matrix, its members (with
// their personal exceptions) and delete. Every form posts here with an intent.

const ROLES = "/crm/admin/roles";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "admin", action: "browse" }, params.roleId, async (database, _actor, id) => {
    const role = await getRole(database, id);
    return role && { role, candidates: await staffWithoutRole(database, id) };
  });
}

const StaffPick = z.object({ staffId: IdParam });
const here = (roleId: number) => `${ROLES}/${roleId}`;

async function update({ actor, id, form, meta }: RecordIntentArgs) {
  const parsed = await parseForm(form, RoleForm);
  if (parsed.status !== "ok") return fail({ ...parsed, form: "settings" as const });
  return respond(await updateRole(db, actor, id, parsed.value, meta), { successTo: here(id), flash: "flash.saved" });
}

async function matrix({ actor, id, form, meta }: RecordIntentArgs) {
  const parsed = parseMatrix(form);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await saveRoleMatrix(db, actor, id, parsed.value, meta);
  return respond(result, {
    successTo: here(id),
    flash: (v) => (v.changed > 0 ? "flash.saved" : "flash.info.noChanges"),
  });
}

async function assign({ actor, id, form, meta }: RecordIntentArgs) {
  const parsed = await parseForm(form, StaffPick);
  if (parsed.status !== "ok") return fail({ ...parsed, form: "assign" as const });
  const result = await assignRole(db, actor, id, parsed.value.staffId, meta);
  if (result.status === "invalid") return fail({ ...result, form: "assign" as const });
  return respond(result, { successTo: here(id), flash: "flash.saved" });
}

const unassign = schemaIntents<RecordIntentArgs>((a) => here(a.id))(StaffPick, (a, v) =>
  unassignRole(db, a.actor, a.id, v.staffId, a.meta),
);

async function remove({ actor, id, meta }: RecordIntentArgs) {
  return respond(await deleteRole(db, actor, id, meta), { successTo: ROLES, flash: "flash.deleted" });
}

export async function action(args: ActionFunctionArgs) {
  const intents = { update, matrix, assign, unassign, delete: remove };
  return runRecordIntent(args, { module: "admin", action: "modify" }, "roleId", intents);
}

export const meta = recordMeta<typeof loader>("adminRoles.list.title", (d) => [
  "adminRoles.detail.metaTitle",
  { name: d.role.name },
]);

export default function RoleDetailPage() {
  const { role, candidates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const form = result && "form" in result ? result.form : null;
  const errors = fieldErrors(result);

  return (
    <div className="space-y-6">
      <BackLink to={ROLES}>{t("adminRoles.back")}</BackLink>
      <PageHeader
        eyebrow={t("adminRoles.list.title")}
        title={role.name}
        description={role.description ?? undefined}
        icon={<ShieldCheck className="size-6" aria-hidden />}
      />
      {form === null ? <FailureNotice result={result} /> : null}

      <Card>
        <CardHeader
          icon={<Grid3x3 className="size-4" aria-hidden />}
          title={t("adminRoles.matrix.title")}
          description={t("adminRoles.matrix.description")}
        />
        <Form method="post">
          {role.isAdmin ? (
            <CardBody>
              <FormNotice tone="info">{t("adminRoles.detail.adminNotice")}</FormNotice>
            </CardBody>
          ) : null}
          <PermissionMatrix matrix={role.matrix} disabled={role.isAdmin} />
          {role.isAdmin ? null : (
            <div className="flex justify-end border-t border-slate-100 px-5 py-3">
              <SubmitButton intent="matrix" pendingLabel={t("common.saving")}>
                {t("adminRoles.matrix.save")}
              </SubmitButton>
            </div>
          )}
        </Form>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader icon={<UsersRound className="size-4" aria-hidden />} title={t("adminRoles.members.title")} />
          {role.members.length === 0 ? (
            <CardBody className="text-sm text-slate-500">{t("adminRoles.members.empty")}</CardBody>
          ) : (
            <ul className="divide-y divide-slate-100">
              {role.members.map((m) => (
                <li key={m.id} className="flex items-start justify-between gap-3 px-5 py-3 text-sm">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">
                      {m.name}
                      {m.status === "inactive" ? (
                        <Badge className="ml-2">{t("adminRoles.members.inactive")}</Badge>
                      ) : null}
                    </p>
                    <p className="text-xs text-slate-500">
                      {m.email}
                      {m.team ? ` · ${m.team.name}` : ""}
                    </p>
                    <p className="mt-1 text-xs text-slate-500">
                      <Link to={`${ROLES}/overrides?staff=${m.id}`} className="text-blue-700 hover:underline">
                        {t("adminRoles.members.overrides")}
                      </Link>
                      {"："}
                      {m.permissionOverrides.length === 0
                        ? t("adminRoles.members.noOverrides")
                        : m.permissionOverrides
                            .map((o) =>
                              [
                                isModule(o.module) ? t(moduleName(o.module)) : o.module,
                                t(`adminRoles.action.${o.action}`),
                                o.scope === null ? t("adminRoles.overrides.deny") : t(`adminRoles.scope.${o.scope}`),
                              ].join(" "),
                            )
                            .join("；")}
                    </p>
                  </div>
                  <Form method="post">
                    <input type="hidden" name="staffId" value={m.id} />
                    <SubmitButton
                      intent="unassign"
                      variant="ghost"
                      size="sm"
                      aria-label={t("adminRoles.members.removeNamed", { name: m.name })}
                    >
                      {t("common.remove")}
                    </SubmitButton>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <Form method="post" className="flex flex-wrap items-end gap-3 border-t border-slate-100 px-5 py-4">
            <SelectField
              name="staffId"
              id="assign-staff"
              className="min-w-56 flex-1"
              label={t("adminRoles.members.staff")}
              placeholder={t("common.choose")}
              options={candidates.map((s) => ({ value: String(s.id), label: `${s.name}（${s.email}）` }))}
              errors={form === "assign" ? errors.staffId : null}
            />
            <SubmitButton intent="assign" variant="secondary" icon={UserPlus}>
              {t("adminRoles.members.add")}
            </SubmitButton>
          </Form>
        </Card>

        <div className="space-y-6">
          <Card>
            <CardHeader title={t("adminRoles.detail.settings")} />
            <Form method="post">
              <CardBody className="space-y-4">
                <TextField
                  name="name"
                  label={t("adminRoles.field.name")}
                  defaultValue={role.name}
                  required
                  maxLength={100}
                  errors={form === "settings" ? errors.name : null}
                />
                <TextField
                  name="description"
                  label={t("adminRoles.field.description")}
                  defaultValue={role.description ?? ""}
                  optional
                  maxLength={500}
                />
                <SubmitButton intent="update" variant="secondary" pendingLabel={t("common.saving")}>
                  {t("common.save")}
                </SubmitButton>
              </CardBody>
            </Form>
          </Card>

          <Card>
            <CardHeader icon={<Trash2 className="size-4" aria-hidden />} title={t("adminRoles.delete.title")} />
            <Form method="post">
              <CardBody className="space-y-3">
                <p className="text-sm text-slate-500">{t("adminRoles.delete.hint")}</p>
                <SubmitButton intent="delete" variant="danger" disabled={role.members.length > 0}>
                  {t("adminRoles.delete.submit")}
                </SubmitButton>
              </CardBody>
            </Form>
          </Card>
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={ROLES} backLabel="adminRoles.back" />;
}
