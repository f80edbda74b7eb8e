import { Flag, X } from "lucide-react";
import { useEffect, useRef } from "react";
import { Form, Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { REPORT_REASONS } from "#app/modules/forum/forum-review.ts";
import { Button } from "../button.tsx";
import { cn } from "../cn.ts";
import { inputClass, singleLineClass } from "../form/input-styles.ts";

// 举报 (decision 065): one report form per page, not one per post. Each post carries a link to
// `?report=<postId>`; without JavaScript it loads the page with the form in place under that post,
// with JavaScript it opens the same form in a dialog. Either way the form posts intent "report".

/**
 * The per-post control: a link (`to`: this page with `?report=<postId>`) that works without
 * JavaScript; with it, `onOpen` opens the dialog instead.
 */
export function ReportLink({ postId, to, onOpen }: { postId: number; to: string; onOpen: (postId: number) => void }) {
  const { t } = useI18n();
  return (
    <Link
      to={to}
      preventScrollReset
      rel="nofollow"
      onClick={(event) => {
        event.preventDefault();
        onOpen(postId);
      }}
      className="inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100"
    >
      <Flag aria-hidden className="size-4" />
      {t("forumMod.report")}
    </Link>
  );
}

/** The form itself (reason + optional note); `cancelTo` adds a link back for the in-place form. */
export function ReportForm({
  postId,
  cancelTo,
  onSubmit,
  className,
}: {
  postId: number;
  cancelTo?: string;
  onSubmit?: () => void;
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <Form method="post" preventScrollReset onSubmit={onSubmit} className={cn("space-y-2", className)}>
      <input type="hidden" name="intent" value="report" />
      <input type="hidden" name="postId" value={postId} />
      <label className="block text-xs font-medium text-slate-600">
        {t("forumMod.report.reasonLabel")}
        <select name="reason" required className={cn(inputClass, singleLineClass, "mt-1")}>
          {REPORT_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(`forumMod.report.reason.${reason}`)}
            </option>
          ))}
        </select>
      </label>
      <input
        name="note"
        aria-label={t("forumMod.report.note")}
        placeholder={t("forumMod.report.note")}
        maxLength={500}
        className={cn(inputClass, singleLineClass)}
      />
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" variant="danger">
          {t("forumMod.report.submit")}
        </Button>
        {cancelTo ? (
          <Link to={cancelTo} preventScrollReset className="text-sm text-slate-600 hover:underline">
            {t("common.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/** The page's one report dialog (JavaScript), for the post whose link was clicked. */
export function ReportDialog({ postId, onClose }: { postId: number; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="report-dialog-title"
      className="m-auto w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-4 shadow-lg backdrop:bg-slate-900/30"
    >
      <div className="mb-3 flex items-center justify-between">
        <h2 id="report-dialog-title" className="flex items-center gap-1.5 text-sm font-semibold text-slate-900">
          <Flag aria-hidden className="size-4" />
          {t("forumMod.report")}
        </h2>
        <Button variant="ghost" size="sm" aria-label={t("common.cancel")} onClick={() => ref.current?.close()}>
          <X aria-hidden className="size-4" />
        </Button>
      </div>
      <ReportForm key={postId} postId={postId} onSubmit={onClose} />
    </dialog>
  );
}
