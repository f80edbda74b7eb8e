import type { DbOrTx } from "#app/lib/db.server.ts";
import { staffOptionRows, type StaffOptionRow } from "#app/modules/admin/staff-options.server.ts";

// A contact's owner by id from the cached staff directory (decision 048: one version query per page
// request, already paid by the shell) instead of a Prisma relation, which is one more statement per
// page (`SELECT … FROM Staff WHERE id IN (…)`). Inactive staff are in the directory too.

export interface OwnerRef {
  id: number;
  name: string;
}

// The cached array is replaced when the staff table changes, so its index can be kept beside it.
const indexes = new WeakMap<readonly StaffOptionRow[], Map<number, StaffOptionRow>>();

function indexOf(staff: readonly StaffOptionRow[]): Map<number, StaffOptionRow> {
  const byId = new Map(staff.map((s) => [s.id, s]));
  indexes.set(staff, byId);
  return byId;
}

/** `withOwner(row)` adds `owner` ({ id, name } or null) from the row's `ownerId`. */
export async function ownerLookup(db: DbOrTx) {
  const staff = await staffOptionRows(db);
  const byId = indexes.get(staff) ?? indexOf(staff);
  return <T extends { ownerId: number | null }>(row: T): T & { owner: OwnerRef | null } => {
    const s = row.ownerId === null ? undefined : byId.get(row.ownerId);
    return { ...row, owner: s ? { id: s.id, name: s.name } : null };
  };
}
