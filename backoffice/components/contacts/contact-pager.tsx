import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react";
import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";

// The contact list's keyset pager: first / previous / next / last. "Last" reads the list backwards
// from its end, so it costs what the first page does (no OFFSET over a million rows).

export function ContactPager({
  firstTo,
  prevTo,
  nextTo,
  lastTo,
}: {
  firstTo: string | null;
  prevTo: string | null;
  nextTo: string | null;
  lastTo: string | null;
}) {
  const { t } = useI18n();
  if (!prevTo && !nextTo) return null;
  return (
    <nav
      aria-label={t("list.pager.label")}
      className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-5 py-3 text-sm"
    >
      <PagerLink to={firstTo} icon={<ChevronsLeft className="size-4" aria-hidden />}>
        {t("list.pager.first")}
      </PagerLink>
      <div className="flex gap-2">
        <PagerLink to={prevTo} rel="prev" icon={<ChevronLeft className="size-4" aria-hidden />}>
          {t("common.pager.prev")}
        </PagerLink>
        <PagerLink to={nextTo} rel="next" after={<ChevronRight className="size-4" aria-hidden />}>
          {t("common.pager.next")}
        </PagerLink>
        <PagerLink to={lastTo} after={<ChevronsRight className="size-4" aria-hidden />}>
          {t("contacts.list.last")}
        </PagerLink>
      </div>
    </nav>
  );
}

function PagerLink({
  to,
  rel,
  icon,
  after,
  children,
}: {
  to: string | null;
  rel?: string;
  icon?: ReactNode;
  after?: ReactNode;
  children: ReactNode;
}) {
  if (!to) {
    return (
      <span aria-disabled className="inline-flex h-8 items-center gap-1 rounded-md px-3 text-slate-300">
        {icon}
        {children}
        {after}
      </span>
    );
  }
  return (
    <ButtonLink to={to} rel={rel} variant="secondary" size="sm">
      {icon}
      {children}
      {after}
    </ButtonLink>
  );
}
