import type { ReactNode } from "react";
import { cn } from "./cn.ts";

/** A calm "nothing here yet" block: icon, title, one or two sentences, optional actions. */
export function EmptyState({
  icon,
  eyebrow,
  title,
  description,
  children,
  bordered = false,
  titleAs: Title = "h3",
  className,
}: {
  icon?: ReactNode;
  /** Small text above the title, e.g. an HTTP status. */
  eyebrow?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Dashed outline, for use on a page background rather than inside a card. */
  bordered?: boolean;
  /** Heading level; "h1" when the empty state is the whole page (e.g. an error). */
  titleAs?: "h1" | "h2" | "h3";
  className?: string;
}) {
  return (
    <div
      className={cn(
        "flex flex-col items-center px-6 py-10 text-center",
        bordered && "rounded-xl border border-dashed border-slate-300 bg-white/60",
        className,
      )}
    >
      {icon ? (
        <div className="relative mb-4">
          <div aria-hidden className="absolute inset-0 scale-150 rounded-full bg-blue-100/60 blur-xl" />
          <div className="relative flex size-12 items-center justify-center rounded-full bg-gradient-to-b from-white to-slate-50 text-blue-600 shadow-sm ring-1 ring-slate-200">
            {icon}
          </div>
        </div>
      ) : null}
      {eyebrow ? <p className="mb-1 text-sm font-medium text-slate-400">{eyebrow}</p> : null}
      <Title className={cn("font-semibold text-slate-900", Title === "h1" ? "text-lg" : "text-base")}>{title}</Title>
      {description ? <p className="mt-1.5 max-w-md text-sm leading-6 text-slate-500">{description}</p> : null}
      {children ? <div className="mt-5 flex flex-wrap items-center justify-center gap-3">{children}</div> : null}
    </div>
  );
}
