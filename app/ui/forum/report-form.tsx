import { Flag } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { REPORT_REASONS } from "#app/modules/forum/forum-review.ts";
import { Button } from "../button.tsx";
import { cn } from "../cn.ts";
import { inputClass, singleLineClass } from "../form/input-styles.ts";

/** 举报: a small pop-over form under a post (reason + optional note), posted as intent "report". */
export function ReportForm({ postId }: { postId: number }) {
  const { t } = useI18n();
  return (
    <details className="relative">
      <summary className="inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100">
        <Flag aria-hidden className="size-4" />
        {t("forumMod.report")}
      </summary>
      <Form
        method="post"
        preventScrollReset
        className="absolute z-10 mt-1 w-72 space-y-2 rounded-lg border border-slate-200 bg-white p-3 shadow-lg"
      >
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
        <Button type="submit" size="sm" variant="danger">
          {t("forumMod.report.submit")}
        </Button>
      </Form>
    </details>
  );
}
