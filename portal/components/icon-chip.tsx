import type { LucideIcon } from "lucide-react";
import { cn } from "#app/ui/cn.ts";

/**
 * An icon centred on a tinted tile (or disc), leading a card, a section or a list row. `className`
 * sets the tile's size, shape and colours; `iconClassName` the icon's size.
 */
export function IconChip({
  icon: Icon,
  className,
  iconClassName = "size-5",
}: {
  icon: LucideIcon;
  className: string;
  iconClassName?: string;
}) {
  return (
    <span className={cn("flex shrink-0 items-center justify-center", className)}>
      <Icon aria-hidden className={iconClassName} />
    </span>
  );
}
