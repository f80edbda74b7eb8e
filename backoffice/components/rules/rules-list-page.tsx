import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FilterOption } from "#app/ui/list/filter-bar.tsx";
import type { FilterShape } from "#app/ui/list/list-query.ts";
import { QueryListPage, type QueryListPageProps } from "#app/ui/list/query-list-page.tsx";
import { RulesTabs } from "../rules-ui.tsx";

// The 营销规则 record lists (登记分类, 网站线索持有人): the rules eyebrow and tabs under the header, and
// texts under `rules.<texts>.*` with one key layout.

/** The options of a yes/no filter (a `listFilters.yesNo()` field). */
export function yesNoOptions(yes: string, no: string): FilterOption[] {
  return [
    { value: "yes", label: yes },
    { value: "no", label: no },
  ];
}

export function RulesListPage<F extends FilterShape, S extends string, Row, Id extends string | number>({
  texts,
  icon,
  newButton,
  ...list
}: Omit<QueryListPageProps<F, S, Row, Id>, "heading" | "belowHeading" | "search" | "empty"> & {
  texts: "categories" | "groups";
  icon: LucideIcon;
  /** In the header and in the "nothing yet" state. */
  newButton?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <QueryListPage
      {...list}
      heading={{
        eyebrow: t("rules.eyebrow"),
        title: t(`rules.${texts}.title`),
        description: t(`rules.${texts}.description`),
        icon,
        actions: newButton,
      }}
      belowHeading={<RulesTabs />}
      search={{ placeholder: t(`rules.${texts}.search`) }}
      empty={{ title: t(`rules.${texts}.empty.title`), description: t(`rules.${texts}.empty.body`), action: newButton }}
    />
  );
}
