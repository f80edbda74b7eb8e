import { Split } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import {
  ConflictForm,
  getConflictStrategies,
  setConflictStrategies,
} from "#app/modules/admin/permission-conflicts.server.ts";
import { CONFLICT_MODULES, CONFLICT_STRATEGIES } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { runFormAction } from "#backoffice/components/record-action.server.ts";

// 权限冲突管理 (/crm/admin/roles/conflicts, seed §2.P.5): per module, which of administrative and
// business permissions wins. Applies to the next request of everyone (decision 031).

const PATH = "/crm/admin/roles/conflicts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  return { strategies: await getConflictStrategies(db) };
}

export async function action(args: ActionFunctionArgs) {
  return runFormAction(args, { module: "admin", action: "modify" }, ConflictForm, setConflictStrategies, {
    successTo: PATH,
    flash: (v) => (v.changed > 0 ? "flash.saved" : "flash.info.noChanges"),
  });
}

export const meta = titleMeta("adminRoles.conflicts.title");

export default function RoleConflictsPage() {
  const { strategies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();

  return (
    <div className="space-y-6">
      <BackLink to="/crm/admin/roles">{t("adminRoles.back")}</BackLink>
      <PageHeader
        eyebrow={t("adminRoles.list.title")}
        title={t("adminRoles.conflicts.title")}
        description={t("adminRoles.conflicts.description")}
        icon={<Split className="size-6" aria-hidden />}
      />
      <FailureNotice result={result} />
      <Form method="post" className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-2">
          {CONFLICT_MODULES.map((module) => (
            <Card key={module}>
              <CardHeader title={t(`adminRoles.conflicts.module.${module}`)} />
              <CardBody>
                <fieldset className="space-y-2">
                  <legend className="sr-only">{t(`adminRoles.conflicts.module.${module}`)}</legend>
                  {CONFLICT_STRATEGIES.map((strategy) => (
                    <label
                      key={strategy}
                      className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 px-3 py-2.5 has-checked:border-blue-500 has-checked:bg-blue-50/50"
                    >
                      <input
                        type="radio"
                        name={module}
                        value={strategy}
                        defaultChecked={strategies[module] === strategy}
                        className="mt-1"
                      />
                      <span>
                        <span className="block text-sm font-medium text-slate-900">
                          {t(`adminRoles.conflicts.strategy.${strategy}`)}
                        </span>
                        <span className="block text-xs text-slate-500">
                          {t(`adminRoles.conflicts.hint.${strategy}`)}
                        </span>
                      </span>
                    </label>
                  ))}
                </fieldset>
              </CardBody>
            </Card>
          ))}
        </div>
        <SubmitButton pendingLabel={t("common.saving")}>{t("adminRoles.conflicts.save")}</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/admin/roles" backLabel="adminRoles.back" />;
}
