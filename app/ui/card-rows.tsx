import type { ReactNode } from "react";
import { cn } from "./cn.ts";

/**
 * The rows of a card, divided by hairlines, or one short centred sentence when there are none.
 * `children` renders one item as its `<li>` (with its key), so each card keeps its own row layout.
 */
export function CardRows<T>({
  items,
  empty,
  children,
  className,
}: {
  items: readonly T[];
  empty: ReactNode;
  children: (item: T) => ReactNode;
  className?: string;
}) {
  if (items.length === 0) return <p className="px-5 py-6 text-center text-sm text-slate-500">{empty}</p>;
  return <ul className={cn("divide-y divide-slate-100", className)}>{items.map(children)}</ul>;
}
