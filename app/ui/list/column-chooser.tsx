import { Columns3 } from "lucide-react";
import { Form, useLocation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Button } from "../button.tsx";
import type { Column } from "./data-table.tsx";
import { LIST_VIEWS_ACTION, type ListViewsState } from "./list-views-state.ts";

// Which columns a list shows, remembered per user (list-columns.server.ts). A plain POST form in a
// disclosure: it works without JavaScript, and the resource route sends the user back to this URL.

export function ColumnChooser<Row>({
  columns,
  state,
  action = LIST_VIEWS_ACTION,
}: {
  columns: ReadonlyArray<Column<Row>>;
  state: Pick<ListViewsState, "listKey" | "visible">;
  action?: string;
}) {
  const { t } = useI18n();
  const location = useLocation();
  const here = location.pathname + withoutCols(location.search);
  const choosable = columns.filter((c) => c.hideable !== false);
  if (choosable.length === 0) return null;
  return (
    <details className="relative">
      <summary className="inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-600 select-none hover:bg-slate-100 hover:text-slate-900 [&::-webkit-details-marker]:hidden">
        <Columns3 className="size-4" aria-hidden />
        {t("list.columns.button")}
      </summary>
      <Form
        method="post"
        action={action}
        className="absolute right-0 z-20 mt-1 w-60 rounded-lg border border-slate-200 bg-white p-3 shadow-lg"
      >
        <input type="hidden" name="listKey" value={state.listKey} />
        <input type="hidden" name="redirectTo" value={here} />
        <fieldset>
          <legend className="mb-2 text-xs font-medium text-slate-500">{t("list.columns.legend")}</legend>
          <div className="space-y-1.5">
            {choosable.map((c) => (
              <label key={c.id} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  name="column"
                  value={c.id}
                  defaultChecked={state.visible.includes(c.id)}
                  className="size-4 rounded border-slate-300"
                />
                {t(c.header)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="mt-3 flex flex-wrap gap-2">
          <Button type="submit" size="sm" name="intent" value="columns">
            {t("list.columns.save")}
          </Button>
          <Button type="submit" size="sm" variant="ghost" name="intent" value="columns-reset">
            {t("list.columns.reset")}
          </Button>
        </div>
      </Form>
    </details>
  );
}

/** The current URL's search without `cols`, so the remembered choice shows after saving. */
function withoutCols(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("cols");
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}
