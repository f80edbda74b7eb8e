import { Send, X } from "lucide-react";
import { Form } from "react-router";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Button } from "#app/ui/button.tsx";
import { SubmitButton, TextField } from "#app/ui/form/index.ts";
import { PostAttachmentsInput } from "#app/ui/forum/post-attachments.tsx";
import { RichTextField } from "#app/ui/rich-text-field.tsx";

/**
 * The answer form under a thread; `quote` is the reply being quoted (chosen with 引用). The editor is
 * uncontrolled, so `resetKey` (the reply count) remounts it empty after a successful post.
 */
export function ReplyForm({
  quote,
  onClearQuote,
  errors,
  fileErrors,
  resetKey,
}: {
  quote: { id: number; name: string } | null;
  onClearQuote: () => void;
  errors?: readonly MessageKey[] | null;
  fileErrors?: readonly MessageKey[] | null;
  resetKey: number;
}) {
  const { t } = useI18n();
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      key={resetKey}
      className="space-y-4"
      id="reply"
      preventScrollReset
    >
      <input type="hidden" name="intent" value="reply" />
      {quote ? (
        <div className="flex items-center justify-between rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">
          <input type="hidden" name="quotePostId" value={quote.id} />
          {t("forum.quoting", { name: quote.name })}
          <Button variant="ghost" size="sm" onClick={onClearQuote} aria-label={t("common.cancel")}>
            <X aria-hidden className="size-4" />
          </Button>
        </div>
      ) : null}
      <RichTextField name="body" label={t("forum.yourReply")} errors={errors} minRows={5} />
      <PostAttachmentsInput id="reply-attachments" errors={fileErrors} />
      <div className="flex justify-end">
        <SubmitButton icon={Send}>{t("forum.postReply")}</SubmitButton>
      </div>
    </Form>
  );
}

/** Editing a post in place (title too for the opening post). */
export function EditPostForm({
  post,
  title,
  cancelTo,
}: {
  post: { id: number; bodyHtml: string };
  title: string | null;
  cancelTo: string;
}) {
  const { t } = useI18n();
  return (
    <Form method="post" className="space-y-4 rounded-xl border border-blue-200 bg-white p-5" action={cancelTo}>
      <input type="hidden" name="intent" value="edit" />
      <input type="hidden" name="postId" value={post.id} />
      {title !== null ? <TextField name="title" label={t("forum.new.titleLabel")} defaultValue={title} /> : null}
      <RichTextField name="body" label={t("forum.edit")} defaultValue={post.bodyHtml} minRows={5} />
      <div className="flex justify-end gap-2">
        <SubmitButton>{t("common.save")}</SubmitButton>
      </div>
    </Form>
  );
}
