import type { ReactNode } from "react";
import { cn } from "../cn.ts";

/**
 * A record page's title block (an asset, a service contract): the eyebrow (number, type, company…),
 * the name with its badges, an optional line under it, and actions on the right from `sideBy` up.
 */
export function RecordTitle({
  eyebrow,
  title,
  badges,
  subtitle,
  actions,
  sideBy = "sm",
}: {
  eyebrow: ReactNode;
  title: ReactNode;
  badges?: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  /** From which width the actions stand beside the title rather than under it. */
  sideBy?: "sm" | "lg";
}) {
  return (
    <div
      className={cn(
        "mt-3 flex flex-col gap-3",
        sideBy === "sm" ? "sm:flex-row sm:items-end sm:justify-between" : "lg:flex-row lg:items-end lg:justify-between",
      )}
    >
      <div className="min-w-0">
        <p className="text-sm text-slate-500">{eyebrow}</p>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
          {title}
          {badges}
        </h1>
        {subtitle ? <p className="mt-1 text-sm text-slate-500">{subtitle}</p> : null}
      </div>
      {actions ? (
        <div className={cn("flex flex-wrap gap-2", sideBy === "sm" && "self-start sm:self-auto")}>{actions}</div>
      ) : null}
    </div>
  );
}
