import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import {
  handleIntakePost,
  handleIntakePreflight,
  methodNotAllowed,
} from "#app/modules/leads/intake/intake-api.server.ts";
import type { Route } from "./+types/api-v1-leads";

// The public Web-to-CRM intake API (DESIGN.md "External contracts" §1). A resource route: React Router
// sends POST (and other mutations) to `action`, and GET/HEAD/OPTIONS to `loader`, so the CORS
// preflight is answered there. Resource routes skip React Router's action Origin check, which is
// why cross-origin POSTs from allowed sites reach us; our own per-category check replaces it.

export async function action({ request, context }: Route.ActionArgs) {
  if (request.method !== "POST") return methodNotAllowed(request);
  return handleIntakePost(request, { db, clientIp: clientIp(context) });
}

export async function loader({ request }: Route.LoaderArgs) {
  if (request.method === "OPTIONS") return handleIntakePreflight(request, { db });
  return methodNotAllowed(request);
}
