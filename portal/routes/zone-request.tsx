import {
  data,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, invalid, respond, type ServiceResult as Result } from "#app/lib/service-result.ts";
import { ATTACHMENT_ACCEPT, readUploadForm, storeFormFiles } from "#app/modules/files/attachments.server.ts";
import { getPortalRequest } from "#app/modules/service/service-queries.server.ts";
import { addMemberReply } from "#app/modules/service/service-replies.server.ts";
import { rateRequest, reopenRequest } from "#app/modules/service/service-requests.server.ts";
import { asResult } from "#app/modules/service/service-results.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import type { FlashKey } from "#app/lib/flash.ts";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice } from "#app/ui/form/index.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { AttachmentList } from "#app/ui/records/attachment-list.tsx";
import { widgetErrors } from "#app/ui/records/widget-errors.ts";
import { RichTextView } from "#app/ui/rich-text-editor.tsx";
import { ServiceThread } from "#app/ui/service-thread.tsx";
import {
  MemberReplyForm,
  RatedCard,
  RateForm,
  ReopenForm,
  RequestHeadline,
  SolutionCard,
} from "#portal/components/zone/request-parts.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";

// One service request in the zone: the requester's conversation with customer service (public
// replies only — internal notes are never selected), rating and reopening; colleagues read published
// requests with their solution. Anything else is a 404, the same as a missing id.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireZoneAccess(request);
  const item = await getPortalRequest(db, ctx, requireIdParam(params.requestId));
  if (!item) throw data(null, { status: 404 });
  return { zoneName: ctx.zone.name, item, accept: ATTACHMENT_ACCEPT };
}

export const meta = ({ matches, data: d }: MetaArgs) => {
  const subject = (d as { item?: { subject?: string } } | undefined)?.item?.subject;
  return subject ? [{ title: subject }] : pageTitle(matches, "service.portal.title");
};

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireZoneAccess(request);
  const id = requireIdParam(params.requestId);
  // Only readable requests accept actions; the services additionally require the requester.
  if (!(await getPortalRequest(db, ctx, id))) throw data(null, { status: 404 });
  const form = await readUploadForm(request);
  const intent = formIntent(form);
  const member = { id: ctx.member.id, nickname: ctx.member.nickname };
  const answer = (result: Result<unknown>, flash: FlashKey) =>
    respond(result, { successTo: `/zone/requests/${id}`, flash });
  switch (intent) {
    case "reply": {
      const files = await storeFormFiles(form);
      if (!files.ok) return data({ uploadErrors: files.errors }, { status: 400 });
      const outcome = await addMemberReply(db, member, id, { body: form.get("body") }, files.stored);
      return answer(asResult(outcome, intent), "flash.service.replied");
    }
    case "rate": {
      const input = { rating: form.get("rating"), comment: form.get("comment") ?? "" };
      return answer(asResult(await rateRequest(db, member, id, input), intent), "flash.service.rated");
    }
    case "reopen": {
      const outcome = await reopenRequest(db, member, id, String(form.get("reason") ?? ""));
      return answer(asResult(outcome, intent), "flash.service.reopened");
    }
    default:
      return fail(invalid({}, ["validation.invalid"]));
  }
}

export default function ZoneRequest() {
  const { zoneName, item, accept } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const failure = result && "status" in result ? result : null;
  const uploadErrors = result && "uploadErrors" in result ? result.uploadErrors : [];
  return (
    <ZoneShell zoneName={zoneName} narrow>
      <BackLink to="/zone/requests">{t("service.detail.back")}</BackLink>
      <FailureNotice result={failure} />
      <RequestHeadline item={item} />
      <Card className="p-5">
        <h2 className="mb-3 text-sm font-semibold text-slate-900">{t("service.detail.description")}</h2>
        <RichTextView html={item.descriptionHtml} />
        <AttachmentList items={item.attachments} linkBase="/zone/files" />
      </Card>
      {item.publishedAt && item.solutionHtml ? <SolutionCard html={item.solutionHtml} /> : null}
      <ServiceThread
        replies={item.replies}
        linkBase="/zone/files"
        audience="member"
        empty={t("service.detail.noReplies")}
      />
      {!item.mine ? (
        <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-600">{t("service.detail.readOnly")}</p>
      ) : null}
      {item.canReply ? (
        // A sent reply redirects back here with one more reply: the new key mounts an empty form (no
        // leftover text or file inviting a duplicate); a failed one keeps the draft for correcting.
        <MemberReplyForm
          key={item.replies.length}
          accept={accept}
          errors={widgetErrors(failure, "reply")}
          uploadErrors={uploadErrors}
        />
      ) : null}
      {item.mine && item.rating !== null ? <RatedCard rating={item.rating} comment={item.ratingComment} /> : null}
      {item.canRate ? <RateForm errors={widgetErrors(failure, "rate")} /> : null}
      {item.canReopen ? <ReopenForm errors={widgetErrors(failure, "reopen")} /> : null}
    </ZoneShell>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
