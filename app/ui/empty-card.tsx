import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Card } from "./card.tsx";
import { EmptyState } from "./empty-state.tsx";

/**
 * A card that stands in for content that is not there (no polls yet, nothing searched yet, a page
 * that is gone): an EmptyState on a card, for pages whose other content sits on cards too.
 */
export function EmptyCard({
  icon: Icon,
  title,
  description,
  titleAs,
  className,
  children,
}: {
  icon: LucideIcon;
  title: ReactNode;
  description?: ReactNode;
  titleAs?: "h1" | "h2" | "h3";
  /** Extra room, e.g. `py-14` when the card is the whole page. */
  className?: string;
  /** Actions (links, buttons) under the text. */
  children?: ReactNode;
}) {
  return (
    <Card>
      <EmptyState
        icon={<Icon aria-hidden className="size-5" />}
        title={title}
        description={description}
        titleAs={titleAs}
        className={className}
      >
        {children}
      </EmptyState>
    </Card>
  );
}
