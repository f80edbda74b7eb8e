import { AlertTriangle, CheckCircle2, Info, XCircle, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { isFailure } from "#app/lib/service-result.ts";
import { cn } from "../cn.ts";

export type NoticeTone = "error" | "warning" | "success" | "info";

const TONES: Record<NoticeTone, { box: string; icon: LucideIcon }> = {
  error: { box: "border-red-200 bg-red-50 text-red-900", icon: XCircle },
  warning: { box: "border-amber-200 bg-amber-50 text-amber-900", icon: AlertTriangle },
  success: { box: "border-emerald-200 bg-emerald-50 text-emerald-900", icon: CheckCircle2 },
  info: { box: "border-blue-200 bg-blue-50 text-blue-900", icon: Info },
};

/** A status line above or inside a form. Errors and warnings are alerts (read out at once), the rest status. */
export function FormNotice({
  tone,
  title,
  children,
  className,
  role,
}: {
  tone: NoticeTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  role?: "alert" | "status";
}) {
  const { box, icon: Icon } = TONES[tone];
  return (
    <div
      role={role ?? (tone === "error" || tone === "warning" ? "alert" : "status")}
      className={cn("flex items-start gap-3 rounded-lg border px-4 py-3 text-sm", box, className)}
    >
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1 space-y-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className="leading-6">{children}</div> : null}
      </div>
    </div>
  );
}

/**
 * The notice for a failed action (`useActionData()`): the form's own errors, "please fix the marked
 * fields", or the refusal's message (403/404/409/429). Renders nothing for anything else.
 * `refusalsOnly`: nothing for a refused form either, where the fields show their own errors.
 */
export function FailureNotice({
  result,
  refusalsOnly = false,
  className,
}: {
  result: { status: string } | null | undefined;
  refusalsOnly?: boolean;
  className?: string;
}) {
  const { t } = useI18n();
  if (!isFailure(result) || (refusalsOnly && result.status === "invalid")) return null;
  switch (result.status) {
    case "invalid":
      return (
        <FormNotice tone="error" className={className}>
          {result.formErrors.length > 0
            ? result.formErrors.map((key) => <p key={key}>{t(key)}</p>)
            : t("form.fixErrors")}
        </FormNotice>
      );
    case "rate-limited":
      return (
        <FormNotice tone="warning" className={className}>
          {t(result.message, { minutes: result.minutes })}
        </FormNotice>
      );
    default:
      return (
        <FormNotice tone="error" className={className}>
          {t(result.message, result.status === "conflict" ? result.details : undefined)}
        </FormNotice>
      );
  }
}
