import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "#app/ui/cn.ts";

/** A card's small heading led by an icon; `className` sets its size and colour. */
export function IconHeading({
  icon: Icon,
  className,
  iconClassName,
  children,
}: {
  icon: LucideIcon;
  className: string;
  iconClassName?: string;
  children: ReactNode;
}) {
  return (
    <h2 className={cn("flex items-center gap-2 font-semibold", className)}>
      <Icon aria-hidden className={cn("size-4", iconClassName)} />
      {children}
    </h2>
  );
}
