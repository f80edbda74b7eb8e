// What a list loader hands the saved-views menu and the column chooser (built on the server by
// loadListViews in app/modules/views/list-views.server.ts). Plain data, so it crosses the wire.

/** The resource route that saves views and column choices (backoffice/routes/list-views.ts). */
export const LIST_VIEWS_ACTION = "/crm/list-views";

export interface SavedViewItem {
  id: number;
  name: string;
  /** The list URL this view opens (its filters, sort and columns, plus `view=<id>`). */
  href: string;
  /** The signed-in staff member owns it (may rename, share, delete). */
  mine: boolean;
  ownerName: string;
  sharedWithTeam: boolean;
}

export interface ListViewsState {
  listKey: string;
  views: SavedViewItem[];
  /** The view the list was opened from, if it is still visible to the user. */
  activeId: number | null;
  /** The list now differs from the active view (filters, sort or columns). */
  modified: boolean;
  /** Normalised filters + sort of the list as shown: what "save as view" stores. */
  search: string;
  /** Column ids shown, in column order. */
  visible: string[];
  /** The list with no filters, no view. */
  defaultHref: string;
  /** The user may share views with a team (has one). */
  canShare: boolean;
}
