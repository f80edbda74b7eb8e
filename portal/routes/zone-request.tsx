import { ArrowLeft, CheckCircle2, Headset, Lightbulb, RotateCcw, Send, Star } from "lucide-react";
import {
  data as routeData,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { ATTACHMENT_ACCEPT, readUploadForm, storeFormFiles } from "#app/modules/files/attachments.server.ts";
import { getPortalRequest } from "#app/modules/service/service-queries.server.ts";
import { addMemberReply } from "#app/modules/service/service-replies.server.ts";
import { rateRequest, reopenRequest } from "#app/modules/service/service-requests.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { RichTextEditor, RichTextView } from "#app/ui/rich-text-editor.tsx";
import { AttachmentInput, type UploadErrorView } from "#app/ui/records/attachment-input.tsx";
import { AttachmentList } from "#app/ui/records/attachment-list.tsx";
import { ServiceStatusBadge } from "#app/ui/service/request-badges.tsx";
import { ZoneNav } from "#portal/components/zone-nav.tsx";

// One service request in the zone: the requester's conversation with customer service (public
// replies only — internal notes are never selected), rating and reopening; colleagues read published
// requests with their solution. Anything else is a 404, the same as a missing id.

function requestIdOf(params: Record<string, string | undefined>): number {
  const id = Number(params.requestId);
  return Number.isInteger(id) && id > 0 ? id : 0;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireZoneAccess(request);
  const item = await getPortalRequest(db, ctx, requestIdOf(params));
  if (!item) throw routeData(null, { status: 404 });
  const url = new URL(request.url);
  return {
    zoneName: ctx.zone.name,
    item,
    accept: ATTACHMENT_ACCEPT,
    done: url.searchParams.get("created") ? "created" : url.searchParams.get("done"),
  };
}

export const meta = ({ matches, data }: MetaArgs) => {
  const subject = (data as { item?: { subject?: string } } | undefined)?.item?.subject;
  return subject ? [{ title: subject }] : pageTitle(matches, "service.portal.title");
};

type ActionResult = { intent: string; errors: Record<string, string[]>; uploadErrors: UploadErrorView[] };

export async function action({ request, params }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const ctx = await requireZoneAccess(request);
  const id = requestIdOf(params);
  // Only readable requests accept actions; the services additionally require the requester.
  if (!(await getPortalRequest(db, ctx, id))) throw routeData(null, { status: 404 });
  const form = await readUploadForm(request);
  const intent = String(form.get("intent") ?? "");
  const member = { id: ctx.member.id, nickname: ctx.member.nickname };
  const back = (done: string) => redirect(`/zone/requests/${id}?done=${done}`);
  if (intent === "reply") {
    const files = await storeFormFiles(form);
    if (!files.ok) return { intent, errors: {}, uploadErrors: files.errors };
    const result = await addMemberReply(db, member, id, { body: form.get("body") }, files.stored);
    return result.ok ? back("replied") : { intent, errors: result.errors, uploadErrors: [] };
  }
  if (intent === "rate") {
    const result = await rateRequest(db, member, id, {
      rating: form.get("rating"),
      comment: form.get("comment") ?? "",
    });
    return result.ok ? back("rated") : { intent, errors: result.errors, uploadErrors: [] };
  }
  if (intent === "reopen") {
    const result = await reopenRequest(db, member, id, String(form.get("reason") ?? ""));
    return result.ok ? back("reopened") : { intent, errors: result.errors, uploadErrors: [] };
  }
  throw routeData(null, { status: 400 });
}

const FLASH: Record<string, MessageKey> = {
  replied: "service.flash.replied",
  rated: "service.flash.rated",
  reopened: "service.flash.reopened",
};

export default function ZoneRequest() {
  const { zoneName, item, accept, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useI18n();
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  const errorOf = (field: string) => result?.errors[field]?.[0];
  const busy = navigation.state === "submitting";
  const flash =
    done === "created"
      ? t("service.new.created", { number: item.number })
      : done && FLASH[done]
        ? t(FLASH[done])
        : null;

  return (
    <>
      <ZoneNav zoneName={zoneName} />
      <div className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
        <Link
          to="/zone/requests"
          className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900"
        >
          <ArrowLeft aria-hidden className="size-4" />
          {t("service.detail.back")}
        </Link>

        {flash ? (
          <p
            role="status"
            className="flex items-center gap-2 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-emerald-600/20"
          >
            <CheckCircle2 aria-hidden className="size-4" />
            {flash}
          </p>
        ) : null}

        <header className="space-y-3">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs text-slate-500">{item.number}</span>
            <Badge tone="slate">{t(`service.kind.${item.kind}` as MessageKey)}</Badge>
            <ServiceStatusBadge status={item.status} />
            {item.publishedAt ? <Badge tone="green">{t("service.portal.published")}</Badge> : null}
          </div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{item.subject}</h1>
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-500">
            <div>
              {t("service.detail.submittedBy", {
                name: item.requesterNickname ?? "—",
                time: fmt.format(new Date(item.createdAt)),
              })}
            </div>
            {item.asset ? (
              <div>
                <dt className="inline">{t("service.detail.asset")}：</dt>
                <dd className="inline text-slate-700">
                  {item.asset.name}
                  {item.asset.serialNumber ? ` · S/N ${item.asset.serialNumber}` : ""}
                </dd>
              </div>
            ) : null}
            <div>
              <dt className="inline">{t("service.detail.handler")}：</dt>
              <dd className="inline text-slate-700">{item.assigneeName ?? t("service.detail.unassigned")}</dd>
            </div>
          </dl>
        </header>

        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">{t("service.detail.description")}</h2>
          <RichTextView html={item.descriptionHtml} />
          <AttachmentList items={item.attachments} linkBase="/zone/files" />
        </Card>

        {item.publishedAt && item.solutionHtml ? (
          <Card className="border-emerald-200 bg-emerald-50/40 p-5">
            <h2 className="mb-3 flex items-center gap-2 text-sm font-semibold text-emerald-900">
              <Lightbulb aria-hidden className="size-4" />
              {t("service.detail.solution")}
            </h2>
            <RichTextView html={item.solutionHtml} />
          </Card>
        ) : null}

        <section aria-labelledby="thread-title" className="space-y-3">
          <h2 id="thread-title" className="text-base font-semibold text-slate-900">
            {t("service.detail.thread")}
          </h2>
          {item.replies.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-200 px-4 py-6 text-center text-sm text-slate-500">
              {t("service.detail.noReplies")}
            </p>
          ) : (
            <ol className="space-y-3">
              {item.replies.map((r) => (
                <li
                  key={r.id}
                  className={cn(
                    "rounded-xl border p-4",
                    r.authorType === "staff" ? "border-blue-100 bg-blue-50/40" : "border-slate-200 bg-white",
                  )}
                >
                  <div className="mb-2 flex items-center gap-2 text-sm">
                    {r.authorType === "staff" ? <Headset aria-hidden className="size-4 text-blue-600" /> : null}
                    <span className="font-medium text-slate-900">{r.authorName}</span>
                    {r.authorType === "staff" ? <Badge tone="blue">{t("service.detail.staffBadge")}</Badge> : null}
                    <span className="ml-auto text-xs text-slate-400">{fmt.format(new Date(r.createdAt))}</span>
                  </div>
                  <RichTextView html={r.bodyHtml} />
                  <AttachmentList items={r.attachments} linkBase="/zone/files" />
                </li>
              ))}
            </ol>
          )}
        </section>

        {!item.mine ? (
          <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-600">{t("service.detail.readOnly")}</p>
        ) : null}

        {item.canReply ? (
          <Card className="p-5">
            <h2 className="mb-3 text-sm font-semibold text-slate-900">{t("service.detail.replyTitle")}</h2>
            <Form method="post" encType="multipart/form-data" className="space-y-4">
              <input type="hidden" name="intent" value="reply" />
              <RichTextEditor
                name="body"
                label={t("service.detail.replyLabel")}
                invalid={result?.intent === "reply" && Boolean(errorOf("body"))}
                minRows={4}
              />
              {result?.intent === "reply" && errorOf("body") ? (
                <p className="text-xs text-red-600">{t(errorOf("body") as MessageKey)}</p>
              ) : null}
              <AttachmentInput
                id="reply-attachments"
                accept={accept}
                errors={result?.intent === "reply" ? result.uploadErrors : []}
              />
              <div className="flex justify-end">
                <Button type="submit" disabled={busy}>
                  <Send aria-hidden className="size-4" />
                  {t("service.detail.replySend")}
                </Button>
              </div>
            </Form>
          </Card>
        ) : null}

        {item.mine && item.rating !== null ? (
          <Card className="p-5">
            <p className="flex items-center gap-2 text-sm text-slate-700">
              <Star aria-hidden className="size-4 fill-amber-400 text-amber-400" />
              {t("service.rate.done", { rating: item.rating })}
            </p>
            {item.ratingComment ? <p className="mt-2 text-sm text-slate-600">{item.ratingComment}</p> : null}
          </Card>
        ) : null}

        {item.canRate ? (
          <Card className="p-5">
            <h2 className="text-sm font-semibold text-slate-900">{t("service.rate.title")}</h2>
            <p className="mt-1 text-sm text-slate-500">{t("service.rate.lead")}</p>
            <Form method="post" className="mt-4 space-y-4">
              <input type="hidden" name="intent" value="rate" />
              <fieldset>
                <legend className="sr-only">{t("service.rate.title")}</legend>
                <div className="flex flex-wrap gap-2">
                  {[1, 2, 3, 4, 5].map((n) => (
                    <label
                      key={n}
                      className="flex cursor-pointer items-center gap-1.5 rounded-lg border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-amber-400 has-[:checked]:bg-amber-50"
                    >
                      <input type="radio" name="rating" value={n} required className="accent-amber-500" />
                      <Star aria-hidden className="size-4 fill-amber-400 text-amber-400" />
                      {t("service.rate.stars", { count: n })}
                    </label>
                  ))}
                </div>
              </fieldset>
              {result?.intent === "rate" && errorOf("rating") ? (
                <p className="text-xs text-red-600">{t(errorOf("rating") as MessageKey)}</p>
              ) : null}
              <div>
                <label htmlFor="comment" className="block text-sm font-medium text-slate-700">
                  {t("service.rate.comment")}
                </label>
                <textarea
                  id="comment"
                  name="comment"
                  rows={3}
                  maxLength={1000}
                  className="mt-1.5 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-blue-500 focus:outline-none"
                />
              </div>
              <div className="flex justify-end">
                <Button type="submit" disabled={busy}>
                  {t("service.rate.submit")}
                </Button>
              </div>
            </Form>
          </Card>
        ) : null}

        {item.canReopen ? (
          <Card className="p-5">
            <h2 className="text-sm font-semibold text-slate-900">{t("service.reopen.title")}</h2>
            <p className="mt-1 text-sm text-slate-500">{t("service.reopen.lead")}</p>
            <Form method="post" className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
              <input type="hidden" name="intent" value="reopen" />
              <div className="flex-1">
                <label htmlFor="reason" className="block text-sm font-medium text-slate-700">
                  {t("service.reopen.reason")}
                </label>
                <input
                  id="reason"
                  name="reason"
                  maxLength={1000}
                  className="mt-1.5 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-blue-500 focus:outline-none"
                />
              </div>
              <Button type="submit" variant="secondary" disabled={busy}>
                <RotateCcw aria-hidden className="size-4" />
                {t("service.reopen.submit")}
              </Button>
            </Form>
            {result?.intent === "reopen" && errorOf("reopen") ? (
              <p className="mt-2 text-xs text-red-600">{t(errorOf("reopen") as MessageKey)}</p>
            ) : null}
          </Card>
        ) : null}
      </div>
    </>
  );
}
