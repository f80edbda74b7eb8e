import { NavLink } from "react-router";
import { cn } from "./cn.ts";

// The tabs of a record page split into nested routes (member, campaign …): each tab is a link to its
// child route, so a tab can be bookmarked, works without JavaScript and loads only its own data.

export interface Tab {
  to: string;
  label: string;
  /** A count shown beside the label (e.g. how many expenses). */
  count?: number;
  /** Active only on exactly this URL: the index tab, whose path prefixes the others. */
  end?: boolean;
}

export function TabNav({ label, tabs, className }: { label: string; tabs: readonly Tab[]; className?: string }) {
  return (
    <nav aria-label={label} className={cn("-mx-1 overflow-x-auto border-b border-slate-200", className)}>
      <ul className="flex min-w-max gap-1 px-1">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={tab.to}
              end={tab.end}
              preventScrollReset
              className={({ isActive }) =>
                cn(
                  "-mb-px inline-flex items-center gap-2 border-b-2 px-3 pt-1 pb-3 text-sm font-medium whitespace-nowrap transition-colors",
                  isActive
                    ? "border-blue-600 text-blue-700"
                    : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
                )
              }
            >
              {tab.label}
              {tab.count !== undefined ? (
                <span className="rounded-full bg-slate-100 px-1.5 text-xs text-slate-500 tabular-nums">
                  {tab.count}
                </span>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
