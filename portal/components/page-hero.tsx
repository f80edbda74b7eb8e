import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "#app/ui/cn.ts";
import { IconChip } from "#portal/components/icon-chip.tsx";
import { Glow } from "./glow.tsx";

// The white band at the top of a portal area page (知识库, the intake forms, areas still to come):
// icon and eyebrow, the page title, a lead paragraph, and room for a search box or badge.

/** The soft glow and faint grid behind a hero; the home page uses its own stronger variant. */
export function HeroBackdrop({ glow, grid }: { glow: string; grid: string }) {
  return (
    <>
      <Glow className={cn("inset-0", glow)} />
      <Glow className={cn("inset-0", grid)} />
    </>
  );
}

export function PageHero({
  icon: Icon,
  eyebrow,
  badge,
  title,
  lead,
  width = "max-w-6xl",
  children,
}: {
  icon: LucideIcon;
  eyebrow: string;
  /** Beside the eyebrow, e.g. "即将上线". */
  badge?: ReactNode;
  title: string;
  lead: string;
  width?: "max-w-5xl" | "max-w-6xl";
  /** Under the lead, e.g. a search form. */
  children?: ReactNode;
}) {
  return (
    <section className="relative overflow-hidden border-b border-slate-200/70 bg-white">
      <HeroBackdrop
        glow="bg-[radial-gradient(60rem_20rem_at_100%_0%,rgb(219_234_254/0.7),transparent_70%)]"
        grid="bg-[linear-gradient(to_right,rgb(148_163_184/0.12)_1px,transparent_1px),linear-gradient(to_bottom,rgb(148_163_184/0.12)_1px,transparent_1px)] [mask-image:linear-gradient(to_bottom,black,transparent)] bg-[size:32px_32px]"
      />
      <div className={cn("relative mx-auto px-4 py-10 sm:px-6 sm:py-14 lg:px-8", width)}>
        <div className="flex items-center gap-3">
          <IconChip
            icon={Icon}
            className="size-11 rounded-xl bg-gradient-to-br from-blue-500 to-blue-700 text-white shadow-lg shadow-blue-600/25"
          />
          <span className="text-sm font-medium text-blue-700">{eyebrow}</span>
          {badge}
        </div>
        <h1 className="mt-5 text-3xl font-semibold tracking-tight text-slate-900 sm:text-4xl">{title}</h1>
        <p className="mt-4 max-w-3xl text-base leading-7 text-slate-600 sm:text-lg sm:leading-8">{lead}</p>
        {children}
      </div>
    </section>
  );
}
