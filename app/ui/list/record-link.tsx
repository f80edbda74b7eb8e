import type { ReactNode } from "react";
import { Link } from "react-router";
import { cn } from "../cn.ts";

/**
 * A list row's link to its record. In the table it underlines on hover; on a phone card
 * (`card`) it stretches over the whole card, so a tap anywhere on the card opens the record.
 */
export function RecordLink({
  to,
  card,
  className,
  children,
}: {
  to: string;
  card: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Link
      to={to}
      className={cn(
        "font-medium text-slate-900",
        card ? "after:absolute after:inset-0" : "group-hover:text-blue-700 hover:underline",
        className,
      )}
    >
      {children}
    </Link>
  );
}
