import type { StaffStatus } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { versionedCache } from "#app/modules/settings/config-versions.server.ts";

// The staff and team directories that list filters and pickers offer (owner, team, assignee): read
// on most back-office pages, changed rarely. Cached per process and re-read when the table's version
// moves (decision 048); callers narrow them to the actor's reach in memory.

export interface StaffOptionRow {
  id: number;
  name: string;
  teamId: number | null;
  status: StaffStatus;
}

export interface TeamOptionRow {
  id: number;
  name: string;
  parentId: number | null;
}

const staffCache = versionedCache<StaffOptionRow[]>(() => "staff");
const teamCache = versionedCache<TeamOptionRow[]>(() => "team");

/** Every staff member (inactive too: a filter may name a former owner), by name. Do not mutate. */
export function staffOptionRows(db: DbOrTx): Promise<StaffOptionRow[]> {
  return staffCache(db, "all", () =>
    db.staff.findMany({
      select: { id: true, name: true, teamId: true, status: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  );
}

/** Every team, by name. Do not mutate. */
export function teamOptionRows(db: DbOrTx): Promise<TeamOptionRow[]> {
  return teamCache(db, "all", () =>
    db.team.findMany({ select: { id: true, name: true, parentId: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  );
}
