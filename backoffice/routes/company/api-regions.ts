// GET /crm/api/regions?parent=44 — the cities of a province or the districts of a city (JSON), for
// the region picker (app/ui/form/region-field.tsx): one level at a time, so the browser never loads
// the whole divisions dataset (decision 027). Public reference data, but only for signed-in staff.
import { data, type LoaderFunctionArgs } from "react-router";
import { requireStaffActorJson } from "#app/modules/auth/staff-guard.server.ts";
import { listChildren, listProvinces } from "#app/modules/crm/regions/divisions.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActorJson(request, "signedIn");
  const parent = new URL(request.url).searchParams.get("parent") ?? "";
  const divisions = parent === "" ? listProvinces() : /^\d{2,4}$/.test(parent) ? listChildren(parent) : [];
  return data({ parent, divisions }, { headers: { "Cache-Control": "private, max-age=86400" } });
}
