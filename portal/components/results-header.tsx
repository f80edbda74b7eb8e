import { X } from "lucide-react";
import { Link } from "react-router";

// The header of a portal search's result card (产品目录, 知识库): how many were found (announced to
// screen readers as it changes) and, when filters are on, the link that clears them.

export function ResultsHeader({ heading, clear }: { heading: string; clear: { to: string; label: string } | null }) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-5 py-4">
      <h2 className="text-[15px] font-semibold text-slate-900" role="status">
        {heading}
      </h2>
      {clear ? (
        <Link to={clear.to} className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
          <X aria-hidden className="size-4" />
          {clear.label}
        </Link>
      ) : null}
    </header>
  );
}
