import { KeyRound } from "lucide-react";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam, optionalText } from "#app/lib/schemas.ts";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { ACCESS_REQUEST_POLICY as ACCESS_POLICY } from "#app/modules/crm/sharing/access-policy.ts";
import { accessTarget, requestAccess } from "#app/modules/crm/sharing/access-requests.server.ts";
import { FailureNotice, FormNotice, SubmitButton, TextareaField } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 申请访问 (/crm/access-requests/new?entity=contact&id=…): for a record outside the caller's scope,
// shows only its name and owner and sends the owner a request.

const Target = z.object({ entity: z.enum(["contact", "company"]), id: IdParam });

async function target(request: Request) {
  const actor = await requireStaffActor(request, ACCESS_POLICY);
  const url = new URL(request.url);
  const parsed = Target.safeParse({ entity: url.searchParams.get("entity"), id: url.searchParams.get("id") });
  if (!parsed.success) throw data(null, { status: 404 });
  return { actor, ...parsed.data };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, entity, id } = await target(request);
  const found = await accessTarget(db, actor, entity, id);
  if (!found) throw data(null, { status: 404 });
  return { target: found };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, entity, id } = await target(request);
  const parsed = await parseForm(request, z.object({ message: optionalText(500) }));
  if (parsed.status !== "ok") return respond(parsed, { successTo: "/crm/access-requests" });
  const result = await requestAccess(
    db,
    actor,
    { entity, id, message: parsed.value.message },
    { ipAddress: clientIp(context) },
  );
  return respond(result, { successTo: "/crm/access-requests", flash: "flash.recordAdmin.accessRequested" });
}

export const meta = titleMeta("recordAdmin.access.newTitle");

export default function AccessRequestNewPage() {
  const { target: record } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const owner = record.ownerName ?? t("common.none");
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader
        title={t("recordAdmin.access.newTitle")}
        description={t("recordAdmin.access.newIntro", { owner })}
        icon={<KeyRound className="size-6" aria-hidden />}
      />
      <dl className="grid grid-cols-[8rem_1fr] gap-2 rounded-xl border border-slate-200 bg-white p-4 text-sm">
        <dt className="text-slate-500">{t(`recordAdmin.entity.${record.entity}`)}</dt>
        <dd className="font-medium text-slate-900">{record.name}</dd>
        <dt className="text-slate-500">{t("common.owner")}</dt>
        <dd>{owner}</dd>
      </dl>
      <FailureNotice result={result} />
      {record.visible ? (
        <FormNotice tone="info">{t("recordAdmin.access.alreadyVisible")}</FormNotice>
      ) : record.pendingRequestId ? (
        <FormNotice tone="info">{t("recordAdmin.access.alreadyPending")}</FormNotice>
      ) : (
        <Form method="post" className="space-y-4">
          <TextareaField name="message" label={t("recordAdmin.access.message")} maxLength={500} rows={3} />
          <SubmitButton icon={KeyRound}>{t("recordAdmin.access.submit")}</SubmitButton>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
