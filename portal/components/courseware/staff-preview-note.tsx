import { Eye } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";

/** Shown to staff previewing the courseware on the portal: they see drafts that members do not. */
export function StaffPreviewNote() {
  const { t } = useI18n();
  return (
    <p className="flex items-center gap-2 rounded-lg border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900">
      <Eye aria-hidden className="size-4 shrink-0" />
      {t("courseware.portal.staffPreview")}
    </p>
  );
}
