import type { DbOrTx } from "#app/lib/db.server.ts";
import type { ViewActor } from "./saved-views.server.ts";
import { cleanColumns, isListKey } from "./view-input.ts";

// The columns a staff member chose for a list (the column chooser), one row per person and list.

export async function getColumnChoice(db: DbOrTx, actor: ViewActor, listKey: string): Promise<string[] | null> {
  const row = await db.listColumnChoice.findUnique({
    where: { staffId_listKey: { staffId: actor.staffId, listKey } },
    select: { columns: true },
  });
  return cleanColumns(row?.columns);
}

/** Remembers the choice; an empty choice forgets it (back to the list's default columns). */
export async function saveColumnChoice(
  db: DbOrTx,
  actor: ViewActor,
  listKey: string,
  columns: string | readonly string[] | null,
): Promise<boolean> {
  if (!isListKey(listKey)) return false;
  const ids = cleanColumns(columns);
  if (!ids) {
    await db.listColumnChoice.deleteMany({ where: { staffId: actor.staffId, listKey } });
    return true;
  }
  const value = ids.join(",");
  await db.listColumnChoice.upsert({
    where: { staffId_listKey: { staffId: actor.staffId, listKey } },
    create: { staffId: actor.staffId, listKey, columns: value },
    update: { columns: value },
  });
  return true;
}
