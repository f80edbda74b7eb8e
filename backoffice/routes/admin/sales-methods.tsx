import { Workflow } from "lucide-react";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, respond, type ServiceResult } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  deleteSalesStage,
  listSalesMethodsForAdmin,
  moveSalesStage,
  saveSalesMethod,
  saveSalesStage,
} from "#app/modules/crm/opportunities/sales-method-admin.server.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { MethodCard, MethodForm } from "#backoffice/components/admin/stage-editor.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { runPageIntent, type PageIntentArgs } from "#backoffice/components/record-action.server.ts";

// 销售方法 (/crm/admin/sales-methods): admins edit the sales methods and their stages (#18 item 4,
// decision 040). Each row is its own form; the rules live in sales-method-admin.server.ts.

const PATH = "/crm/admin/sales-methods";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  return { methods: await listSalesMethodsForAdmin(db) };
}

const values = (form: FormData) => Object.fromEntries(form) as Record<string, unknown>;

/** Answers one form: on a refusal, `row` says which form shows the errors ("method-3", "12", "new-3"). */
function answer<T>(result: ServiceResult<T>, row: string) {
  if (result.status !== "ok") return fail({ ...result, row });
  return respond(result, { successTo: PATH, flash: "flash.saved" });
}

const stageRow = (form: FormData) => String(form.get("stageId") ?? `new-${String(form.get("methodId") ?? "")}`);

async function move({ actor, form }: PageIntentArgs, direction: "up" | "down") {
  const input = { methodId: form.get("methodId"), stageId: form.get("stageId"), direction };
  return answer(await moveSalesStage(db, actor, input), stageRow(form));
}

const INTENTS = {
  "save-stage": async ({ actor, form }: PageIntentArgs) =>
    answer(
      await saveSalesStage(db, actor, {
        methodId: form.get("methodId"),
        stageId: form.get("stageId"),
        values: values(form),
      }),
      stageRow(form),
    ),
  "add-stage": async ({ actor, form }: PageIntentArgs) =>
    answer(await saveSalesStage(db, actor, { methodId: form.get("methodId"), values: values(form) }), stageRow(form)),
  "delete-stage": async ({ actor, form }: PageIntentArgs) =>
    answer(
      await deleteSalesStage(db, actor, { methodId: form.get("methodId"), stageId: form.get("stageId") }),
      stageRow(form),
    ),
  "stage-up": (args: PageIntentArgs) => move(args, "up"),
  "stage-down": (args: PageIntentArgs) => move(args, "down"),
  "save-method": async ({ actor, form }: PageIntentArgs) =>
    answer(
      await saveSalesMethod(db, actor, { methodId: form.get("methodId"), values: values(form) }),
      `method-${String(form.get("methodId") ?? "")}`,
    ),
  "add-method": async ({ actor, form }: PageIntentArgs) =>
    answer(await saveSalesMethod(db, actor, { values: values(form) }), "method-new"),
};

export async function action(args: ActionFunctionArgs) {
  return runPageIntent(args, { module: "admin", action: "modify" }, INTENTS);
}

export const meta = titleMeta("stageEditor.title");

export default function SalesMethodsPage() {
  const { methods } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const failedRow = result && "row" in result ? result.row : null;
  const errors = fieldErrors(result);
  const errorsFor = (methodId: number) => (form: string) => {
    const row = form === "method" ? `method-${methodId}` : form === "new" ? `new-${methodId}` : form;
    return failedRow === row ? errors : {};
  };
  return (
    <div className="space-y-6">
      <BackLink to="/crm/admin">{t("adminStaff.home.title")}</BackLink>
      <PageHeader
        title={t("stageEditor.title")}
        description={t("stageEditor.intro")}
        icon={<Workflow className="size-6" aria-hidden />}
      />
      <FailureNotice result={result} />
      {methods.map((method) => (
        <MethodCard key={method.id} method={method} errorsFor={errorsFor(method.id)} />
      ))}
      <Card>
        <CardHeader title={t("stageEditor.method.add")} description={t("stageEditor.method.addHint")} />
        <div className="px-5 py-4">
          <MethodForm method={null} errors={failedRow === "method-new" ? errors : {}} />
        </div>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/admin" backLabel="adminStaff.home.title" />;
}
