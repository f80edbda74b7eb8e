import { XCircle } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { cn } from "../cn.ts";

/** The messages under a field (or above a form), localised; nothing at all when there are none. */
export function ErrorList({
  id,
  errors,
  className,
}: {
  id?: string;
  errors?: readonly MessageKey[] | null;
  className?: string;
}) {
  const { t } = useI18n();
  if (!errors || errors.length === 0) return null;
  return (
    <ul id={id} className={cn("space-y-1 text-sm text-red-700", className)}>
      {errors.map((key) => (
        <li key={key} className="flex items-start gap-1.5">
          <XCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>{t(key)}</span>
        </li>
      ))}
    </ul>
  );
}
