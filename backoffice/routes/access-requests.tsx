import { KeyRound } from "lucide-react";
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
import { formatDateTime } from "#app/lib/format/dates.ts";
import { parseForm, runIntent } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { IdParam } from "#app/lib/schemas.ts";
import { respond } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { ACCESS_REQUEST_POLICY } from "#app/modules/crm/sharing/access-policy.ts";
import {
  decideAccessRequest,
  listAccessRequests,
  type AccessRequestRow,
} from "#app/modules/crm/sharing/access-requests.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { FailureNotice, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 访问申请 (/crm/access-requests): requests for records the caller owns (grant read / grant edit /
// decline) and the caller's own requests with their answers.

const PATH = "/crm/access-requests";
const ACCESS_POLICY = ACCESS_REQUEST_POLICY;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, ACCESS_POLICY);
  return listAccessRequests(db, actor);
}

type Ctx = { actor: StaffActor; formData: FormData; ip: string };
const Decision = z.object({ requestId: IdParam });

function decide(grant: boolean, canEdit: boolean) {
  return async ({ actor, formData, ip }: Ctx) => {
    const parsed = await parseForm(formData, Decision);
    if (parsed.status !== "ok") return respond(parsed, { successTo: PATH });
    const result = await decideAccessRequest(
      db,
      actor,
      { requestId: parsed.value.requestId, grant, canEdit },
      { ipAddress: ip },
    );
    return respond(result, {
      successTo: PATH,
      flash: grant ? "flash.recordAdmin.accessGranted" : "flash.recordAdmin.accessDeclined",
    });
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, ACCESS_POLICY);
  const formData = await request.formData();
  return runIntent(
    formData,
    { "grant-read": decide(true, false), "grant-edit": decide(true, true), decline: decide(false, false) },
    { actor, formData, ip: clientIp(context) },
  );
}

export const meta = titleMeta("recordAdmin.access.title");

function RecordLink({ row }: { row: AccessRequestRow }) {
  const { t } = useI18n();
  const base = row.entity === "company" ? "/crm/companies" : "/crm/contacts";
  return (
    <span>
      <Badge tone="slate">{t(`recordAdmin.entity.${row.entity === "company" ? "company" : "contact"}`)}</Badge>{" "}
      <Link to={`${base}/${row.recordId}`} className="font-medium text-slate-900 hover:text-blue-700">
        {row.recordName}
      </Link>
    </span>
  );
}

export default function AccessRequestsPage() {
  const { incoming, outgoing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();

  return (
    <div className="space-y-6">
      <PageHeader title={t("recordAdmin.access.title")} icon={<KeyRound className="size-6" aria-hidden />} />
      <FailureNotice result={result} />
      <SectionCard title={t("recordAdmin.access.incoming")} labelled>
        {incoming.length === 0 ? (
          <p className="text-sm text-slate-500">{t("recordAdmin.access.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {incoming.map((r) => (
              <li key={r.id} className="flex flex-col gap-2 py-3 md:flex-row md:items-center md:justify-between">
                <div className="space-y-1 text-sm">
                  <RecordLink row={r} />
                  <p className="text-slate-600">
                    {t("recordAdmin.access.requester")}: {r.requesterName} · {formatDateTime(r.createdAt, locale)}
                  </p>
                  {r.message ? <p className="text-slate-500">{r.message}</p> : null}
                </div>
                <Form method="post" className="flex flex-wrap gap-2">
                  <input type="hidden" name="requestId" value={r.id} />
                  <SubmitButton intent="grant-read" size="sm">
                    {t("recordAdmin.access.grantRead")}
                  </SubmitButton>
                  <SubmitButton intent="grant-edit" size="sm" variant="secondary">
                    {t("recordAdmin.access.grantEdit")}
                  </SubmitButton>
                  <SubmitButton intent="decline" size="sm" variant="ghost">
                    {t("recordAdmin.access.decline")}
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
      <SectionCard title={t("recordAdmin.access.outgoing")} labelled>
        {outgoing.length === 0 ? (
          <p className="text-sm text-slate-500">{t("recordAdmin.access.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {outgoing.map((r) => (
              <li key={r.id} className="flex items-center justify-between gap-3 py-3 text-sm">
                <RecordLink row={r} />
                <span className="text-slate-500">{r.ownerName}</span>
                <Badge tone={r.status === "granted" ? "green" : r.status === "declined" ? "red" : "amber"}>
                  {t(`recordAdmin.access.status.${r.status}` as MessageKey)}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
