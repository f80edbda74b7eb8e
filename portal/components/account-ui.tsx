import { AlertTriangle, CheckCircle2, Info } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";
import { cn } from "#app/ui/cn.ts";

// Small building blocks shared by the member account pages (/account/*, /zone): labelled inputs with
// their error line, notices, and the level badge. Plain elements, so every form works without JS.

export const inputClass = cn(
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm",
  "placeholder:text-slate-400 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none",
  "aria-invalid:border-red-400 aria-invalid:focus:ring-red-500/20",
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500",
);

export function TextField({
  name,
  label,
  hint,
  error,
  className,
  id,
  ...input
}: Omit<ComponentProps<"input">, "name"> & { name: string; label: ReactNode; hint?: ReactNode; error?: string }) {
  const fieldId = id ?? `field-${name}`;
  const describedBy = [error ? `${fieldId}-error` : null, hint ? `${fieldId}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={inputClass}
        {...input}
      />
      {error ? (
        <p id={`${fieldId}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-xs leading-5 text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function CheckboxField({
  name,
  label,
  defaultChecked,
}: {
  name: string;
  label: ReactNode;
  defaultChecked?: boolean;
}) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-lg px-1 py-1.5 text-sm text-slate-700">
      <input
        type="checkbox"
        name={name}
        defaultChecked={defaultChecked}
        className="mt-0.5 size-4 shrink-0 rounded border-slate-300 text-blue-600 accent-blue-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
      />
      <span className="leading-5">{label}</span>
    </label>
  );
}

const NOTICE_TONES = {
  success: { box: "border-emerald-200 bg-emerald-50 text-emerald-900", icon: CheckCircle2 },
  error: { box: "border-red-200 bg-red-50 text-red-900", icon: AlertTriangle },
  warning: { box: "border-amber-200 bg-amber-50 text-amber-900", icon: AlertTriangle },
  info: { box: "border-blue-200 bg-blue-50 text-blue-900", icon: Info },
} as const;

/** A status line above or inside a form. Errors are alerts (read out at once), the rest are status. */
export function Notice({
  tone,
  title,
  children,
  className,
}: {
  tone: keyof typeof NOTICE_TONES;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  const { box, icon: Icon } = NOTICE_TONES[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("flex items-start gap-3 rounded-lg border px-4 py-3 text-sm", box, className)}
    >
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 space-y-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className="leading-6">{children}</div> : null}
      </div>
    </div>
  );
}

const LEVEL_TONES: Record<string, BadgeTone> = { prospect: "slate", customer: "green", partner: "violet" };

export function LevelBadge({ level, label, className }: { level: string; label: string; className?: string }) {
  return (
    <Badge tone={LEVEL_TONES[level] ?? "slate"} className={className}>
      {label}
    </Badge>
  );
}

/** The title block of an account page. */
export function AccountPageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1.5 max-w-2xl text-[15px] leading-6 text-slate-500">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </header>
  );
}

/**
 * The goodbye page after deregistration: the member is signed out by then, so the account layout and
 * the deregister page let this one URL through without a session.
 */
export function isGoodbye(url: URL): boolean {
  return url.pathname.replace(/\/$/, "") === "/account/deregister" && url.searchParams.get("done") === "1";
}

// Dates on these pages are shown in China Standard Time, as everywhere else, so the server-rendered
// text and the hydrated text agree.
const TIME_ZONE = "Asia/Shanghai";

export function formatDay(value: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: TIME_ZONE }).format(value);
}

export function formatMoment(value: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: "h23",
    timeZone: TIME_ZONE,
  }).format(value);
}
