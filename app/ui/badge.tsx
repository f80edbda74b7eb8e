import type { ComponentProps } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { cn } from "./cn.ts";

export type BadgeTone = "slate" | "blue" | "green" | "amber" | "violet" | "red";

const TONES: Record<BadgeTone, string> = {
  slate: "bg-slate-100 text-slate-700 ring-slate-500/15",
  blue: "bg-blue-50 text-blue-700 ring-blue-600/20",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/25",
  violet: "bg-violet-50 text-violet-700 ring-violet-600/20",
  red: "bg-red-50 text-red-700 ring-red-600/20",
};

/** A small rounded label; `dot` puts a status dot in front (for states such as "active" or "sent"). */
export function Badge({
  tone = "slate",
  dot = false,
  className,
  children,
  ...props
}: ComponentProps<"span"> & { tone?: BadgeTone; dot?: boolean }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONES[tone],
        className,
      )}
      {...props}
    >
      {dot ? <span aria-hidden className="size-1.5 rounded-full bg-current opacity-70" /> : null}
      {children}
    </span>
  );
}

/**
 * A record's state as a badge (an order's status, a contract's, an instalment's): one tone per
 * state and the state's label. Returns the badge component, e.g.
 * `export const OrderStatusBadge = stateBadge<SalesOrderStatus>({ confirmed: "blue", … }, (s) => \`orders.status.${s}\`, { dot: true })`.
 */
export function stateBadge<S extends string>(
  tones: Readonly<Record<S, BadgeTone>>,
  label: (state: S) => MessageKey,
  { dot = false, testId }: { dot?: boolean; testId?: string | ((state: S) => string) } = {},
) {
  return function StateBadge({ status }: { status: S }) {
    const { t } = useI18n();
    return (
      <Badge tone={tones[status]} dot={dot} data-testid={typeof testId === "function" ? testId(status) : testId}>
        {t(label(status))}
      </Badge>
    );
  };
}
