import { ArrowLeft } from "lucide-react";
import {
  data,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import type { ServicePriority, ServiceRequestStatus } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server.ts";
import { dispatchIntent, formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, invalid, respond, type ServiceResult as Result } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { ATTACHMENT_ACCEPT, readUploadForm, storeFormFiles } from "#app/modules/files/attachments.server.ts";
import { SERVICE_STATUSES } from "#app/modules/service/service-constants.ts";
import { addStaffReply } from "#app/modules/service/service-replies.server.ts";
import {
  assignRequests,
  changeStatus,
  publishRequest,
  setPriority,
  unpublishRequest,
} from "#app/modules/service/service-requests.server.ts";
import { asResult } from "#app/modules/service/service-results.ts";
import { getServiceRequestWorkspace, mayModifyRequest } from "#app/modules/service/service-workspace.server.ts";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice } from "#app/ui/form/index.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { AttachmentList } from "#app/ui/records/attachment-list.tsx";
import { widgetErrors } from "#app/ui/records/widget-errors.ts";
import { RichTextView } from "#app/ui/rich-text-editor.tsx";
import { ServiceThread } from "#app/ui/service-thread.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { CustomerPanel } from "#backoffice/components/service/customer-panel.tsx";
import { PublishCard } from "#backoffice/components/service/publish-card.tsx";
import { ReplyComposer } from "#backoffice/components/service/reply-composer.tsx";
import { RequestControls, RequestFacts } from "#backoffice/components/service/request-controls.tsx";
import { RequestHeader } from "#backoffice/components/service/request-header.tsx";
import { RequestHistory } from "#backoffice/components/service/request-history.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One service request for staff: status actions, assignment, priority, the conversation with public
// replies and internal notes (visibly different), publishing with a solution, attachments, and the
// customer's 360° panel (company, contact, assets, contracts, earlier requests).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const workspace = await loadRecordPage(
    request,
    { module: "service", action: "browse" },
    params.requestId,
    getServiceRequestWorkspace,
  );
  return { ...workspace, accept: ATTACHMENT_ACCEPT, now: new Date().toISOString() };
}

export const meta = ({ matches, data: d }: MetaArgs) => {
  const item = (d as { item?: { number: string; subject: string } } | undefined)?.item;
  return item ? [{ title: `${item.number} ${item.subject}` }] : pageTitle(matches, "service.desk.title");
};

type Staff = { id: number; name: string };
type Context = { staff: Staff; id: number; form: FormData; intent: string };
const field = (form: FormData, name: string) => String(form.get(name) ?? "");
const isStatus = (v: string): v is ServiceRequestStatus => (SERVICE_STATUSES as readonly string[]).includes(v);

async function reply({ staff, id, form, intent }: Context) {
  const files = await storeFormFiles(form);
  if (!files.ok) return data({ uploadErrors: files.errors, intent }, { status: 400 });
  const then = field(form, "thenStatus");
  const internal = intent === "note";
  const outcome = await addStaffReply(
    db,
    staff,
    id,
    { body: form.get("body"), internal, thenStatus: isStatus(then) ? then : null },
    files.stored,
  );
  return answer(asResult(outcome, intent), id, internal ? "flash.service.noted" : "flash.service.replied");
}

async function moveStatus({ staff, id, form, intent }: Context) {
  const to = field(form, "status");
  const outcome = isStatus(to)
    ? await changeStatus(db, staff, id, to)
    : { ok: false as const, errors: { status: ["service.error.transition"] } };
  return answer(asResult(outcome, intent), id, "flash.saved");
}

async function assign({ staff, id, form, intent }: Context) {
  const outcome = await assignRequests(db, staff, [id], Number(form.get("assigneeId")));
  return answer(asResult(outcome, intent), id, "flash.saved");
}

async function prioritise({ staff, id, form, intent }: Context) {
  const outcome = await setPriority(db, staff, id, field(form, "priority") as ServicePriority);
  return answer(asResult(outcome, intent), id, "flash.saved");
}

async function publish({ staff, id, form, intent }: Context) {
  const outcome = await publishRequest(db, staff, id, field(form, "solution"));
  return answer(asResult(outcome, intent), id, "flash.service.published");
}

async function unpublish({ staff, id, intent }: Context) {
  return answer(asResult(await unpublishRequest(db, staff, id), intent), id, "flash.service.unpublished");
}

function answer(result: Result<unknown>, id: number, flash: Parameters<typeof respond>[1]["flash"]) {
  return respond(result, { successTo: `/crm/service/${id}`, flash });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "modify" });
  const id = requireIdParam(params.requestId);
  if (!(await mayModifyRequest(db, actor, id))) throw data(null, { status: 404 });
  const form = await readUploadForm(request);
  const intent = formIntent(form);
  const context: Context = { staff: { id: actor.staffId, name: actor.name }, id, form, intent };
  return dispatchIntent(
    intent,
    context,
    { reply, note: reply, status: moveStatus, assign, priority: prioritise, publish, unpublish },
    async () => fail(invalid({}, ["validation.invalid"])),
  );
}

export default function ServiceRequestDetail() {
  const { item, assignees, staffNames, transitions, capabilities, accept, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const failure = result && "status" in result ? result : null;
  const upload = result && "uploadErrors" in result ? result : null;
  const sentIntent = upload?.intent ?? (failure && "values" in failure ? failure.values.intent : undefined);
  const errorsFor = (intent: string) => widgetErrors(failure, intent);
  return (
    <div className="space-y-6">
      <Link to="/crm/service" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft aria-hidden className="size-4" />
        {t("service.staff.back")}
      </Link>
      <FailureNotice result={failure} />
      <RequestHeader item={item} now={now} />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <Card className="p-5">
            <h2 className="mb-3 text-sm font-semibold text-slate-900">{t("service.detail.description")}</h2>
            <RichTextView html={item.descriptionHtml} />
            <AttachmentList items={item.attachments} linkBase="/crm/files" />
          </Card>
          <ServiceThread replies={item.replies} linkBase="/crm/files" audience="staff" empty="—" />
          {capabilities.canModify ? (
            <ReplyComposer
              initialMode={sentIntent === "note" ? "note" : "reply"}
              transitions={transitions}
              accept={accept}
              errors={{ ...errorsFor("reply"), ...errorsFor("note") }}
              uploadErrors={upload?.uploadErrors ?? []}
              resetKey={item.replies.length}
            />
          ) : null}
          {capabilities.canModify && item.zone ? (
            <PublishCard
              requestId={item.id}
              publishedAt={item.publishedAt}
              solutionHtml={item.solutionHtml}
              canKnowledge={capabilities.canKnowledge}
              errors={errorsFor("publish")}
            />
          ) : null}
          <RequestHistory events={item.events} staffNames={staffNames} />
        </div>

        <aside className="space-y-4">
          {capabilities.canModify ? (
            <RequestControls item={item} transitions={transitions} assignees={assignees} errorsFor={errorsFor} />
          ) : null}
          <RequestFacts item={item} />
          <CustomerPanel item={item} />
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/service" backLabel="service.staff.back" texts="zones.bo" />;
}
