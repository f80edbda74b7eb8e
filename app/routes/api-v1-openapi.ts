import { env } from "#app/lib/env.server.ts";
import { buildOpenApiDocument } from "#app/modules/leads/intake/openapi.ts";

// GET /api/v1/openapi.json: the intake API's description. Public and identical for everyone, so any
// origin may read it (e.g. an API explorer on a partner's site) and caches may keep it briefly.
export function loader() {
  return Response.json(buildOpenApiDocument({ serverUrl: env.APP_URL }), {
    headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" },
  });
}
