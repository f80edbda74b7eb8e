import { Inbox, SearchX } from "lucide-react";
import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "../button.tsx";
import { EmptyState } from "../empty-state.tsx";

// The two empty states of a list, which must not be confused: nothing exists yet (say what will
// appear and offer to create it) versus nothing matches these filters (offer to clear them).

export function ListEmpty({
  filtered,
  clearHref,
  icon,
  title,
  description,
  action,
  filteredTitle,
  filteredDescription,
}: {
  /** True when search text or filters are set: shows "no results" with a clear-filters link. */
  filtered: boolean;
  clearHref: string;
  /** The "nothing yet" state; defaults to a generic text. */
  icon?: ReactNode;
  title?: string;
  description?: string;
  /** E.g. a "new …" button for the "nothing yet" state. */
  action?: ReactNode;
  /** The "no results" state in the list's own words ("没有符合条件的会员"). */
  filteredTitle?: string;
  filteredDescription?: string;
}) {
  const { t } = useI18n();
  if (filtered) {
    return (
      <EmptyState
        icon={<SearchX className="size-5" aria-hidden />}
        title={filteredTitle ?? t("list.empty.filtered.title")}
        description={filteredDescription ?? t("list.empty.filtered.body")}
      >
        <ButtonLink to={clearHref} variant="secondary">
          {t("list.filter.clear")}
        </ButtonLink>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={icon ?? <Inbox className="size-5" aria-hidden />}
      title={title ?? t("list.empty.none.title")}
      description={description ?? t("list.empty.none.body")}
    >
      {action}
    </EmptyState>
  );
}

/** A keyset page past the end (rows vanished since the link was made): offer the first page. */
export function ListEnd({ firstHref }: { firstHref: string }) {
  const { t } = useI18n();
  return (
    <EmptyState
      icon={<Inbox className="size-5" aria-hidden />}
      title={t("list.empty.end.title")}
      description={t("list.empty.end.body")}
    >
      <ButtonLink to={firstHref} variant="secondary">
        {t("list.pager.first")}
      </ButtonLink>
    </EmptyState>
  );
}
