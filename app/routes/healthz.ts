import { db } from "#app/lib/db.server.ts";

// Liveness + readiness for load balancers: 200 only when the database answers.
export async function loader() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "database-unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
