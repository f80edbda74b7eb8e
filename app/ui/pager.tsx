import { ChevronLeft, ChevronRight } from "lucide-react";
import type { ReactNode } from "react";
import { ButtonLink } from "./button.tsx";

// Previous/next navigation under a numbered list. Plain links, so it works without JavaScript;
// the unavailable direction stays visible but inert.

export interface PagerProps {
  /** Accessible name of the navigation landmark, e.g. "分页". */
  label: string;
  /** e.g. "第 2 / 5 页". */
  summary: string;
  prevLabel: string;
  nextLabel: string;
  prevTo: string | null;
  nextTo: string | null;
}

export function Pager({ label, summary, prevLabel, nextLabel, prevTo, nextTo }: PagerProps) {
  return (
    <nav aria-label={label} className="flex items-center justify-between border-t border-slate-100 px-5 py-3 text-sm">
      <p className="text-slate-500">{summary}</p>
      <div className="flex gap-2">
        <PagerLink to={prevTo} rel="prev">
          <ChevronLeft className="size-4" aria-hidden />
          {prevLabel}
        </PagerLink>
        <PagerLink to={nextTo} rel="next">
          {nextLabel}
          <ChevronRight className="size-4" aria-hidden />
        </PagerLink>
      </div>
    </nav>
  );
}

function PagerLink({ to, rel, children }: { to: string | null; rel: string; children: ReactNode }) {
  if (!to) {
    return (
      <span aria-disabled className="inline-flex h-8 items-center gap-1 rounded-md px-3 text-slate-300">
        {children}
      </span>
    );
  }
  return (
    <ButtonLink to={to} rel={rel} variant="secondary" size="sm">
      {children}
    </ButtonLink>
  );
}
