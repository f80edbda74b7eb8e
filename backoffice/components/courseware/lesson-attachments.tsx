import { Paperclip, Trash2, Upload } from "lucide-react";
import { Form } from "react-router";
import { formatBytes } from "#app/lib/format/numbers.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { SubmitButton } from "#app/ui/form/index.ts";
import { IntentButton } from "#app/ui/form/intent-button.tsx";
import { AttachmentInput, type UploadErrorView } from "#app/ui/records/attachment-input.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";

// A lesson's files in the editor: the list (opening each through the portal's range-streaming route,
// which staff may read), remove, and the upload form that also takes video.

export function LessonAttachments({
  files,
  portalBase,
  canEdit,
  accept,
  uploadErrors,
}: {
  files: ReadonlyArray<{ id: number; fileName: string; mimeType: string; size: number }>;
  portalBase: string;
  canEdit: boolean;
  accept: string;
  uploadErrors: readonly UploadErrorView[];
}) {
  const { t } = useI18n();
  return (
    <SectionCard title={t("courseware.admin.attachments")} icon={Paperclip} labelled>
      {files.length === 0 ? <p className="text-sm text-slate-500">{t("courseware.admin.noAttachments")}</p> : null}
      <ul className="divide-y divide-slate-100">
        {files.map((f) => (
          <li key={f.id} className="flex items-center justify-between gap-3 py-2 text-sm">
            <a
              href={`${portalBase}/${f.id}`}
              target="_blank"
              rel="noopener"
              className="min-w-0 truncate text-blue-700 hover:underline"
            >
              {f.fileName}
            </a>
            <span className="flex shrink-0 items-center gap-2 text-xs text-slate-500">
              {f.mimeType} · {formatBytes(f.size)}
              {canEdit ? (
                <IntentButton
                  intent="removeAttachment"
                  field={{ name: "attachmentId", value: f.id }}
                  variant="ghost"
                  aria-label={t("courseware.admin.removeAttachment", { name: f.fileName })}
                >
                  <Trash2 aria-hidden className="size-4" />
                </IntentButton>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {canEdit ? (
        <Form method="post" encType="multipart/form-data" className="mt-4 space-y-3 border-t border-slate-100 pt-4">
          <AttachmentInput id="lesson-files" accept={accept} errors={uploadErrors} />
          <p className="text-xs text-slate-500">{t("courseware.admin.uploadHint")}</p>
          <SubmitButton intent="upload" variant="secondary" icon={Upload}>
            {t("courseware.admin.upload")}
          </SubmitButton>
        </Form>
      ) : null}
    </SectionCard>
  );
}
