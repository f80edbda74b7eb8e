import { Link } from "react-router";
import { cn } from "#app/ui/cn.ts";

// The category column of a portal search page (产品目录, 知识库): "all" first, then each category,
// the current one marked; a row of chips on phones, a column from `lg`. Plain links that keep `q`.

/** A search page's URL: `q`, `category` and `page` (page 1 and empty values left out). */
export function searchHref(
  path: string,
  params: { q?: string; category?: string | number | null; page?: number },
): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.category) search.set("category", String(params.category));
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

export interface CategoryNavLink {
  key: string;
  to: string;
  label: string;
  active: boolean;
  /** How many items the category holds, where known. */
  count?: number;
}

export function CategoryNav({ label, links }: { label: string; links: readonly CategoryNavLink[] }) {
  return (
    <nav aria-label={label}>
      <h2 className="px-2 text-xs font-semibold tracking-wide text-slate-500">{label}</h2>
      <ul className="mt-2 flex gap-1 overflow-x-auto lg:flex-col">
        {links.map((link) => (
          <li key={link.key}>
            <Link
              to={link.to}
              aria-current={link.active ? "page" : undefined}
              className={cn(
                "flex items-center justify-between gap-3 rounded-lg px-3 py-2 text-sm whitespace-nowrap transition-colors",
                link.active
                  ? "bg-blue-50 font-medium text-blue-700"
                  : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              <span className="truncate">{link.label}</span>
              {link.count !== undefined ? (
                <span className="text-xs text-slate-500 tabular-nums">{link.count}</span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
