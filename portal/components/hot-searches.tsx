import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { cn } from "#app/ui/cn.ts";

/**
 * "热门搜索": logged queries that found something for this reader (hotKnowledgeSearches), as ready
 * searches. Nothing at all when there are none — never a chip that leads to an empty page.
 */
export function HotSearches({
  queries,
  className,
  tone = "light",
}: {
  queries: readonly string[];
  className?: string;
  /** "light" on a white or pale hero, "dark" on the home page's blue band. */
  tone?: "light" | "dark";
}) {
  const { t } = useI18n();
  if (queries.length === 0) return null;
  const dark = tone === "dark";
  return (
    <div className={cn("flex flex-wrap items-center justify-center gap-2 text-sm", className)}>
      <span className={dark ? "text-blue-100" : "text-slate-600"}>{t("searchQuality.hot.label")}</span>
      {queries.map((q) => (
        <Link
          key={q}
          to={`/knowledge?q=${encodeURIComponent(q)}`}
          data-testid="hot-search"
          className={cn(
            "rounded-full px-3 py-1 ring-1 transition-colors",
            dark
              ? "bg-white/10 text-white ring-white/20 hover:bg-white/20"
              : "bg-white text-slate-700 ring-slate-200 hover:bg-slate-50 hover:text-slate-900",
          )}
        >
          {q}
        </Link>
      ))}
    </div>
  );
}
