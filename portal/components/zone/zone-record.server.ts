import { data } from "react-router";
import { db, type DbOrTx } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";

/**
 * The loader of a zone record page (an asset, a contract): the member must be in the zone, and the
 * id must be one of the zone company's records, else 404 (the service scopes by company itself).
 */
export async function loadZoneRecord<T>(
  request: Request,
  id: string | undefined,
  load: (db: DbOrTx, companyId: number, id: number) => Promise<T | null>,
) {
  const context = await requireZoneAccess(request);
  const record = await load(db, context.zone.companyId, requireIdParam(id));
  if (!record) throw data(null, { status: 404 });
  return { zone: { name: context.zone.name }, record };
}
