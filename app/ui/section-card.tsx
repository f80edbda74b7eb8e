import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "./card.tsx";
import { cn } from "./cn.ts";

/**
 * A card holding one section of a record page: a header (icon, title, description, an action on
 * the right) over a padded body. `labelled` names the card by its title, making it a region that
 * screen readers and tests find by name. `flush` leaves the body unpadded (lists and tables run edge
 * to edge). `danger` marks a destructive section (red border and icon).
 */
export function SectionCard({
  id,
  title,
  description,
  icon: Icon,
  action,
  labelled = false,
  danger = false,
  flush = false,
  bodyClassName,
  className,
  children,
}: {
  /** An anchor, e.g. for a "new …" button that links to the form in this card. */
  id?: string;
  title: string;
  description?: ReactNode;
  icon?: LucideIcon;
  action?: ReactNode;
  labelled?: boolean;
  danger?: boolean;
  flush?: boolean;
  bodyClassName?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card id={id} aria-label={labelled ? title : undefined} className={cn(danger && "border-red-200", className)}>
      <CardHeader
        title={title}
        description={description}
        icon={Icon ? <Icon className={cn("size-4", danger && "text-red-600")} aria-hidden /> : undefined}
        action={action}
      />
      {flush ? children : <CardBody className={bodyClassName}>{children}</CardBody>}
    </Card>
  );
}
