import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn.ts";

// The line of short facts under a record page's title (status badge, owner, dates, who holds it):
// `<RecordMeta><StatusBadge…/><MetaItem icon={UserRound}>负责人：王磊</MetaItem>…</RecordMeta>`.

export function RecordMeta({ children }: { children: ReactNode }) {
  return <span className="flex flex-wrap items-center gap-x-3 gap-y-1.5">{children}</span>;
}

/**
 * One fact with its icon; `positive` shows it in green (e.g. "claimed by …"); `compact` is the small
 * form in a list row's line of counts (replies, views, files), its icon in the text's colour.
 */
export function MetaItem({
  icon: Icon,
  positive = false,
  compact = false,
  children,
}: {
  icon: LucideIcon;
  positive?: boolean;
  compact?: boolean;
  children: ReactNode;
}) {
  return (
    <span className={cn("inline-flex items-center gap-1", positive && "text-emerald-700")}>
      <Icon className={cn(compact ? "size-3.5" : "size-4", !positive && !compact && "text-slate-400")} aria-hidden />
      {children}
    </span>
  );
}
