import type { ComponentProps, ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { cn } from "#app/ui/cn.ts";

// Pieces still shared by the back office's asset and service-contract pages (the zone and list
// pages moved to the form and list kits).

export const inputClass =
  "block h-9 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 placeholder:text-slate-400 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none aria-invalid:border-red-400";

export function Field({
  label,
  error,
  className,
  children,
}: {
  label: string;
  error?: string | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <label className={cn("block text-sm", className)}>
      <span className="mb-1 block text-xs font-medium text-slate-600">{label}</span>
      {children}
      {error ? <span className="mt-1 block text-xs text-red-600">{error}</span> : null}
    </label>
  );
}

export function TextInput(props: ComponentProps<"input">) {
  return <input {...props} className={cn(inputClass, props.className)} />;
}

export function Select(props: ComponentProps<"select">) {
  return <select {...props} className={cn(inputClass, "pr-8", props.className)} />;
}

export function Flash({ result }: { result: { ok: boolean; message: MessageKey } | undefined | null }) {
  const { t } = useI18n();
  if (!result) return null;
  return (
    <p
      role={result.ok ? "status" : "alert"}
      className={cn(
        "rounded-lg px-3 py-2 text-sm",
        result.ok
          ? "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-600/15"
          : "bg-red-50 text-red-700 ring-1 ring-red-600/15",
      )}
    >
      {t(result.message)}
    </p>
  );
}

/** zod issues → the first message key per field. */
export function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[] }>): Record<string, MessageKey> {
  const out: Record<string, MessageKey> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= "zones.bo.error.field";
  }
  return out;
}
