import { db } from "#app/lib/db.server.ts";
import { matchIndexReadiness } from "#app/modules/crm/matching/index-readiness.server.ts";

// Liveness + readiness for load balancers: 200 only when the database answers and the fuzzy-match
// index built at start-up is ready (503 "starting" until then; bounded, see index-readiness).
export async function loader() {
  if (!matchIndexReadiness().ready) {
    return Response.json({ status: "starting" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "database-unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
