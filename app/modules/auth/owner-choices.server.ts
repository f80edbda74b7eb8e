import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor, teamScopeIds, type Module } from "./permissions.ts";
import type { StaffActor } from "./staff-actor.ts";

/**
 * Whom the actor may make the owner of a new `module` record, by their add scope: every active
 * colleague (all), the active people of their teams (team), else only themselves — who are always
 * among the choices. Ordered by name.
 */
export async function ownerChoices(
  db: DbOrTx,
  actor: StaffActor,
  module: Module,
): Promise<Array<{ id: number; name: string }>> {
  const scope = scopeFor(actor, module, "add");
  const reach: Prisma.StaffWhereInput =
    scope === "all"
      ? { status: "active" }
      : scope === "team" && actor.teamId !== null
        ? { status: "active", teamId: { in: teamScopeIds(actor) } }
        : { id: actor.staffId };
  return db.staff.findMany({
    where: { OR: [reach, { id: actor.staffId }] },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
