import type { DbOrTx } from "#app/lib/db.server.ts";
import type { FilterShape, ListQuery, ListQueryKit, Overrides } from "#app/ui/list/list-query.ts";
import type { ListViewsState } from "#app/ui/list/list-views-state.ts";
import { getColumnChoice } from "./list-columns.server.ts";
import { listSavedViews, type ViewActor } from "./saved-views.server.ts";

// What a list loader needs for the saved-views menu and the column chooser, in one call:
// the views the actor may see (with the URL each opens), which one is active and whether the list
// was changed since, and the columns to show: the URL's `cols`, else the user's remembered choice,
// else the list's defaults (a view carries its columns in its URL).

export interface LoadedListViews extends ListViewsState {
  /** Set when a bare `?view=<id>` should open the view's full URL (a shared link, say). */
  redirect: string | null;
}

function inOrder(all: readonly string[], chosen: readonly string[]): string[] {
  return all.filter((id) => chosen.includes(id));
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

export async function loadListViews<F extends FilterShape, S extends string>(
  db: DbOrTx,
  actor: ViewActor,
  kit: ListQueryKit<F, S>,
  query: ListQuery<F, S>,
  path: string,
): Promise<LoadedListViews> {
  const [views, remembered] = await Promise.all([
    listSavedViews(db, actor, kit.key),
    getColumnChoice(db, actor, kit.key),
  ]);
  const all = kit.definition.columns ?? [];
  const defaults = kit.definition.defaultColumns ?? all;
  const chosen = inOrder(all, query.cols ?? remembered ?? defaults);
  const visible = chosen.length ? chosen : [...defaults];

  const items = views.map((v) => {
    const columns = v.columns ? inOrder(all, v.columns) : [];
    return {
      view: v,
      search: kit.normalise(v.query),
      columns,
      item: {
        id: v.id,
        name: v.name,
        href: kit.hrefFor(path, kit.parse(new URLSearchParams(v.query)), {
          view: v.id,
          cols: columns.length ? columns : null,
        } as Overrides<F, S>),
        mine: v.mine,
        ownerName: v.ownerName,
        sharedWithTeam: v.sharedWithTeam,
      },
    };
  });
  const active = query.view ? items.find((i) => i.view.id === query.view) : undefined;
  const search = kit.searchOf(query);
  const modified = active
    ? active.search !== search || (active.columns.length > 0 && !sameColumns(active.columns, visible))
    : false;
  const bare = active && search === "" && !query.cols && (active.search !== "" || active.columns.length > 0);

  return {
    listKey: kit.key,
    views: items.map((i) => i.item),
    activeId: active?.view.id ?? null,
    modified,
    search,
    visible,
    defaultHref: path,
    canShare: actor.teamId !== null,
    redirect: bare ? active.item.href : null,
  };
}
