import { Paperclip } from "lucide-react";
import { formatBytes } from "#app/lib/format/numbers.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { POST_FILE_ACCEPT, postFileHref, type PostAttachmentView } from "#app/modules/forum/forum-attachments.ts";

// A forum post's files (decision 043): raster images inline under the body, other files as a list.

export function PostAttachments({ files }: { files: readonly PostAttachmentView[] | undefined }) {
  const { t } = useI18n();
  if (!files || files.length === 0) return null;
  const images = files.filter((f) => f.image);
  const others = files.filter((f) => !f.image);
  return (
    <div className="mt-3 space-y-3" data-testid="post-attachments">
      {images.length > 0 ? (
        <div className="flex flex-wrap gap-3">
          {images.map((file) => (
            <a key={file.id} href={postFileHref(file.id)} target="_blank" rel="noreferrer">
              <img
                src={postFileHref(file.id)}
                alt={file.fileName}
                loading="lazy"
                className="max-h-72 max-w-full rounded-md border border-slate-200"
              />
            </a>
          ))}
        </div>
      ) : null}
      {others.length > 0 ? (
        <ul aria-label={t("forumSearch.attachments")} className="space-y-1 text-sm">
          {others.map((file) => (
            <li key={file.id} className="flex items-center gap-2">
              <Paperclip aria-hidden className="size-4 text-slate-400" />
              <a href={postFileHref(file.id)} className="text-blue-700 hover:underline" download>
                {file.fileName}
              </a>
              <span className="text-xs text-slate-500">{formatBytes(file.size)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The file picker of the question and reply forms (their `<Form>` must be multipart). */
export function PostAttachmentsInput({ id, errors }: { id: string; errors?: readonly MessageKey[] | null }) {
  const { t } = useI18n();
  const invalid = !!errors && errors.length > 0;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {t("forumSearch.attachments")}
      </label>
      <input
        id={id}
        name="attachments"
        type="file"
        multiple
        accept={POST_FILE_ACCEPT}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        className="mt-1.5 block w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-200"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {t("forumSearch.attachmentsHint")}
      </p>
      {invalid ? (
        <ul className="mt-1 space-y-0.5 text-xs text-red-600">
          {errors.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
