import { Lightbulb, RotateCcw, Send, Star } from "lucide-react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { formatMoment } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { Card } from "#app/ui/card.tsx";
import { ChoiceCards } from "#app/ui/form/choice-cards.tsx";
import { ErrorList, SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";
import { AttachmentInput, type UploadErrorView } from "#app/ui/records/attachment-input.tsx";
import { RichTextView } from "#app/ui/rich-text-editor.tsx";
import { RichTextField } from "#app/ui/rich-text-field.tsx";
import { RequestTitle, type RequestTitleItem } from "#app/ui/service/request-title.tsx";
import { IconHeading } from "#portal/components/icon-heading.tsx";

// The parts of a service request in the customer zone: its headline, the published solution, and
// what the requester may do (reply, rate once it is resolved, reopen within the window).

export function RequestHeadline({
  item,
}: {
  item: RequestTitleItem & {
    requesterNickname: string | null;
    createdAt: Date | string;
    dueAt: Date | string | null;
    firstResponseAt: Date | string | null;
    asset: { name: string; serialNumber: string | null } | null;
    assigneeName: string | null;
  };
}) {
  const awaitingAnswer =
    item.dueAt !== null && item.firstResponseAt === null && item.status !== "resolved" && item.status !== "closed";
  const { t, locale } = useI18n();
  return (
    <RequestTitle item={item} className="space-y-3">
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-500">
        <div>
          {t("service.detail.submittedBy", {
            name: item.requesterNickname ?? "—",
            time: formatMoment(item.createdAt, locale),
          })}
        </div>
        {item.asset ? (
          <div>
            <dt className="inline">{t("common.labelled", { label: t("service.detail.asset") })}</dt>
            <dd className="inline text-slate-700">
              {item.asset.name}
              {item.asset.serialNumber ? ` · S/N ${item.asset.serialNumber}` : ""}
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="inline">{t("common.labelled", { label: t("service.detail.handler") })}</dt>
          <dd className="inline text-slate-700">{item.assigneeName ?? t("service.detail.unassigned")}</dd>
        </div>
        {awaitingAnswer && item.dueAt ? (
          <div data-testid="expected-response">
            <dt className="inline">{t("common.labelled", { label: t("service.detail.expectedResponse") })}</dt>
            <dd className="inline font-medium text-slate-900">
              {t("service.detail.expectedResponseBy", { time: formatMoment(item.dueAt, locale) })}
            </dd>
          </div>
        ) : null}
      </dl>
    </RequestTitle>
  );
}

export function SolutionCard({ html }: { html: string }) {
  const { t } = useI18n();
  return (
    <Card className="border-emerald-200 bg-emerald-50/40 p-5">
      <IconHeading icon={Lightbulb} className="mb-3 text-sm text-emerald-900">
        {t("service.detail.solution")}
      </IconHeading>
      <RichTextView html={html} />
    </Card>
  );
}

export function MemberReplyForm({
  accept,
  errors,
  uploadErrors,
}: {
  accept: string;
  errors: FieldErrors;
  uploadErrors: readonly UploadErrorView[];
}) {
  const { t } = useI18n();
  return (
    <Card className="p-5">
      <h2 className="mb-3 text-sm font-semibold text-slate-900">{t("service.detail.replyTitle")}</h2>
      <Form method="post" encType="multipart/form-data" className="space-y-4">
        <RichTextField name="body" label={t("service.detail.replyLabel")} minRows={4} errors={errors.body} />
        <AttachmentInput id="reply-attachments" accept={accept} errors={uploadErrors} />
        <div className="flex justify-end">
          <SubmitButton intent="reply" icon={Send}>
            {t("service.detail.replySend")}
          </SubmitButton>
        </div>
      </Form>
    </Card>
  );
}

export function RatedCard({ rating, comment }: { rating: number; comment: string | null }) {
  const { t } = useI18n();
  return (
    <Card className="p-5">
      <p className="flex items-center gap-2 text-sm text-slate-700">
        <Star aria-hidden className="size-4 fill-amber-400 text-amber-400" />
        {t("service.rate.done", { rating })}
      </p>
      {comment ? <p className="mt-2 text-sm text-slate-600">{comment}</p> : null}
    </Card>
  );
}

function RatingStars({ count }: { count: number }) {
  const { t } = useI18n();
  return (
    <>
      <Star aria-hidden className="size-4 fill-amber-400 text-amber-400" />
      {t("service.rate.stars", { count })}
    </>
  );
}

export function RateForm({ errors }: { errors: FieldErrors }) {
  const { t } = useI18n();
  return (
    <FollowUpCard title={t("service.rate.title")} lead={t("service.rate.lead")}>
      <Form method="post" className="mt-4 space-y-4">
        <ChoiceCards
          name="rating"
          legend={t("service.rate.title")}
          hideLegend
          required
          tone="amber"
          options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: <RatingStars count={n} /> }))}
          errors={errors.rating}
          className="flex flex-wrap gap-2"
        />
        <TextareaField
          name="comment"
          label={t("service.rate.comment")}
          rows={3}
          maxLength={1000}
          errors={errors.comment}
        />
        <div className="flex justify-end">
          <SubmitButton intent="rate">{t("service.rate.submit")}</SubmitButton>
        </div>
      </Form>
    </FollowUpCard>
  );
}

export function ReopenForm({ errors }: { errors: FieldErrors }) {
  const { t } = useI18n();
  return (
    <FollowUpCard title={t("service.reopen.title")} lead={t("service.reopen.lead")}>
      <Form method="post" className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField name="reason" label={t("service.reopen.reason")} maxLength={1000} className="flex-1" />
        <SubmitButton intent="reopen" variant="secondary" icon={RotateCcw}>
          {t("service.reopen.submit")}
        </SubmitButton>
      </Form>
      <ErrorList errors={errors.reopen} className="mt-2" />
    </FollowUpCard>
  );
}

/** A closed request's follow-up (rate it, or reopen it): a titled card with a short explanation. */
function FollowUpCard({ title, lead, children }: { title: string; lead: string; children: ReactNode }) {
  return (
    <Card className="p-5">
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      <p className="mt-1 text-sm text-slate-500">{lead}</p>
      {children}
    </Card>
  );
}
