import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "../button.tsx";

// Page navigation under a list. Plain links, so it works without JavaScript; the unavailable
// direction stays visible but inert. `Pager` is for numbered pages (small lists, OFFSET is cheap);
// `KeysetPager` for lists that page by cursor (large tables: no OFFSET, no page count).

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

/** Numbered pager with the kit's own labels; renders nothing for a single page. */
export function PageNumbers({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = useI18n();
  if (pageCount <= 1) return null;
  return (
    <Pager
      label={t("list.pager.label")}
      summary={t("common.pager.summary", { page, pageCount })}
      prevLabel={t("common.pager.prev")}
      nextLabel={t("common.pager.next")}
      prevTo={page > 1 ? hrefFor(page - 1) : null}
      nextTo={page < pageCount ? hrefFor(page + 1) : null}
    />
  );
}

/** Cursor pager: first / previous / next. Renders nothing when there is only one page. */
export function KeysetPager({
  firstTo,
  prevTo,
  nextTo,
  prevLabel,
  nextLabel,
}: {
  /** The first page, shown when the list is not on it. */
  firstTo: string | null;
  prevTo: string | null;
  nextTo: string | null;
  prevLabel?: string;
  nextLabel?: string;
}) {
  const { t } = useI18n();
  if (!prevTo && !nextTo) return null;
  return (
    <nav
      aria-label={t("list.pager.label")}
      className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-5 py-3 text-sm"
    >
      <div className="flex gap-2">
        {firstTo ? (
          <ButtonLink to={firstTo} variant="ghost" size="sm">
            <ChevronsLeft className="size-4" aria-hidden />
            {t("list.pager.first")}
          </ButtonLink>
        ) : null}
      </div>
      <div className="flex gap-2">
        <PagerLink to={prevTo} rel="prev">
          <ChevronLeft className="size-4" aria-hidden />
          {prevLabel ?? t("common.pager.prev")}
        </PagerLink>
        <PagerLink to={nextTo} rel="next">
          {nextLabel ?? t("common.pager.next")}
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
