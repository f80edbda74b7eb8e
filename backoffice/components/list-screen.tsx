import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { Module } from "#app/modules/auth/permissions.ts";
import type { Column } from "#app/ui/list/data-table.tsx";
import type { FilterShape, ListQueryKit } from "#app/ui/list/list-query.ts";
import { QueryListPage, type QueryListPageProps } from "#app/ui/list/query-list-page.tsx";
import { MODULE_ICONS, moduleGroupLabel } from "./nav.ts";

/*
 * A back-office numbered list as one named config (`assetsScreen`, `campaignsScreen`…) kept beside
 * its columns: what never changes between requests (kit, texts, icon, filters, columns). The route
 * renders `<ScreenListPage screen={…} list={loaderData}>` and adds only what its loader or action
 * brings (a failure notice, a "new …" form, options loaded from the database).
 */

/** A filter select whose options are a fixed set of values, "any" first. */
export interface ScreenSelect {
  /** The query field it filters on (its current value is read from the parsed query). */
  name: string;
  label: MessageKey;
  anyLabel?: MessageKey;
  values: readonly string[];
  /** Method syntax, so a label function of a narrower value type (e.g. `assetStatusKey`) fits. */
  optionLabel(value: string): MessageKey;
}

export interface ListScreen<F extends FilterShape, S extends string, Row, Id extends string | number> {
  path: string;
  kit: ListQueryKit<F, S>;
  /** The header's eyebrow and icon: a module's sidebar group and icon, or given outright. */
  heading: { module: Module } | { eyebrow: MessageKey; icon: LucideIcon };
  title: MessageKey;
  description: MessageKey;
  search: { id?: string; label?: MessageKey; placeholder: MessageKey };
  selects?: readonly ScreenSelect[];
  table: {
    columns: Array<Column<Row>>;
    rowKey: (row: Row) => Id;
    /** The badge beside a row's title on a phone card. */
    cardAside?: (row: Row) => ReactNode;
    label?: MessageKey;
  };
  empty: {
    icon?: LucideIcon;
    title: MessageKey;
    description: MessageKey;
    filteredTitle?: MessageKey;
    filteredDescription?: MessageKey;
  };
}

/** A screen config, its types worked out from the kit and the columns. */
export function listScreen<F extends FilterShape, S extends string, Row, Id extends string | number>(
  screen: ListScreen<F, S, Row, Id>,
): ListScreen<F, S, Row, Id> {
  return screen;
}

/** A filter on one of a fixed set of values (an enum), each labelled by its own key. */
export function valueSelect<V extends string>(
  name: string,
  label: MessageKey,
  values: readonly V[],
  optionLabel: (value: V) => MessageKey,
): ScreenSelect {
  return { name, label, values, optionLabel };
}

/** A yes/no filter (a `listFilters.yesNo()` field). */
export function yesNoSelect(name: string, label: MessageKey, yes: MessageKey, no: MessageKey): ScreenSelect {
  return valueSelect(name, label, ["yes", "no"], (value) => (value === "yes" ? yes : no));
}

/** A filter's current value in the parsed query (absent when the list is not filtered on it). */
function filterValue(value: unknown): string | number | undefined {
  return typeof value === "string" || typeof value === "number" ? value : undefined;
}

type ScreenListPageProps<F extends FilterShape, S extends string, Row, Id extends string | number> = Pick<
  QueryListPageProps<F, S, Row, Id>,
  "list" | "belowHeading" | "tabs" | "extraFilters" | "toolbar" | "children"
> & {
  screen: ListScreen<F, S, Row, Id>;
  /** Header buttons (a "new …" link, settings). */
  actions?: ReactNode;
  /** Offered in the "nothing yet" state (usually the header's "new …" link). */
  emptyAction?: ReactNode;
  /** Narrows "nothing matches" (e.g. only once anything exists at all). */
  emptyFiltered?: boolean;
};

export function ScreenListPage<F extends FilterShape, S extends string, Row, Id extends string | number>({
  screen,
  actions,
  emptyAction,
  emptyFiltered,
  ...page
}: ScreenListPageProps<F, S, Row, Id>) {
  const { t } = useI18n();
  const { heading, search, table, empty } = screen;
  const icon = "module" in heading ? MODULE_ICONS[heading.module] : heading.icon;
  const eyebrow = "module" in heading ? moduleGroupLabel(heading.module) : heading.eyebrow;
  const query: Record<string, unknown> = page.list.query;
  const EmptyIcon = empty.icon;
  return (
    <QueryListPage
      {...page}
      path={screen.path}
      kit={screen.kit}
      heading={{ eyebrow: t(eyebrow), title: t(screen.title), description: t(screen.description), icon, actions }}
      search={{
        id: search.id,
        label: search.label && t(search.label),
        placeholder: t(search.placeholder),
      }}
      selects={screen.selects?.map((select) => ({
        name: select.name,
        label: t(select.label),
        anyLabel: select.anyLabel && t(select.anyLabel),
        value: filterValue(query[select.name]),
        options: select.values.map((value) => ({ value, label: t(select.optionLabel(value)) })),
      }))}
      table={{ ...table, label: table.label && t(table.label) }}
      empty={{
        icon: EmptyIcon ? <EmptyIcon aria-hidden className="size-5" /> : undefined,
        title: t(empty.title),
        description: t(empty.description),
        filteredTitle: empty.filteredTitle && t(empty.filteredTitle),
        filteredDescription: empty.filteredDescription && t(empty.filteredDescription),
        action: emptyAction,
        filtered: emptyFiltered,
      }}
    />
  );
}
