import { useI18n } from "#app/lib/i18n/i18n-context.tsx";

/**
 * AttachmentInput — a multiple file input with the limits spelled out and upload errors under it.
 * Props: `id`, `accept` (ATTACHMENT_ACCEPT from attachments.server.ts, passed by the loader), `name`
 * (default "attachments", what `storeFormFiles` reads), `errors` (`UploadErrorView[]` from the action).
 */

export type UploadErrorView =
  | { code: "too-large"; name: string }
  | { code: "bad-type"; name: string }
  | { code: "empty"; name: string }
  | { code: "too-many" };

/** The limits attachments.server.ts enforces (ATTACHMENT_MAX_FILES / _BYTES), for the hint. */
export const ATTACHMENT_LIMITS = { count: 5, sizeMb: 10 };

export function AttachmentInput({
  name = "attachments",
  id,
  accept,
  errors = [],
}: {
  name?: string;
  id: string;
  accept: string;
  errors?: readonly UploadErrorView[];
}) {
  const { t } = useI18n();
  const messages = errors.map((e) =>
    e.code === "too-many"
      ? t("service.attachments.tooMany", { count: ATTACHMENT_LIMITS.count })
      : e.code === "too-large"
        ? t("service.attachments.tooLarge", { name: e.name, size: ATTACHMENT_LIMITS.sizeMb })
        : e.code === "empty"
          ? t("service.attachments.empty", { name: e.name })
          : t("service.attachments.badType", { name: e.name }),
  );
  const invalid = messages.length > 0;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {t("service.attachments.label")}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        multiple
        accept={accept}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
        className="mt-1.5 block w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-200"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {t("service.attachments.hint", { count: ATTACHMENT_LIMITS.count, size: ATTACHMENT_LIMITS.sizeMb })}
      </p>
      {invalid ? (
        <ul id={`${id}-error`} className="mt-1 space-y-0.5 text-xs text-red-600">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
