import { Send } from "lucide-react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card } from "../card.tsx";
import { fieldErrors } from "../form/action-result.ts";
import { FailureNotice } from "../form/form-notice.tsx";
import { SubmitButton } from "../form/submit-button.tsx";
import { TextareaField } from "../form/textarea-field.tsx";

/**
 * ReplyForm — the reply box under a MessageThread, on both surfaces. Posts `intent=reply` and `body`.
 * A new `resetKey` (the message count) empties it after a successful reply; a refusal keeps the text.
 *
 * Props: `label` (the textarea's label, e.g. "回复 小周同学"), `hint` (under the box), `result` (the
 * page's `useActionData()`: field errors under the box, 409/429 refusals above it), `maxLength`
 * (BODY_MAX of message-input.ts), `rows`.
 */
export function ReplyForm({
  label,
  hint,
  result,
  resetKey,
  maxLength,
  rows = 4,
}: {
  label: string;
  hint?: ReactNode;
  result: unknown;
  resetKey: number;
  maxLength: number;
  rows?: number;
}) {
  const { t } = useI18n();
  const answer = result as { status: string } | null | undefined;
  return (
    <Card className="p-5 sm:p-6">
      <FailureNotice result={answer} refusalsOnly className="mb-3" />
      <Form method="post" className="space-y-3" noValidate key={resetKey}>
        <TextareaField
          name="body"
          id="reply-body"
          label={label}
          rows={rows}
          required
          maxLength={maxLength}
          placeholder={t("messages.reply.placeholder")}
          errors={fieldErrors(answer).body}
        />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          {hint ? <p className="text-xs text-slate-500">{hint}</p> : <span />}
          <SubmitButton intent="reply" className="self-end sm:self-auto" pendingLabel={t("messages.sending")}>
            <Send aria-hidden className="size-4" />
            {t("common.sendReply")}
          </SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
