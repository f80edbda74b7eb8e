import { ArrowLeft, PhoneCall } from "lucide-react";
import {
  data,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { ATTACHMENT_ACCEPT, readUploadForm, storeFormFiles } from "#app/modules/files/attachments.server.ts";
import { phoneEntryOptions, serviceAssignees } from "#app/modules/service/service-queries.server.ts";
import { createStaffRequest } from "#app/modules/service/service-requests.server.ts";
import { asResult } from "#app/modules/service/service-results.ts";
import { fieldErrors, submittedValues } from "#app/ui/form/index.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { CompanyFinder, PhoneRequestForm } from "#backoffice/components/service/phone-entry.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 电话录入: a CSR takes a call. Step 1 finds the company (by name, number, phone or a contact's name
// or phone); step 2 shows that company's contacts and assets only, so the request is associated
// correctly, and routes it automatically unless an assignee is chosen.

const POLICY = { module: "service", action: "add" } as const;
const FIELDS = [
  "companyId",
  "contactId",
  "assetId",
  "assigneeId",
  "kind",
  "subject",
  "description",
  "priority",
  "channel",
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, POLICY);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const company = IdParam.safeParse(url.searchParams.get("company") ?? undefined);
  const [options, assignees] = await Promise.all([
    phoneEntryOptions(db, { q, companyId: company.success ? company.data : null }),
    serviceAssignees(db),
  ]);
  return { ...options, assignees, accept: ATTACHMENT_ACCEPT };
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "service.staffNew.title");

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const form = await readUploadForm(request);
  const values = Object.fromEntries(FIELDS.map((key) => [key, String(form.get(key) ?? "")]));
  const files = await storeFormFiles(form);
  if (!files.ok) return data({ uploadErrors: files.errors, values }, { status: 400 });
  const outcome = await createStaffRequest(db, { id: actor.staffId, name: actor.name }, values, files.stored);
  const result = asResult(outcome, "create");
  return respond(result.status === "invalid" ? { ...result, values } : result, {
    successTo: ({ id }) => `/crm/service/${id}`,
    flash: "flash.created",
  });
}

export default function ServiceRequestNew() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  const failure = answer && "status" in answer ? answer : null;
  const upload = answer && "uploadErrors" in answer ? answer : null;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <Link to="/crm/service" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft aria-hidden className="size-4" />
        {t("service.staff.back")}
      </Link>
      <PageHeader
        icon={<PhoneCall className="size-6" aria-hidden />}
        title={t("service.staffNew.title")}
        description={t("service.staffNew.lead")}
      />
      {d.company ? (
        <PhoneRequestForm
          company={d.company}
          assets={d.assets}
          assignees={d.assignees}
          accept={d.accept}
          sent={upload?.values ?? submittedValues(failure)}
          errors={fieldErrors(failure)}
          uploadErrors={upload?.uploadErrors ?? []}
        />
      ) : (
        <CompanyFinder q={d.q} companies={d.companies} />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/service" backLabel="service.staff.back" />;
}
