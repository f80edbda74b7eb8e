import { AlertTriangle, CheckCircle2, Info, XCircle, type LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { useNavigation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";

// The pieces the member sign-in pages share (register, activate, sign in, forgot/reset password):
// a calm page frame, labelled fields with hint and error, notices and a result card. Route modules
// may export only route APIs, so these live here.

export function AuthPage({
  icon: Icon,
  eyebrow,
  title,
  lead,
  children,
  aside,
}: {
  icon: LucideIcon;
  eyebrow: string;
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  /** A side column on wide screens (below the form on small ones). */
  aside?: ReactNode;
}) {
  return (
    <div className="relative overflow-hidden">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-x-0 top-0 h-80 bg-[radial-gradient(50rem_18rem_at_80%_0%,rgb(219_234_254/0.8),transparent_70%)]"
      />
      <div
        className={cn(
          "relative mx-auto px-4 py-10 sm:px-6 sm:py-14",
          aside ? "grid max-w-5xl gap-8 lg:grid-cols-12 lg:gap-10 lg:px-8" : "max-w-lg",
        )}
      >
        <div className={aside ? "lg:col-span-7" : undefined}>
          <div className="flex items-center gap-3">
            <span className="flex size-10 items-center justify-center rounded-xl bg-gradient-to-br from-blue-500 to-blue-700 text-white shadow-md shadow-blue-600/25">
              <Icon aria-hidden className="size-5" />
            </span>
            <span className="text-sm font-medium text-blue-700">{eyebrow}</span>
          </div>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
          {lead ? <p className="mt-2 text-[15px] leading-7 text-slate-600">{lead}</p> : null}
          <div className="mt-6">{children}</div>
        </div>
        {aside ? <aside className="space-y-5 lg:col-span-5 lg:pt-[5.5rem]">{aside}</aside> : null}
      </div>
    </div>
  );
}

export function FormCard({ className, ...props }: ComponentProps<"section">) {
  return <Card className={cn("p-5 sm:p-7", className)} {...props} />;
}

export function inputClass(invalid: boolean): string {
  return cn(
    "block h-11 w-full rounded-lg border bg-white px-3 text-[15px] text-slate-900 shadow-sm outline-none transition-colors",
    "placeholder:text-slate-400 focus:ring-2",
    invalid
      ? "border-red-400 focus:border-red-500 focus:ring-red-500/20"
      : "border-slate-300 focus:border-blue-500 focus:ring-blue-500/20",
  );
}

/** A labelled input with optional hint and error; the error is wired to the input for screen readers. */
export function TextField({
  id,
  label,
  error,
  hint,
  optional = false,
  className,
  ...input
}: Omit<ComponentProps<"input">, "id"> & {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  optional?: boolean;
}) {
  const { t } = useI18n();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="flex items-baseline justify-between gap-2 text-sm font-medium text-slate-700">
        <span>{label}</span>
        {optional ? <span className="text-xs font-normal text-slate-400">{t("members.form.optional")}</span> : null}
      </label>
      <input
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={inputClass(Boolean(error))}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className="flex items-start gap-1.5 text-sm text-red-700">
          <XCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
          {error}
        </p>
      ) : null}
      {hint ? (
        <div id={`${id}-hint`} className="text-[13px] leading-5 text-slate-500">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

type NoticeTone = "error" | "warning" | "success" | "info";

const NOTICE_STYLES: Record<NoticeTone, { box: string; icon: LucideIcon }> = {
  error: { box: "border-red-200 bg-red-50 text-red-800", icon: XCircle },
  warning: { box: "border-amber-200 bg-amber-50 text-amber-900", icon: AlertTriangle },
  success: { box: "border-emerald-200 bg-emerald-50 text-emerald-800", icon: CheckCircle2 },
  info: { box: "border-blue-200 bg-blue-50 text-blue-900", icon: Info },
};

export function Notice({
  tone,
  children,
  className,
  role,
}: {
  tone: NoticeTone;
  children: ReactNode;
  className?: string;
  role?: "alert" | "status";
}) {
  const style = NOTICE_STYLES[tone];
  return (
    <div
      role={role ?? (tone === "error" || tone === "warning" ? "alert" : "status")}
      className={cn("flex gap-2.5 rounded-lg border px-3.5 py-3 text-sm leading-6", style.box, className)}
    >
      <style.icon aria-hidden className="mt-1 size-4 shrink-0" />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}

/** The form's submit button; shows the pending label while this form is being submitted. */
export function SubmitButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  return (
    <Button type="submit" size="lg" className="w-full" disabled={submitting}>
      {submitting ? pendingLabel : label}
    </Button>
  );
}

const RESULT_TONES: Record<"success" | "warning" | "info", string> = {
  success: "bg-emerald-50 text-emerald-600 ring-emerald-100",
  warning: "bg-amber-50 text-amber-600 ring-amber-100",
  info: "bg-blue-50 text-blue-600 ring-blue-100",
};

/** The page a flow ends on: big icon, heading, explanation and the way onwards. */
export function ResultCard({
  icon: Icon,
  tone,
  title,
  children,
  actions,
}: {
  icon: LucideIcon;
  tone: "success" | "warning" | "info";
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-lg px-4 py-12 sm:px-6 sm:py-16">
      <Card className="p-6 text-center sm:p-10">
        <span
          className={cn("mx-auto flex size-14 items-center justify-center rounded-full ring-8", RESULT_TONES[tone])}
        >
          <Icon aria-hidden className="size-7" />
        </span>
        <h1 className="mt-6 text-xl font-semibold text-slate-900 sm:text-2xl">{title}</h1>
        {children ? <div className="mt-3 space-y-3 text-[15px] leading-7 text-slate-600">{children}</div> : null}
        {actions ? <div className="mt-7 flex flex-col justify-center gap-3 sm:flex-row">{actions}</div> : null}
      </Card>
    </div>
  );
}

/** Hidden from people (and from the accessibility tree); form-filling bots fill it. */
export function HoneypotField() {
  const { t } = useI18n();
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
      <label htmlFor="website">{t("members.form.honeypot")}</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
