import type { ReactNode } from "react";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";

// Decoration of the portal's friendlier surfaces (heroes, side notes): soft colour behind content.

/** A decorative layer behind a card or band (a blurred disc, a radial glow); `className` places it. */
export function Glow({ className }: { className: string }) {
  return <div aria-hidden className={cn("pointer-events-none absolute", className)} />;
}

/** A card with a blurred disc of colour in a corner (`glow`: its place, size and colour). */
export function GlowCard({ glow, className, children }: { glow: string; className: string; children: ReactNode }) {
  return (
    <Card className={cn("relative overflow-hidden", className)}>
      <Glow className={cn("rounded-full blur-2xl", glow)} />
      <div className="relative">{children}</div>
    </Card>
  );
}
