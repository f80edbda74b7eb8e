import { Lock, MessageSquare, Send } from "lucide-react";
import { useState } from "react";
import { Form } from "react-router";
import type { ServiceRequestStatus } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { ErrorList, SubmitButton } from "#app/ui/form/index.ts";
import { AttachmentInput, type UploadErrorView } from "#app/ui/records/attachment-input.tsx";
import { RichTextField } from "#app/ui/rich-text-field.tsx";

// The staff side of the conversation: a public reply (to the customer) or an internal note (staff
// only), visibly different, with attachments and an optional status to move to in the same step.

export type ReplyMode = "reply" | "note";

export function ReplyComposer({
  initialMode,
  transitions,
  accept,
  errors,
  uploadErrors,
  resetKey,
}: {
  initialMode: ReplyMode;
  transitions: readonly ServiceRequestStatus[];
  accept: string;
  errors: FieldErrors;
  uploadErrors: readonly UploadErrorView[];
  /** Changes after a reply was added, so the editor starts empty again. */
  resetKey: number;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<ReplyMode>(initialMode);
  const note = mode === "note";
  const label = t(note ? "service.staff.internalNote" : "service.staff.publicReply");
  return (
    <Card className={cn("p-5", note && "border-amber-300 bg-amber-50/40")}>
      <div
        role="tablist"
        aria-label={t("service.detail.replyTitle")}
        className="mb-4 inline-flex rounded-lg bg-slate-100 p-1 text-sm"
      >
        {(["reply", "note"] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            onClick={() => setMode(m)}
            className={cn(
              "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 font-medium",
              mode === m
                ? m === "note"
                  ? "bg-amber-100 text-amber-900 shadow-sm"
                  : "bg-white text-slate-900 shadow-sm"
                : "text-slate-500",
            )}
          >
            {m === "note" ? <Lock aria-hidden className="size-4" /> : <MessageSquare aria-hidden className="size-4" />}
            {t(m === "note" ? "service.staff.internalNote" : "service.staff.publicReply")}
          </button>
        ))}
      </div>
      <p className={cn("mb-3 text-xs", note ? "text-amber-800" : "text-slate-500")}>
        {t(note ? "service.staff.internalHint" : "service.staff.publicHint")}
      </p>
      <Form method="post" encType="multipart/form-data" className="space-y-4" key={`${mode}-${resetKey}`}>
        <RichTextField name="body" id={`${mode}-body`} label={label} minRows={5} errors={errors.body} />
        <AttachmentInput id="staff-attachments" accept={accept} errors={uploadErrors} />
        <div className="flex flex-wrap items-center justify-end gap-3">
          {transitions.length > 0 ? (
            <label className="flex items-center gap-2 text-sm text-slate-600">
              {t("service.staff.thenStatus")}
              <select
                name="thenStatus"
                defaultValue=""
                className="h-9 rounded-lg border border-slate-300 bg-white px-2 text-sm focus:border-blue-500 focus:outline-none"
              >
                <option value="">{t("service.staff.keepStatus")}</option>
                {transitions.map((s) => (
                  <option key={s} value={s}>
                    {t(`service.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <ErrorList errors={errors.thenStatus} />
          <SubmitButton intent={mode} className={note ? "bg-amber-600 hover:bg-amber-700" : undefined}>
            {note ? <Lock aria-hidden className="size-4" /> : <Send aria-hidden className="size-4" />}
            {t(note ? "service.staff.addNote" : "service.staff.send")}
          </SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
