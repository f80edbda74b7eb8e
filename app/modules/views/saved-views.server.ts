import { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { conflict, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { cleanColumns, cleanViewName, cleanViewQuery, isListKey } from "./view-input.ts";
import { selectName } from "#app/lib/prisma-selects.ts";

// Saved views of list pages (decision 022): a named filters + sort + columns state of one staff
// member. A staff member sees their own views and those their team's members shared; only the
// owner changes or deletes a view. Both rules are part of every query's WHERE, not a check after
// loading, so a guessed id of someone else's view reads and changes nothing.

export type ViewActor = Pick<StaffActor, "staffId" | "teamId">;

export interface SavedView {
  id: number;
  listKey: string;
  name: string;
  /** Search string of filters + sort. */
  query: string;
  columns: string[] | null;
  sharedWithTeam: boolean;
  mine: boolean;
  ownerName: string;
}

const SELECT = {
  id: true,
  staffId: true,
  listKey: true,
  name: true,
  query: true,
  columns: true,
  sharedWithTeam: true,
  staff: selectName,
} satisfies Prisma.SavedViewSelect;

/** Views this actor may see: own, or shared by someone of the actor's team. */
function visibleTo(actor: ViewActor): Prisma.SavedViewWhereInput {
  const or: Prisma.SavedViewWhereInput[] = [{ staffId: actor.staffId }];
  if (actor.teamId !== null) or.push({ sharedWithTeam: true, staff: { teamId: actor.teamId } });
  return { OR: or };
}

function toView(actor: ViewActor, row: Prisma.SavedViewGetPayload<{ select: typeof SELECT }>): SavedView {
  return {
    id: row.id,
    listKey: row.listKey,
    name: row.name,
    query: row.query,
    columns: cleanColumns(row.columns),
    sharedWithTeam: row.sharedWithTeam,
    mine: row.staffId === actor.staffId,
    ownerName: row.staff.name,
  };
}

/** The actor's own views first, then the team's, each by name. */
export async function listSavedViews(db: DbOrTx, actor: ViewActor, listKey: string): Promise<SavedView[]> {
  const rows = await db.savedView.findMany({
    where: { listKey, ...visibleTo(actor) },
    select: SELECT,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
  });
  const views = rows.map((r) => toView(actor, r));
  return [...views.filter((v) => v.mine), ...views.filter((v) => !v.mine)];
}

/** One view the actor may see, or null. */
export async function getSavedView(db: DbOrTx, actor: ViewActor, viewId: number): Promise<SavedView | null> {
  const row = await db.savedView.findFirst({ where: { id: viewId, ...visibleTo(actor) }, select: SELECT });
  return row ? toView(actor, row) : null;
}

export interface SavedViewInput {
  listKey: string;
  name: string;
  query: string;
  columns?: string | readonly string[] | null;
  sharedWithTeam?: boolean;
}

type Field = "name" | "query" | "listKey";

function isDuplicateName(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createSavedView(
  db: DbOrTx,
  actor: ViewActor,
  input: SavedViewInput,
): Promise<ServiceResult<SavedView, Field>> {
  if (!isListKey(input.listKey)) return invalid<Field>({ listKey: ["list.views.error.list"] });
  const name = cleanViewName(input.name);
  if (!name) return invalid<Field>({ name: ["list.views.error.name"] }, [], { name: String(input.name ?? "") });
  const query = cleanViewQuery(input.query);
  if (query === null) return invalid<Field>({ query: ["list.views.error.list"] });
  const columns = cleanColumns(input.columns);
  try {
    const row = await db.savedView.create({
      data: {
        staffId: actor.staffId,
        listKey: input.listKey,
        name,
        query,
        columns: columns?.join(",") ?? null,
        // Sharing needs a team to share with.
        sharedWithTeam: Boolean(input.sharedWithTeam) && actor.teamId !== null,
      },
      select: SELECT,
    });
    return ok(toView(actor, row));
  } catch (error) {
    if (isDuplicateName(error)) return conflict("list.views.error.duplicate");
    throw error;
  }
}

/** Changes one of the actor's own views; not-found for any other id (someone else's included). */
async function updateOwn(
  db: DbOrTx,
  actor: ViewActor,
  viewId: number,
  data: Prisma.SavedViewUpdateManyMutationInput,
): Promise<ServiceResult<SavedView, Field>> {
  try {
    const { count } = await db.savedView.updateMany({ where: { id: viewId, staffId: actor.staffId }, data });
    if (count === 0) return notFound("list.views.error.notFound");
  } catch (error) {
    if (isDuplicateName(error)) return conflict("list.views.error.duplicate");
    throw error;
  }
  const view = await getSavedView(db, actor, viewId);
  return view ? ok(view) : notFound("list.views.error.notFound");
}

/** Saves the list's current filters, sort and columns into the actor's view. */
export async function updateSavedViewQuery(
  db: DbOrTx,
  actor: ViewActor,
  viewId: number,
  input: { query: string; columns?: string | readonly string[] | null },
): Promise<ServiceResult<SavedView, Field>> {
  const query = cleanViewQuery(input.query);
  if (query === null) return invalid<Field>({ query: ["list.views.error.list"] });
  return updateOwn(db, actor, viewId, { query, columns: cleanColumns(input.columns)?.join(",") ?? null });
}

export async function renameSavedView(
  db: DbOrTx,
  actor: ViewActor,
  viewId: number,
  rawName: string,
): Promise<ServiceResult<SavedView, Field>> {
  const name = cleanViewName(rawName);
  if (!name) return invalid<Field>({ name: ["list.views.error.name"] }, [], { name: String(rawName ?? "") });
  return updateOwn(db, actor, viewId, { name });
}

export async function shareSavedView(
  db: DbOrTx,
  actor: ViewActor,
  viewId: number,
  shared: boolean,
): Promise<ServiceResult<SavedView, Field>> {
  return updateOwn(db, actor, viewId, { sharedWithTeam: shared && actor.teamId !== null });
}

export async function deleteSavedView(
  db: DbOrTx,
  actor: ViewActor,
  viewId: number,
): Promise<ServiceResult<{ listKey: string | null }, Field>> {
  const own = await db.savedView.findFirst({
    where: { id: viewId, staffId: actor.staffId },
    select: { listKey: true },
  });
  const { count } = await db.savedView.deleteMany({ where: { id: viewId, staffId: actor.staffId } });
  return count === 0 ? notFound("list.views.error.notFound") : ok({ listKey: own?.listKey ?? null });
}
