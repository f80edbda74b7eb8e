import { data } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import type { StaffActor, StaffPolicy } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";

// The loader of a back-office record page (an asset, a contract, a request, a zone, an article): the
// guard first, then the record by the id in the URL, loaded by a service that applies the actor's scope.

/** The page's data, or 404 when the id is malformed, unknown or outside the actor's scope. */
export async function loadRecordPage<T>(
  request: Request,
  policy: StaffPolicy,
  idParam: string | undefined,
  load: (database: typeof db, actor: StaffActor, id: number) => Promise<T | null>,
): Promise<T> {
  const actor = await requireStaffActor(request, policy);
  const page = await load(db, actor, requireIdParam(idParam));
  if (!page) throw data(null, { status: 404 });
  return page;
}
